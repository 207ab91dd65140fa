import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { RECORD_POSTS_FILE, type PostRecords } from "./ranking.ts";
import { safeDecode } from "../site/links.ts";
import { getOrMake } from "../maps/get-or-make.ts";

/** A search record as Pagefind wrote it: the part we read. */
export interface Fragment {
  url: string;
  content: string;
  meta?: Record<string, string>;
}

/** Pagefind's fragments are gzip files holding "pagefind_dcd" then JSON: a record, or a group of them by id. */
function readFragmentFile(file: string): [string, Fragment][] {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  if (!text.startsWith("pagefind_dcd")) throw new Error(`${file} is not a Pagefind fragment`);
  const json = JSON.parse(text.slice("pagefind_dcd".length)) as Fragment | Record<string, Fragment>;
  return typeof json.url === "string"
    ? [[path.basename(file, ".pf_fragment"), json as Fragment]]
    : Object.entries(json as Record<string, Fragment>);
}

/** Every record of the index Pagefind wrote in `pagefindDir`, with its id, one file at a time. */
export function* readFragments(pagefindDir: string): Generator<[string, Fragment]> {
  const dir = path.join(pagefindDir, "fragment");
  for (const name of readdirSync(dir).sort()) yield* readFragmentFile(path.join(dir, name));
}

/**
 * Each post's search records: its page's record and its transcript's (whose `url` meta is the
 * post's URL and a turn's anchor). Pagefind's results carry only a record's id, so without this
 * the search page would have to load every record to know which post it belongs to, and could
 * not show one result per post.
 */
export function recordPosts(records: Iterable<{ id: string; url: string }>): PostRecords[] {
  const byUrl = new Map<string, PostRecords & { url: string }>();
  for (const { id, url: recordUrl } of records) {
    // Pagefind percent-encodes a page's address in another script (/tags/日本/); a transcript's `url` meta stands as written.
    const [url, anchor] = safeDecode(recordUrl).split("#");
    const post = getOrMake(byUrl, url!, () => ({ url: url!, page: null, transcript: [] }));
    if (anchor === undefined) post.page = id;
    else post.transcript.push(id);
  }
  return [...byUrl.values()]
    .sort((a, b) => (a.url < b.url ? -1 : 1))
    .map(({ page, transcript }) => ({ page, transcript }));
}

/** The URL a record's results lead to: its `url` meta (a transcript's turns), else its page's. */
export const recordUrl = (fragment: Fragment): string => fragment.meta?.url ?? fragment.url;

/** In the file, a post is the list of its records' ids, its page's first ("" if none): the smallest form, fetched by every first search. */
export function encodeRecordPosts(posts: readonly PostRecords[]): string {
  return JSON.stringify({ posts: posts.map((post) => [post.page ?? "", ...post.transcript]) });
}

/** Writes `posts.json` (or the `file` of another language, language-files.ts) into `pagefindDir`; returns how many posts it lists. */
export function writeRecordPosts(
  pagefindDir: string,
  records: Iterable<{ id: string; url: string }>,
  file = RECORD_POSTS_FILE,
): number {
  const posts = recordPosts(records);
  writeFileSync(path.join(pagefindDir, file), encodeRecordPosts(posts));
  return posts.length;
}
