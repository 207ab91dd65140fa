/**
 * The author command's domain (`npm run new`, scripts/new-post.ts): from a kind, a title and a few
 * options, the files of a new post and its URL. Pure functions: no file system, no Eleventy; the
 * clock is read only by `todayIn`, which also takes it as an argument.
 *
 * Text that the author typed (title, names, roles, tags) is written into YAML by js-yaml's `dump`,
 * never quoted by hand, so a title such as `He said "hi" & <script>` or `- starts with dash` reads
 * back exactly.
 */
import { parseArgs } from "node:util";
import { dump } from "js-yaml";
import { DateTime } from "luxon";
import { parseSiteDate } from "../dates/dates.ts";
import { POSTS_DIR } from "./front-matter.ts";
import { LANGUAGE_CODE, POST_KINDS, type Person } from "./schema.ts";
import { slugify } from "./slug.ts";

export type PostKind = (typeof POST_KINDS)[number];

/** The slug of a post whose title has no letter or digit in any script (`🎙️!`): its URL still needs one. */
export const FALLBACK_SLUG = "post";

export const USAGE = `Usage: npm run new -- article "Title" [--tag <tag> ...] [--date YYYY-MM-DD] [--lang <lang>] [--translation-of <post>] [--content <dir>]
       npm run new -- episode "Title" --guest "Name, Role" [--guest "Name, Role" ...] [--tag <tag> ...] [--date YYYY-MM-DD] [--lang <lang>] [--translation-of <post>] [--content <dir>]

Creates a post in content/posts/:
  article            content/posts/YYYY-MM-DD-<slug>.md
  episode            content/posts/YYYY-MM-DD-<slug>/index.md and transcript.md
  --guest, -g        an episode's guest, "Full Name, Role" (the role is optional); repeat for each guest
  --tag, -t          a tag, e.g. --tag Strategy; repeat for each tag
  --date, -d         the post's date (default: today in the site's time zone)
  --lang, -l         the post's language, e.g. --lang fr: one with a dictionary in content/_data/i18n/
                     (default: the site's language, site.json)
  --translation-of   the post this one translates: its file, folder or slug; both get one translationKey
                     (the original's, or its slug, added to it). Without --lang: the site's other language
  --content <dir>    the content folder (default: content)
  --help, -h         this help
A title that starts with "-" goes last, after "--": npm run new -- article --tag Books -- "- Title"`;

/** A mistake in the command line: the CLI prints it with the usage and exits with 1. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A request the command cannot fulfil (bad date, duplicate guest…): printed without the usage. */
export class NewPostError extends Error {
  override name = "NewPostError";
}

export interface NewPostArgs {
  help: boolean;
  kind: PostKind;
  title: string;
  guests: Person[];
  tags: string[];
  date?: string;
  content?: string;
  /** `--lang`, in lowercase: checked against the dictionaries by the command (checkLanguage). */
  lang?: string;
  /** `--translation-of`: the original's file, folder or slug, as typed. */
  translationOf?: string;
}

const isKind = (value: string): value is PostKind => (POST_KINDS as readonly string[]).includes(value);

/** What `read` returns; a mistake it throws is the user's, reported as a UsageError. */
function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * The command line (`process.argv.slice(2)`). The title is trimmed (a space typed inside the quotes
 * is not part of it). Throws UsageError for an unknown kind, a missing title, an unknown option, or
 * guests on an article; `help: true` comes back without any other check.
 */
