/**
 * The last part of an address (`/en/…/<slug>/`, `/tags/<slug>/`, `/people/<slug>/`), made from a
 * title, a tag or a person's name.
 *
 * Latin text is slugged as WordPress does it, and as this site always has: accents stripped,
 * lowercase, quotes dropped, every other run of characters a hyphen ("Revisiting ‘Good Strategy’"
 * → "revisiting-good-strategy"). Letters and digits of the other scripts (Chinese, Japanese,
 * Korean, Arabic, Hebrew, Cyrillic, Greek, Devanagari…) are kept as they are, lowercase where the
 * script has case, with their own marks (the dakuten of "で", the breve of "й"), in NFC:
 * "東京での対話" → "東京での対話", "Москва 2024" → "москва-2024". The page is written at that path;
 * links, feeds and the sitemap percent-encode it (`/tags/%E6%97%A5%E6%9C%AC/`), as WordPress does
 * with the slugs it keeps in Unicode. Text with no letter or digit at all ("🎙️!") gives "".
 */
export function slugify(text: string): string {
  // Latin text, as always (and fast: most of the site's titles, tags and names are ASCII).
  if (!NON_ASCII.test(text) || !hasForeignLetterOrDigit(text)) return latinSlug(text);
  // Runs of other scripts' letters and digits (with the marks that follow them), and runs of the
  // rest, slugged as always: what is not another script's comes out exactly as it did.
  let slug = "";
  let foreign = "";
  let latin = "";
  for (const char of text) {
    if (foreign && VARIATION_SELECTOR.test(char)) continue; // how a glyph is drawn, not part of the word
    if (isForeignLetterOrDigit(char) || (foreign && MARK.test(char))) {
      if (latin) slug += latinPart(latin);
      latin = "";
      foreign += char;
    } else {
      // Compatibility forms are folded (halfwidth ﾃﾞ is デ), marks composed (и + ̆ is й).
      if (foreign) slug += foreign.normalize("NFKC").toLowerCase();
      foreign = "";
      latin += char;
    }
  }
  slug += foreign ? foreign.normalize("NFKC").toLowerCase() : latinPart(latin);
  return fitForAFileName(slug.replace(/-+/g, "-").replace(/^-|-$/g, ""));
}

/** The slug as it was always made: what the site's Latin titles, tags and names keep. */
const latinSlug = (text: string) => latinPart(text).replace(/^-+|-+$/g, "");

/** Latin letters with no accent to strip, spelled as WordPress spells them (remove_accents): "Straße" and "Strae" are two names. */
const SPELLED: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ħ: "h",
  ı: "i",
  ŋ: "n",
  ſ: "s",
  ĸ: "k",
};
const UNSPELLED = new RegExp(`[${Object.keys(SPELLED).join("")}]`, "g");

/** Latin text as the slug always made it (accents stripped, quotes dropped, the rest a hyphen), not yet trimmed. */
const latinPart = (text: string) =>
  text
    .toLowerCase()
    .replace(UNSPELLED, (letter) => SPELLED[letter]!)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’‘"“”]/g, "")
    .replace(/[^a-z0-9]+/g, "-");

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_CHARS = /[^\x00-\x7f]/gu;
const MARK = /^\p{M}$/u;
const VARIATION_SELECTOR = /^\p{Variation_Selector}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Latin letters (ß, ø, ł… spelled as WordPress does) and the letters every script shares (µ, ʼ) go the Latin way. */
const LATIN_OR_SHARED = /^[\p{scx=Latin}\p{scx=Common}\p{scx=Inherited}]$/u;

/** A letter or digit of a script other than Latin: 東, で, ー, й, α, ب, ע, क, 한, ٣. */
const isForeignLetterOrDigit = (char: string) => LETTER_OR_DIGIT.test(char) && !LATIN_OR_SHARED.test(char);
const hasForeignLetterOrDigit = (text: string) => (text.match(NON_ASCII_CHARS) ?? []).some(isForeignLetterOrDigit);

/**
 * A file or folder name holds at most 255 bytes, and a post's file is `YYYY-MM-DD-<slug>.md`: a
 * slug in another script (three bytes a character in Chinese or Japanese) is cut to
 * MAX_SLUG_BYTES, between two characters as readers see them, and not after a hyphen. (WordPress
 * cuts its encoded slugs at 200 characters too.) A Latin slug never comes here: its length is as
 * it always was.
 */
export const MAX_SLUG_BYTES = 200;

function fitForAFileName(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug;
  let fitted = "";
  let bytes = 0;
  for (const { segment } of graphemes.segment(slug)) {
    bytes += Buffer.byteLength(segment);
    if (bytes > MAX_SLUG_BYTES) break;
    fitted += segment;
  }
  return fitted.replace(/-+$/, "");
}

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/** What needs an address in a post's front matter: its title (unless it has a `slug`), each tag, the host and each guest. */
export interface Addressed {
  title: string;
  slug?: string | undefined;
  tags?: readonly string[];
  host?: { name: string } | undefined;
  guests?: readonly { name: string }[];
}

/** A field of the front matter whose text gives no address, with the path zod would give it (`["tags", 1]`). */
export interface AddressProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Every title, tag and name of a post that has no letter or digit in any script ("🎙️", "!!!"),
 * so would get an empty address (`/tags//`, `/people//`, `/en/2024/06/09//`). For the schema:
 * each is an issue on its field, which the build and `npm run check` print as
 * `file:line: field "tags.1" …`.
 */
export function addressProblems(post: Addressed): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const none = (what: string, text: string, page: string) =>
    `"${text}" has no letter or digit to make ${what} address (${page}): write it with at least one letter or digit`;
  if (post.slug === undefined && slugify(post.title) === "")
    problems.push({
      path: ["title"],
      message: `${none("the post's", post.title, "/en/YYYY/MM/DD/<slug>/")}, or give the post a slug`,
    });
  post.tags?.forEach((tag, index) => {
    if (slugify(tag) === "") problems.push({ path: ["tags", index], message: none("the tag's", tag, "/tags/<slug>/") });
  });
  if (post.host && slugify(post.host.name) === "")
    problems.push({ path: ["host", "name"], message: none("the person's", post.host.name, "/people/<slug>/") });
  post.guests?.forEach((guest, index) => {
    if (slugify(guest.name) === "")
      problems.push({ path: ["guests", index, "name"], message: none("the person's", guest.name, "/people/<slug>/") });
  });
  return problems;
}
