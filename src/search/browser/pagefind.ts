import { sitePath } from "../../site/browser/site-root.ts";

/** The part of Pagefind's search API (`/pagefind/pagefind.js`) the search page uses. */
export interface PagefindRecord {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  anchors: { id: string; title?: string; location: number }[];
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions, in the record's words, of the words that matched. */
  words: number[];
  data(): Promise<PagefindRecord>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface Pagefind {
  options(options: { baseUrl?: string; ranking?: { pageLength?: number } }): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, string>; sort?: Record<string, "asc" | "desc"> },
  ): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<FilterCounts>;
}

// Kept here for the search page's modules, which import it with Pagefind (src/site/browser/site-root.ts).
export { sitePath };

// A variable, so that the bundler leaves the import to the browser: the file is Pagefind's, written by the index step.
const PAGEFIND_SCRIPT = sitePath("/pagefind/pagefind.js");

/** Pagefind, with the index of the page's language: `pagefind.js` picks it by the page's `<html lang>`. */
export async function loadPagefind(): Promise<Pagefind> {
  const pagefind = (await import(PAGEFIND_SCRIPT)) as Pagefind;
  // A transcript record holds up to 4,000 words of one speaker (src/search/documents.ts): do not
  // let its length bury it against a short page that only mentions the words.
  // Records' URLs are left as the site's paths ("/en/…/"; Pagefind would otherwise put the path
  // prefix before those of pages but not before the `url` meta of transcripts): sitePath() adds it.
  await pagefind.options({ baseUrl: "/", ranking: { pageLength: 0.1 } });
  // Its WebAssembly and metadata load now, while the reader types, not after the first search.
  void pagefind.init();
  return pagefind;
}

/** Pagefind's results, or none when it gave no answer. */
export async function searchRecords(
  pagefind: Pagefind,
  term: string | null,
  options?: Parameters<Pagefind["search"]>[1],
): Promise<PagefindResult[]> {
  return (await pagefind.search(term, options))?.results ?? [];
}

/** A JSON file of the site (`posts.json`, the word lists), or an error naming it and the server's answer. */
export async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