export function parseNewPostArgs(argv: readonly string[]): NewPostArgs {
  const parsed = asUsage(() =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        guest: { type: "string", short: "g", multiple: true, default: [] },
        tag: { type: "string", short: "t", multiple: true, default: [] },
        date: { type: "string", short: "d" },
        content: { type: "string" },
        lang: { type: "string", short: "l" },
        "translation-of": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }),
  );
  const { values, positionals } = parsed;
  const [kind = "", title = "", ...extra] = positionals;
  const lang = values.lang?.trim().toLowerCase();
  const translationOf = values["translation-of"]?.trim();
  const base = {
    guests: [] as Person[],
    tags: values.tag.map((tag) => tag.trim()),
    date: values.date,
    content: values.content,
    ...(lang !== undefined ? { lang } : {}),
    ...(translationOf !== undefined ? { translationOf } : {}),
  };
  if (values.help) return { help: true, kind: "article", title, ...base };
  if (positionals.length === 0) throw new UsageError("no kind given: article or episode");
  if (!isKind(kind)) throw new UsageError(`"${kind}" is not a kind of post: use article or episode`);
  if (title.trim().length === 0) throw new UsageError(`no title given: npm run new -- ${kind} "The Title"`);
  if (extra.length > 0) {
    throw new UsageError(
      `one title expected, got ${positionals.length - 1} words: put the title in quotes, e.g. npm run new -- ${kind} "${positionals.slice(1).join(" ")}"`,
    );
  }
  if (lang !== undefined && !LANGUAGE_CODE.test(lang))
    throw new UsageError(
      `--lang "${values.lang}" is not a language code: write it as the address does, e.g. --lang fr`,
    );
  if (translationOf === "")
    throw new UsageError(
      "--translation-of is empty: give the original's file, folder or slug, e.g. --translation-of playing-to-win",
    );
  if (kind === "article" && values.guest.length > 0)
    throw new UsageError("only an episode has guests: drop --guest or make it an episode");
  if (kind === "episode" && values.guest.length === 0)
    throw new UsageError('an episode needs at least one guest: --guest "Full Name, Role"');
  for (const tag of base.tags) {
    // A tag's page is /tags/<slug of the tag>/, as a person's is.
    if (tag.length > 0 && slugify(tag).length === 0)
      throw new UsageError(
        `--tag "${tag}": a tag needs a letter or digit (in any script) for its page URL (/tags/<tag>/)`,
      );
  }
  return { help: false, kind, title: title.trim(), ...base, guests: values.guest.map(parseGuest) };
}

/** `"Maria Bracho, CTO for LATAM, Red Hat"` → name "Maria Bracho", role "CTO for LATAM, Red Hat": split at the first comma. */
export function parseGuest(text: string): Person {
  const comma = text.indexOf(",");
  const name = (comma < 0 ? text : text.slice(0, comma)).trim();
  const role = comma < 0 ? "" : text.slice(comma + 1).trim();
  if (name.length === 0) throw new UsageError(`--guest "${text}" has no name: write --guest "Full Name, Role"`);
  // A person's page is /people/<slug of the name>/: a name without a letter or digit (in any script) would have none.
  if (slugify(name).length === 0)
    throw new UsageError(
      `--guest "${text}": the name needs a letter or digit (in any script) for the person's page URL (/people/<name>/)`,
    );
  return role.length > 0 ? { name, role } : { name };
}

/** The slug of a title: `slugify`'s (`playing-to-win`, `東京での対話`), or FALLBACK_SLUG when nothing of the title survives. Never empty. */
export function postSlug(title: string): string {
  return slugify(title) || FALLBACK_SLUG;
}

/** Today's date (YYYY-MM-DD) in the site's time zone. */
export function todayIn(timeZone: string, now: DateTime = DateTime.now()): string {
  const today = now.setZone(timeZone);
  if (!today.isValid) throw new NewPostError(`"${timeZone}" is not a time zone (timeZone in site.json)`);
  return today.toISODate() ?? "";
}

/** A `--date` as given, checked: a real calendar day written YYYY-MM-DD. */
export function checkDate(value: string, timeZone: string): string {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !parseSiteDate(text, timeZone)) {
    throw new UsageError(`--date "${value}" is not a date: write YYYY-MM-DD, e.g. 2024-06-09`);
  }
  return text;
}

/** `/en/2024/06/09/playing-to-win/` (`/fr/…` in French), as the schema derives it from the language, the date and the slug. */
export function postUrl(date: string, slug: string, lang = "en"): string {
  return `/${lang}/${date.replaceAll("-", "/")}/${slug}/`;
}

/**
 * A language the site can write pages in: one with a dictionary (`known`, from content/_data/i18n/).
 * Another is a usage error naming the ones there are.
 */
