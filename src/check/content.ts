/**
 * `npm run check`: everything the build would refuse or warn about in the content, found
 * without building the site. Each check is one function below; all of them read the posts as
 * the build does (the same front matter reader, schema, transcript parser and Markdown parser).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { imageFile, isFile, isLocalFile } from "../images/body-images.ts";
import { unpublishedReason } from "../posts/publishing.ts";
import {
  collectRedirects,
  pagesOfPosts,
  readSiteRedirects,
  SITE_REDIRECTS_FILE,
  SiteRedirectsError,
  type Redirect,
  type RedirectOrigin,
} from "../posts/redirects.ts";
import { siteRootUrl } from "../site/path-prefix.ts";
import type { SiteSettings } from "../site/settings.ts";
import { readEpisodeTranscript } from "../transcript/episode.ts";
import type { Diagnostic as TranscriptDiagnostic } from "../transcript/parse.ts";
import {
  checkDataFiles,
  fieldLine,
  listContent,
  listPages,
  readMarkdown,
  readPost,
  readSettings,
  type ContentPath,
  type MarkdownFile,
  type PostFile,
} from "./files.ts";
import { checkLanguages, checkTranslations, readSiteLanguages } from "./languages.ts";
import { referencesIn, type Reference } from "./references.ts";
import { safeDecode } from "../site/links.ts";
import { byPlace, placeOf, type CheckReport, type Diagnostic, type Unpublished } from "./report.ts";
import { ownerOf, siteAddresses, takenAddresses, templatePages } from "../site/addresses.ts";
import { readUtf8File } from "../files/utf8.ts";
import { imageBlocked } from "../security/csp.ts";

export interface CheckOptions {
  /** The content folder, as given to the build (`content`). */
  input: string;
  /** Posts dated after this are scheduled. */
  now?: DateTime;
  /** Paths in messages are relative to this folder, as the build's are to the current one. */
  cwd?: string;
}

interface Findings {
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** A valid post with the links and images of its text. */
interface CheckedPost extends PostFile {
  references: Reference[];
}

export function checkContent({ input, now = DateTime.now(), cwd = process.cwd() }: CheckOptions): CheckReport {
  const root = path.resolve(cwd, input);
  const shown = (file: string) => path.relative(cwd, file) || ".";
  const found: Findings = { errors: [], warnings: [] };
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    found.errors.push({
      file: shown(root),
      line: null,
      message: "no content folder here (give the folder that holds _data/ and posts/)",
    });
    return finish(found, [], 0, 0);
  }
  const settings = readSettings(root, shown);
  const content = listContent(root, shown);
  found.errors.push(...(settings.errors ?? []), ...(content.errors ?? []), ...checkDataFiles(root, shown));
  if (!settings.value || !content.value) return finish(found, [], 0, 0);

  const languages = readSiteLanguages(root, shown, settings.value.language);
  found.errors.push(...languages.errors);
  const posts = readPosts(content.value.posts, settings.value.timeZone, settings.value.language, found);
  checkDuplicateUrls(posts, found);
  checkDuplicateSlugs(posts, found);
  found.errors.push(...checkLanguages(posts, languages));
  const translations = checkTranslations(posts, now);
  found.errors.push(...translations.errors);
  found.warnings.push(...translations.warnings);
  const siteRedirects = readRedirectsFile(root, shown, found);
  checkRedirects(posts, siteRedirects, settings.value, found);
  // A full URL of the site includes its path prefix ("https://host/repo/en/…" under "/repo/").
  checkLinks(posts, siteRedirects.redirects, siteRootUrl(settings.value.url, settings.value.pathPrefix), now, found);
  checkImages(posts, root, shown, found);
  const pages = listPages(root, shown);
  checkPageImages(pages, root, shown, found);
  checkPageAddresses(pages, root, settings.value, languages.known, found);
  const transcripts = checkTranscripts(content.value.transcripts, posts, content.value.posts, found);
  return finish(found, unpublishedPosts(posts, now), content.value.posts.length, transcripts);
}

