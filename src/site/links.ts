/**
 * Addresses in another script (`/tags/日本/`, `/people/李明/`, see posts/slug.ts) are written on
 * disk as they read; in the pages' links they are percent-encoded, as WordPress writes them and
 * as a URL must be outside HTML (feeds, sitemap, `_redirects`, a link pasted anywhere).
 */

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A URL or path with every character that is not ASCII percent-encoded as UTF-8
 * (`/tags/日本/` → `/tags/%E6%97%A5%E6%9C%AC/`); what is already ASCII (a `%20`, a `?q=a&b`) is
 * left as it is, so encoding twice changes nothing. A lone surrogate, which has no UTF-8, becomes
 * U+FFFD, as a browser sends it.
 */
export function encodeUrl(url: string): string {
  return NON_ASCII.test(url)
    ? url.replace(/[^\x00-\x7f]+/g, (text) => [...Buffer.from(text, "utf8")].map(percent).join(""))
    : url;
}

const percent = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * The attributes of a page that hold one URL (`href`, `src`, `poster`, `action`, `cite`) and a
 * redirect page's `<meta http-equiv="refresh" content="0; url=…">`, double-quoted as our
 * templates and markdown-it write them.
 */
const URL_ATTRIBUTE = /(\s(?:href|src|poster|action|cite)=")([^"]*)(")|(\scontent="\d+;\s*url=)([^"]*)(")/gi;

/** A start tag with a character that is not ASCII somewhere in it: only those can hold such a URL (a third of the time of reading every attribute). */
const TAG_WITH_NON_ASCII = /<[a-z][^>]*[^\x00-\x7f][^>]*>/gi;

/** A page's HTML with the URLs of its links and media percent-encoded (encodeUrl); a page whose URLs are all ASCII comes back as it was. */
export function encodeLinks(html: string): string {
  if (!NON_ASCII.test(html)) return html;
  return html.replace(TAG_WITH_NON_ASCII, (tag) =>
    tag.replace(URL_ATTRIBUTE, (match, ...groups: (string | undefined)[]) => {
      const [name, value, end] = groups[0] !== undefined ? groups.slice(0, 3) : groups.slice(3, 6);
      return NON_ASCII.test(value!) ? `${name}${encodeUrl(value!)}${end}` : match;
    }),
  );
}

/** A URL or path decoded (`%E6%97%A5` → `日`), or as it stands when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/**
 * What ends an address where it is written (an HTML attribute, a Markdown link, a YAML line) or
 * hides part of it: whitespace and line separators, controls, invisible format characters,
 * quotes, backticks, angle brackets, parentheses and "\". An address written by hand or taken from
 * an export holds none of them; in a URL they are percent-encoded.
 */
export const BREAKS_OUT_OF_AN_ADDRESS = /[\s"'<>()`\\\p{Cc}\p{Cf}]/u;