export function checkLanguage(lang: string, known: readonly string[], dictionaries = "content/_data/i18n"): string {
  if (known.includes(lang)) return lang;
  throw new UsageError(
    `--lang "${lang}" is not a language of the site: there is no ${dictionaries}/${lang}.json. Its languages: ${known.join(", ") || "none"}`,
  );
}

/**
 * The language of a translation of a post in `original`: `lang` when given (another than the
 * original's), else the site's only other language.
 */
export function translationLanguage(lang: string | undefined, original: string, known: readonly string[]): string {
  if (lang === original)
    throw new NewPostError(`--lang ${lang} is the language of the original: a translation is in another language`);
  if (lang !== undefined) return lang;
  const others = known.filter((other) => other !== original);
  if (others.length === 1) return others[0]!;
  throw new UsageError(
    `--translation-of: say which language the translation is in, --lang ${others.join(" or --lang ") || "<lang>"}`,
  );
}

/**
 * The original's file with `translationKey: <key>` added to its front matter (after `lang:`, else
 * after `date:`), for a post that has none yet. Written by js-yaml, so a key such as `2024` stays text.
 */
export function withTranslationKey(text: string, key: string): string {
  const line = yaml({ translationKey: key });
  const end = text.indexOf("\n---", 3);
  const front = end < 0 ? text : text.slice(0, end + 1);
  const after = /^lang:.*\n/m.exec(front) ?? /^date:.*\n/m.exec(front) ?? /^---\n/.exec(front);
  if (!after) throw new NewPostError("the original has no front matter to add its translationKey to");
  const at = after.index + after[0].length;
  return `${text.slice(0, at)}${line}${text.slice(at)}`;
}

/** Where the post's files go, relative to the content folder, with `/` separators. */
export function postPaths(
  kind: PostKind,
  date: string,
  slug: string,
): { main: string; transcript?: string; folder?: string } {
  const name = `${date}-${slug}`;
  if (kind === "article") return { main: `${POSTS_DIR}/${name}.md` };
  return {
    folder: `${POSTS_DIR}/${name}`,
    main: `${POSTS_DIR}/${name}/index.md`,
    transcript: `${POSTS_DIR}/${name}/transcript.md`,
  };
}

/** Every path, relative to the content folder, whose existence means a post with this date and slug already exists. */
export function conflictingPaths(date: string, slug: string): string[] {
  return [`${POSTS_DIR}/${date}-${slug}.md`, `${POSTS_DIR}/${date}-${slug}`];
}

const yaml = (data: Record<string, unknown>): string =>
  dump(data, { lineWidth: -1, noRefs: true, quoteStyle: "double" });

export interface NewPost {
  kind: PostKind;
  title: string;
  date: string;
  /** Written as `lang:` when given; the URL's language, else `siteLanguage`'s. */
  lang?: string;
  /** The site's language (site.json), of a post without `lang`. Default "en". */
  siteLanguage?: string;
  /** Shared with the other versions of the post. */
  translationKey?: string;
  /** The site author's name: an episode's host. */
  host: string;
  guests: Person[];
  tags: string[];
}

/**
 * The text of the post's Markdown file (an article, or an episode's index.md): front matter and a
 * body made of one HTML comment, which Markdown drops from the page.
 *
 * `description` is written as a YAML comment: the schema rejects an empty one, and feeds, search and
 * link previews fall back to the site's description until the author writes one. `slug` is written
 * only when the title has no slug of its own (FALLBACK_SLUG), so the URL matches the file name.
 */
export function postFileText(post: NewPost): string {
  const slug = slugify(post.title) ? {} : { slug: FALLBACK_SLUG };
  const languages = {
    ...(post.lang ? { lang: post.lang } : {}),
    ...(post.translationKey ? { translationKey: post.translationKey } : {}),
  };
  const head = yaml({ title: post.title, ...slug, date: post.date, ...languages, kind: post.kind });
  const people = post.kind === "episode" ? { host: { name: post.host.trim() }, guests: post.guests } : {};
  const tail = yaml({ tags: post.tags, ...people });
  const description =
    "# description: One sentence that sums up the post, for feeds, search results and link previews.\n";
  const body =
    post.kind === "episode"
      ? "<!-- Write the show notes here, in Markdown. The transcript goes in transcript.md, beside this file. -->"
      : "<!-- Write the article here, in Markdown. -->";
  return `---\n${head}${description}${tail}---\n\n${body}\n`;
}