function finish(found: Findings, unpublished: Unpublished[], posts: number, transcripts: number): CheckReport {
  return {
    errors: found.errors.sort(byPlace),
    warnings: found.warnings.sort(byPlace),
    unpublished,
    posts,
    transcripts,
  };
}

/** Every post file through the build's schema: the valid ones go on to the other checks, the others are errors. */
function readPosts(files: ContentPath[], timeZone: string, language: string, found: Findings): CheckedPost[] {
  return files.flatMap((at) => {
    const read = readPost(at, timeZone, language);
    if (!read.value) {
      found.errors.push(...read.errors);
      return [];
    }
    const { body, bodyLine } = read.value;
    return [{ ...read.value, references: mayReferToPostOrImage(body) ? referencesIn(body, bodyLine) : [] }];
  });
}

/**
 * The checks look only at links to a post's address (`/en/2024/…`, `/fr/2024/…`, also inside the
 * site's full URL) and at images (`![`): a body with neither is not parsed (a third of the time on
 * 1,000 posts). Only such a link written with escaped slashes (`&#47;en&#47;…`) would be missed.
 */
const mayReferToPostOrImage = (body: string) =>
  body.includes("![") || /\/[a-z]{2,3}(?:-[a-z0-9]{2,8})*\/\d{4}\//.test(body);

/** Two posts at one address: the build would write one page over the other. */
function checkDuplicateUrls(posts: readonly PostFile[], found: Findings): void {
  const first = new Map<string, PostFile>();
  for (const post of posts) {
    const other = first.get(post.post.url);
    if (!other) first.set(post.post.url, post);
    else
      found.errors.push(
        at(
          post,
          slugLine(post),
          `URL ${post.post.url} is also the URL of ${other.file}: give one of them another slug or date`,
        ),
      );
  }
}

/**
 * Two posts of one language with one slug on different dates (same date is a duplicate URL,
 * reported above). In two languages one slug is two addresses (`/en/…/x/`, `/fr/…/x/`): a
 * translation may keep its original's slug.
 */
function checkDuplicateSlugs(posts: readonly PostFile[], found: Findings): void {
  const first = new Map<string, PostFile>();
  for (const post of posts) {
    const key = `${post.post.lang}/${post.post.slug}`;
    const other = first.get(key);
    if (!other) first.set(key, post);
    else if (other.post.url !== post.post.url) {
      const from = fieldLine(post, "slug") === null ? " (from the title)" : "";
      found.errors.push(
        at(
          post,
          slugLine(post),
          `slug "${post.post.slug}"${from} is also the slug of ${other.file}: give one of them another slug`,
        ),
      );
    }
  }
}

/** The site's own redirects (`_data/redirects.json`), as the build reads them, with the file as messages show it and the line of each entry. */
interface SiteRedirects {
  file: string;
  redirects: Redirect[];
  lines: (number | null)[];
}

/** `_data/redirects.json` through the build's reader: none when it is absent, each problem an error on its entry's line. */
function readRedirectsFile(root: string, shown: (file: string) => string, found: Findings): SiteRedirects {
  const absolute = path.join(root, "_data", SITE_REDIRECTS_FILE);
  const file = shown(absolute);
  let source = "";
  try {
    source = readFileSync(absolute, "utf8");
  } catch {
    // absent (no site redirects), or unreadable: readSiteRedirects says which
  }
  const lines = entryLines(source);
  try {
    return { file, redirects: readSiteRedirects(absolute, file), lines };
  } catch (error) {
    if (!(error instanceof SiteRedirectsError)) {
      found.errors.push({ file, line: null, message: `cannot be read: ${(error as Error).message}` });
      return { file, redirects: [], lines };
    }
    // One `file: [entry [i]…] what is wrong` line per problem, after a heading line (parseSiteRedirects).
    for (const text of error.message.split("\n").slice(1)) {
      const message = text.startsWith(`${file}: `) ? text.slice(file.length + 2) : text;
      const entry = /^entry \[(\d+)\]/.exec(message);
      found.errors.push({ file, line: entry ? (lines[Number(entry[1])] ?? null) : null, message });
    }
    return { file, redirects: [], lines };
  }
}

