import { type Dirent, readdirSync } from "node:fs";
import path from "node:path";
import { NotUtf8Error, readUtf8File } from "../files/utf8.ts";
import { readFrontMatter } from "../markdown/front-matter.ts";
import { isPostFile, POSTS_DIR } from "../posts/front-matter.ts";
import { FrontMatterError, parsePost, type Post } from "../posts/schema.ts";
import { loadSiteSettings, type SiteSettings } from "../site/settings.ts";
import { escapeRegExp } from "../text/escape.ts";
import { TRANSCRIPT_FILE } from "../transcript/store.ts";
import type { Diagnostic } from "./report.ts";

/** A file of the content: its absolute path, and the path messages show (relative to the current directory). */
export interface ContentPath {
  path: string;
  file: string;
}

/** A Markdown file split as our tools read it (readFrontMatter), with the text of its front matter block. */
export interface MarkdownFile extends ContentPath {
  data: Record<string, unknown>;
  body: string;
  /** The line, in the file, of the body's first line. */
  bodyLine: number;
  /** The file from its top to the end of the closing `---`: what the build gives parsePost to find lines. */
  frontMatter: string;
}

export interface PostFile extends MarkdownFile {
  post: Post;
}

/** Either what was read, or why it could not be. */
export type Read<T> = { value: T; errors?: undefined } | { value?: undefined; errors: Diagnostic[] };

const problem = (file: string, line: number | null, message: string): { errors: Diagnostic[] } => ({
  errors: [{ file, line, message }],
});

/** A file that is not UTF-8, at the line and column of its first byte that is not. */
const notUtf8 = (error: NotUtf8Error): Diagnostic => ({
  file: error.file,
  line: error.line,
  column: error.column,
  message: error.reason,
});

/** The site's settings, from `<input>/_data/site.json` as the build reads them. */
export function readSettings(input: string, shown: (p: string) => string): Read<SiteSettings> {
  const settings = path.join(input, "_data", "site.json");
  try {
    // loadSiteSettings, the build's reader, takes any bytes: they must be UTF-8 first.
    readUtf8File(settings, shown(settings));
    return { value: loadSiteSettings(settings) };
  } catch (error) {
    if (error instanceof NotUtf8Error) return { errors: [notUtf8(error)] };
    const message = (error as Error).message;
    // parseSiteSettings' message starts with the file's name, as it was given
    const invalid = message.startsWith(`${settings}: `) ? message.slice(settings.length + 2) : null;
    return problem(
      shown(settings),
      null,
      invalid ??
        `cannot be read: ${error instanceof SyntaxError ? `not valid JSON: ${message}` : whyUnreadable(error)}`,
    );
  }
}

/** Why a file could not be read, in a few words. */
export function whyUnreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES") return "permission denied";
  return (error as Error).message;
}

/**
 * The JSON data files of `<input>/_data/` and its folders other than `site.json` (which
 * readSettings reads), such as `redirects.json`: one error for each that is not UTF-8.
 */
export function checkDataFiles(input: string, shown: (p: string) => string): Diagnostic[] {
  const dir = path.join(input, "_data");
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return []; // no data folder: readSettings says so
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => file !== path.join(dir, "site.json"))
    .sort()
    .flatMap((file) => {
      try {
        readUtf8File(file, shown(file));
        return [];
      } catch (error) {
        if (error instanceof NotUtf8Error) return [notUtf8(error)];
        return []; // unreadable: the check that reads the file (redirects.json's) says why
      }
    });
}

/**
 * The Markdown pages that are not posts (`about.md`, `pages/speaking/index.md`): every `.md` of the
 * content outside `posts/` and outside folders Eleventy does not render (`_data/`, `_includes/`).
 */
export function listPages(input: string, shown: (p: string) => string): ContentPath[] {
  return readdirSync(input, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => {
      const folders = path.relative(input, file).split(path.sep).slice(0, -1);
      return folders[0] !== POSTS_DIR && !folders.some((folder) => folder.startsWith("_"));
    })
    .sort()
    .map((file) => ({ path: file, file: shown(file) }));
}

/** Every post and every transcript under `<input>/posts/`, sorted by path. */
export function listContent(
  input: string,
  shown: (p: string) => string,
): Read<{ posts: ContentPath[]; transcripts: ContentPath[] }> {
  const dir = path.join(input, POSTS_DIR);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    return problem(shown(dir), null, `cannot list the posts folder: ${whyUnreadable(error)}`);
  }
  const files = entries
    // a linked file is read too (a link to nothing is then an error naming it)
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
    .map((file) => ({ path: file, file: shown(file) }));
  return {
    value: {
      posts: files.filter((f) => isPostFile(f.path)),
      transcripts: files.filter((f) => path.basename(f.path) === TRANSCRIPT_FILE),
    },
  };
}

/** Reads a Markdown file and splits its front matter; a file that cannot be read or whose YAML is broken is an error naming it. */
export function readMarkdown(at: ContentPath): Read<MarkdownFile> {
  let source: string;
  try {
    source = readUtf8File(at.path, at.file);
  } catch (error) {
    if (error instanceof NotUtf8Error) return { errors: [notUtf8(error)] };
    return problem(at.file, null, `cannot be read: ${whyUnreadable(error)}`);
  }
  try {
    const { data, body, bodyLine } = readFrontMatter(source);
    return { value: { ...at, data, body, bodyLine, frontMatter: source.slice(0, source.length - body.length) } };
  } catch (error) {
    const yaml = error as { name?: string; reason?: string; mark?: { line: number } };
    if (yaml.name !== "YAMLException") throw error;
    // js-yaml counts lines from 0 in the text after the opening `---`, which starts on the file's first line
    return problem(
      at.file,
      yaml.mark ? yaml.mark.line + 1 : null,
      `front matter is not valid YAML: ${yaml.reason ?? (error as Error).message}`,
    );
  }
}

/**
 * A post, validated by the build's own schema; every problem of its front matter is one diagnostic.
 * `language` is the site's (site.json), the language of a post without `lang`.
 */
export function readPost(at: ContentPath, timeZone: string, language: string): Read<PostFile> {
  const read = readMarkdown(at);
  if (!read.value) return read;
  try {
    return {
      value: { ...read.value, post: parsePost(read.value.data, at.file, timeZone, read.value.frontMatter, language) },
    };
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    return { errors: frontMatterDiagnostics(error.message, at.file) };
  }
}

/** The line of a top-level field of the front matter (`slug:`), as parsePost finds it. */
export function fieldLine(file: MarkdownFile, field: string): number | null {
  const index = file.frontMatter.split("\n").findIndex((line) => line.startsWith(`${field}:`));
  return index >= 0 ? index + 1 : null;
}

/**
 * FrontMatterError's message is a heading line, then one `file[:line]: field "x" …` line per
 * problem (see parsePost): each becomes a diagnostic.
 */
export function frontMatterDiagnostics(message: string, file: string): Diagnostic[] {
  const place = new RegExp(`^${escapeRegExp(file)}(?::(\\d+))?: `);
  const diagnostics: Diagnostic[] = [];
  for (const text of message.split("\n").slice(1)) {
    const match = place.exec(text);
    const last = diagnostics.at(-1);
    if (match)
      diagnostics.push({ file, line: match[1] ? Number(match[1]) : null, message: text.slice(match[0].length) });
    else if (last) last.message += `\n${text}`;
  }
  return diagnostics.length ? diagnostics : [{ file, line: null, message }];
}