/**
 * Transcript labels: each person's first name (`Maria: …`), or their full name when two people share
 * a first name. Label → full name, host first.
 */
export function speakerLabels(names: readonly string[]): Record<string, string> {
  const first = (name: string) => (name.trim().split(/\s+/)[0] ?? "").replaceAll(":", "");
  const labels: Record<string, string> = {};
  for (const name of names.map((n) => n.trim())) {
    const short = first(name);
    const shared = short.length === 0 || names.filter((other) => first(other) === short).length > 1;
    labels[shared ? name.replaceAll(":", "") : short] = name;
  }
  return labels;
}

/**
 * The skeleton of an episode's transcript.md: `heading` and `speakers` (host and guests), the
 * instructions as YAML comments, and an empty body.
 *
 * Why comments in the front matter and not in the body: the transcript parser reads the body as
 * speaker turns and reports any text before the first `Label:` turn as an error, an HTML comment
 * included. Why declare every speaker though none speaks yet: the build then only warns ("speaker …
 * is declared but never speaks") until the transcript is in, which is the reminder that it is
 * missing, and nothing is published in anybody's name; a placeholder turn would silence one warning
 * by putting words in someone's mouth on the live page.
 */
export function transcriptFileText(post: NewPost, slug: string): string {
  const speakers = speakerLabels([post.host, ...post.guests.map((g) => g.name)]);
  const firstLabel = Object.keys(speakers)[0] ?? "Name";
  const comments = [
    "# The episode's transcript. Paste it below the closing ---, one turn per paragraph, each",
    `# starting with a label declared under speakers (e.g. "${firstLabel.replace(/\s+/g, " ")}: Welcome…").`,
    "# Or import the file from the recording tool (it replaces this one):",
    `#   npm run transcript:import -- <file> --episode ${slug} --force`,
    "# Until then the build warns that these speakers never speak: that is the reminder.",
    "# Keep the body empty until then: text before the first turn is an error.",
  ].join("\n");
  const front = dump(
    { heading: "Transcript", speakers },
    { lineWidth: -1, noRefs: true, quoteStyle: "double", forceQuotes: true },
  );
  return `---\n${comments}\n${front}---\n`;
}

export interface NewPostPlan {
  slug: string;
  url: string;
  /** Relative to the content folder; the episode's folder first (to create), then files with their text. */
  folder?: string;
  files: { path: string; text: string }[];
  /** Paths (relative to the content folder) that must not exist already. */
  conflicts: string[];
}

/** An episode's people are distinct: each has one page, /people/<slug of the name>/. */
export function checkPeople(host: string, guests: readonly Person[]): void {
  const seen = new Map<string, string>([[slugify(host), `${host.trim()} (the host)`]]);
  for (const guest of guests) {
    const other = seen.get(slugify(guest.name));
    if (other !== undefined)
      throw new NewPostError(`guest "${guest.name}" is the same person as ${other}: give each person once`);
    seen.set(slugify(guest.name), `the guest "${guest.name}"`);
  }
}

/** Everything the command writes for a post, without writing it. */
export function planNewPost(post: NewPost): NewPostPlan {
  if (post.kind === "episode") checkPeople(post.host, post.guests);
  const slug = postSlug(post.title);
  const paths = postPaths(post.kind, post.date, slug);
  const files = [{ path: paths.main, text: postFileText(post) }];
  if (paths.transcript) files.push({ path: paths.transcript, text: transcriptFileText(post, slug) });
  return {
    slug,
    url: postUrl(post.date, slug, post.lang ?? post.siteLanguage),
    ...(paths.folder ? { folder: paths.folder } : {}),
    files,
    conflicts: conflictingPaths(post.date, slug),
  };
}