/** The line (from 1) where each element of a JSON array starts; none when the text is not an array. */
export function entryLines(source: string): (number | null)[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === "\n") line += 1;
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectValue && char !== "]") {
      lines.push(line);
      expectValue = false;
    }
    if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      depth += 1;
      if (depth === 1) expectValue = char === "[";
    } else if (char === "]" || char === "}") depth -= 1;
    else if (char === "," && depth === 1) expectValue = true;
  }
  return lines;
}

/**
 * The build's own rules (collectRedirects) on every post, drafts included (they are published one
 * day), and on the site's redirects. Of the pages a redirect may lead to, the check knows those
 * that come from posts (posts, tags, years, people) and those site.json places (the feeds, the
 * podcast's page); a redirect to another page of the site (`/`, `/archive/`, `/about/`…) is
 * checked by the build, once it has written them. That no old address is one the site writes
 * itself (`/search/`, `/assets/…`) is the schema's rule (SITE_PAGES in posts/old-addresses.ts).
 */
function checkRedirects(
  posts: readonly PostFile[],
  site: SiteRedirects,
  settings: SiteSettings,
  found: Findings,
): void {
  const isPage = pagesOfPosts(
    posts.map((p) => p.post),
    settings.postsPerTagPage,
    [settings.feeds.podcast, settings.podcast.url],
    settings.language,
    [settings.feeds.atom, settings.feeds.json],
  );
  const { problems } = collectRedirects(
    posts.map((p) => p.post),
    site.redirects,
    isPage,
  );
  const fileOf = new Map(posts.map((p) => [p.post, p]));
  const where = (origin: RedirectOrigin) =>
    "post" in origin ? fileOf.get(origin.post)!.file : `${site.file} entry [${origin.entry}]`;
  for (const { origin, from, message, other } of problems) {
    const text = `${message}${other ? ` (${where(other)})` : ""}`;
    if ("post" in origin) {
      const post = fileOf.get(origin.post)!;
      found.errors.push(
        at(
          post,
          nestedLine(post, "redirect_from", (line) => line.includes(from)),
          text,
        ),
      );
    } else found.errors.push({ file: site.file, line: site.lines[origin.entry] ?? null, message: text });
  }
}

/** A post's address: `/<lang>/YYYY/MM/DD/slug/`, in any language (LANGUAGE_CODE's shape). */
const POST_PATH = /^\/[a-z]{2,3}(?:-[a-z0-9]{2,8})*\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/?$/;
const withSlash = (address: string) => (address.endsWith("/") ? address : `${address}/`);

/**
 * The post address a link points to (from the site's root, or a full URL under `siteRoot`,
 * "https://host/repo/"), without fragment or query; null for any other link.
 */
function postAddress(href: string, siteRoot: string): string | null {
  const local = href.startsWith(siteRoot) ? href.slice(siteRoot.length - 1) : href;
  const address = safeDecode(local.replace(/[?#].*$/s, ""));
  return POST_PATH.test(address) ? withSlash(address) : null;
}

/**
 * Links from a post to a post's address must reach a post, at its URL or at one of its old
 * paths (redirect_from). A link from a published post to a draft or scheduled one is a warning:
 * it leads nowhere until that post is published.
 */
function checkLinks(
  posts: readonly CheckedPost[],
  siteRedirects: readonly Redirect[],
  siteRoot: string,
  now: DateTime,
  found: Findings,
): void {
  // Where each address leads: a post, or (for a site redirect to another page) null.
  const destinations = new Map<string, PostFile | null>();
  const byUrl = new Map(posts.map((post) => [post.post.url, post]));
  for (const { from, to } of siteRedirects) destinations.set(withSlash(from), byUrl.get(to) ?? null);
  for (const post of posts) for (const from of post.post.redirect_from) destinations.set(withSlash(from), post);
  for (const post of posts) destinations.set(post.post.url, post);
  for (const post of posts) {
    const published = !unpublishedReason(post.post, now);
    for (const link of post.references.filter((r) => r.kind === "link")) {
      const address = postAddress(link.target, siteRoot);
      if (!address) continue;
      const target = destinations.get(address);
      const shownTarget = safeDecode(link.target);
      if (target === undefined) {
        found.errors.push(
          at(
            post,
            link.line,
            `link to ${shownTarget} leads nowhere: no post has this URL or lists it under redirect_from`,
          ),
        );
        continue;
      }
      if (target === null) continue;
      const reason = unpublishedReason(target.post, now);
      if (published && reason) {
        const state = reason === "draft" ? "a draft" : `scheduled for ${target.post.date.toISODate()}`;
        found.warnings.push(
          at(
            post,
            link.line,
            `link to ${shownTarget} leads to ${target.file}, ${state}: readers get "not found" until it is published`,
          ),
        );
      }
    }
  }
}

/** The featured image (`image.src`), the card (`card.src`) and every image of the text must be a file of the content. */
function checkImages(
  posts: readonly CheckedPost[],
  root: string,
  shown: (file: string) => string,
  found: Findings,
): void {
  for (const post of posts) {
    for (const field of ["image", "card"] as const) {
      const src = post.post[field]?.src;
      const line = () => nestedLine(post, field, (l) => /^\s*src\s*:/.test(l));
      const blocked = src && imageBlocked(src);
      if (blocked) found.errors.push(at(post, line(), `field "${field}.src" ${src}: ${blocked}`));
      else if (src && isLocalFile(src) && !isFile(imageFile(src, root, post.path)))
        found.errors.push(
          at(post, line(), `field "${field}.src" ${src}: no such file ${shown(imageFile(src, root, post.path))}`),
        );
    }
    checkTextImages(post, post.references, root, shown, found);
  }
}

/** Every image of a text must be a file of the content: beside the file, or from the content's root. */
function checkTextImages(
  file: ContentPath,
  references: readonly Reference[],
  root: string,
  shown: (file: string) => string,
  found: Findings,
): void {
  for (const image of references.filter((r) => r.kind === "image")) {
    const typed = safeDecode(image.target);
    const blocked = typed && imageBlocked(typed);
    if (!typed) found.errors.push(at(file, image.line, "image without a file: write ![what it shows](photo.jpg)"));
    else if (blocked) found.errors.push(at(file, image.line, `image ${typed}: ${blocked}`));
    else if (isLocalFile(typed) && !isFile(imageFile(typed, root, file.path)))
      found.errors.push(
        at(file, image.line, `image ${typed}: no such file ${shown(imageFile(typed, root, file.path))}`),
      );
  }
}

/** The Markdown pages that are not posts (`about.md`, an imported `pages/…`): the build optimizes their images too. */
/**
 * A page of a folder of content/ (content/pages/, the pages imported from WordPress) never takes,
 * by its `permalink`, an address of the site's own pages or of a folder its build fills: the build
 * would stop on the clash, or one page would replace the other.
 */
function checkPageAddresses(
  pages: readonly ContentPath[],
  root: string,
  settings: SiteSettings,
  languages: readonly string[],
  found: Findings,
): void {
  const others = languages.filter((lang) => lang !== settings.language);
  const taken = takenAddresses(
    siteAddresses(
      templatePages(root, settings, (file) => readUtf8File(file)),
      others,
    ),
  );
  for (const page of pages) {
    if (path.dirname(page.path) === root) continue; // one of the site's own pages
    const read = readMarkdown(page);
    const permalink = read.value?.data.permalink;
    if (!read.value || typeof permalink !== "string") continue;
    const owner = ownerOf(taken, permalink);
    const line = read.value.frontMatter.split("\n").findIndex((text) => text.startsWith("permalink:")) + 1;
    if (owner)
      found.errors.push({
        file: page.file,
        line: line || null,
        message: `field "permalink" ${permalink} is ${owner.owner}: give the page another address, e.g. /pages/${path.basename(page.path, ".md") === "index" ? path.basename(path.dirname(page.path)) : path.basename(page.path, ".md")}/`,
      });
  }
}

function checkPageImages(
  pages: readonly ContentPath[],
  root: string,
  shown: (file: string) => string,
  found: Findings,
): void {
  for (const page of pages) {
    const read = readMarkdown(page);
    if (!read.value) found.errors.push(...read.errors);
    else if (read.value.body.includes("!["))
      checkTextImages(page, referencesIn(read.value.body, read.value.bodyLine), root, shown, found);
  }
}

/**
 * Every `transcript.md` through the build's transcript reader (its errors and warnings), for the
 * episode whose `index.md` is beside it. A transcript the build would not read is a warning, so
 * that nothing is left out without a word. Returns how many transcripts were read.
 */
function checkTranscripts(
  transcripts: readonly ContentPath[],
  posts: readonly PostFile[],
  postFiles: readonly ContentPath[],
  found: Findings,
): number {
  const valid = new Map(posts.map((p) => [p.path, p]));
  const invalid = new Map(postFiles.filter((p) => !valid.has(p.path)).map((p) => [p.path, p.file]));
  let read = 0;
  for (const transcript of transcripts) {
    const index = path.join(path.dirname(transcript.path), "index.md");
    const episode = valid.get(index);
    const skipped = whyNotRead(episode, invalid.get(index));
    if (skipped || !episode) {
      found.warnings.push({ file: transcript.file, line: null, message: skipped ?? "" });
      continue;
    }
    read += 1;
    const file = readMarkdown(transcript);
    if (!file.value) found.errors.push(...file.errors);
    else
      for (const d of readEpisodeTranscript(file.value, transcript.file, episode.post).diagnostics)
        (d.severity === "error" ? found.errors : found.warnings).push(fromTranscript(d));
  }
  return read;
}

/** Why a transcript is not read: the build reads only the one beside a valid episode's index.md. */
function whyNotRead(episode: PostFile | undefined, invalidIndex: string | undefined): string | null {
  if (invalidIndex)
    return `not checked: fix the front matter of ${invalidIndex} first (speakers are checked against its host and guests)`;
  if (!episode) return "not used by the build: a transcript goes beside an episode's index.md, and there is none here";
  if (episode.post.kind !== "episode")
    return `not used by the build: ${episode.file} is an article, and only an episode (kind: episode) has a transcript`;
  return null;
}

/** The parser's diagnostic, its message without the `file:line[:column]: ` it starts with. */
function fromTranscript(d: TranscriptDiagnostic): Diagnostic {
  const place = `${placeOf({ file: d.file, line: d.line, column: d.column, message: "" })}: `;
  const message = d.message.startsWith(place) ? d.message.slice(place.length) : d.message;
  return d.column === undefined
    ? { file: d.file, line: d.line, message }
    : { file: d.file, line: d.line, column: d.column, message };
}

/** Drafts and scheduled posts, listed: the production build leaves them out. */
function unpublishedPosts(posts: readonly PostFile[], now: DateTime): Unpublished[] {
  return posts.flatMap((p) => {
    const reason = unpublishedReason(p.post, now);
    return reason ? [{ file: p.file, reason, date: p.post.date.toISODate() ?? "" }] : [];
  });
}

const at = (file: ContentPath, line: number | null, message: string): Diagnostic => ({
  file: file.file,
  line,
  message,
});

/** The line under a top-level field (indented, or a list item) that `test` accepts; else the field's own line. */
function nestedLine(file: MarkdownFile, field: string, test: (line: string) => boolean): number | null {
  const top = fieldLine(file, field);
  if (top === null) return null;
  const lines = file.frontMatter.split("\n");
  for (let index = top; index < lines.length && /^[\s-]/.test(lines[index]!); index++)
    if (test(lines[index]!)) return index + 1;
  return top;
}

/** Where a post's URL comes from: its `slug:`, else its title. */
const slugLine = (post: PostFile) => fieldLine(post, "slug") ?? fieldLine(post, "title");
