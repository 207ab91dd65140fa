/**
 * What the search page fetches, each thing once: Pagefind and the posts' records (when the reader
 * first turns to the search field), what each word of a query matches, the records of the
 * filters' values (when the reader opens the filters), the records' date order (when sorted by
 * date), a post's records, and the word lists' script only when a word matches nothing. No DOM.
 */
import { pagefindQuery, type SearchQuery } from "../query.ts";
import {
  byRank,
  decodeRecordPosts,
  matchPosts,
  rankMoments,
  RECORD_POSTS_FILE,
  recordIndex,
  termWeights,
  type LoadedRecord,
  type Moment,
  type PostMatch,
  type RecordIndex,
  type TermHits,
} from "../ranking.ts";
import { languageFile } from "../language-files.ts";
import { addStemmer, STEMMER_SCRIPTS, type Stem } from "../match.ts";
import { settings } from "./search-settings.ts";
import {
  fetchJson,
  loadPagefind,
  searchRecords,
  sitePath,
  type Pagefind,
  type PagefindRecord,
  type PagefindResult,
} from "./pagefind.ts";
import { FILTERS, matchingNothing, typedAgain, type FilterRecords, type Found } from "./search-found.ts";
import { lookUpTerms } from "./terms.ts";

const TURNS_SHOWN = 3;

/** `load`, called the first time only: later calls share its answer. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export interface Engine {
  pagefind: Pagefind;
  index: RecordIndex;
}

/** The stemmer of the page's language, when it is a script of its own (match.ts): before the first ranking. */
async function loadStemmer(): Promise<void> {
  const script = STEMMER_SCRIPTS[settings.lang.toLowerCase().split("-")[0]!];
  if (!script) return;
  const { stem } = (await import(sitePath(`/assets/${script}.js`))) as { stem: Stem };
  addStemmer(settings.lang, stem);
}

/** Pagefind (the index of the page's language, which its `<html lang>` names), the posts' records in it, and the language's stemmer. */
export const engine = once<Engine>(() =>
  Promise.all([
    loadPagefind(),
    fetchJson(sitePath(`/pagefind/${languageFile(RECORD_POSTS_FILE, settings.files)}`)),
    loadStemmer(),
  ]).then(([pagefind, posts]) => ({
    pagefind,
    index: recordIndex(decodeRecordPosts(posts)),
  })),
);

// The word lists' script, loaded only when a word of a query matches nothing (corrections.ts).
const CORRECTIONS_SCRIPT = sitePath("/assets/search-corrections.js");
const corrections = once<typeof import("./corrections.ts")>(() => import(CORRECTIONS_SCRIPT));
const nearWords = async (typed: string) => (await corrections()).nearWords(typed, settings.files);

/**
 * What each word of `query` matches (terms.ts). `standNowhere`: words typed that Pagefind matched
 * only with words that are not them ("x" for "xqz"), looked up as words that stand nowhere.
 */
export async function lookUp(query: SearchQuery, asTyped: boolean, standNowhere: ReadonlySet<string>): Promise<Found> {
  const { pagefind, index } = await engine();
  const results = new Map<string, PagefindResult>();
  const searchFor = async (term: string) => {
    const answer = await searchRecords(pagefind, term);
    for (const result of answer) if (!results.has(result.id)) results.set(result.id, result);
    return answer;
  };
  const holdsAll = (hits: TermHits[]) => matchPosts(query, hits, index).length > 0;
  const [looked, phrase] = await Promise.all([
    lookUpTerms(query, { search: searchFor, near: nearWords, asTyped, holdsAll, standNowhere }),
    query.quoted ? searchRecords(pagefind, pagefindQuery(query)) : undefined,
  ]);
  return {
    ...looked,
    typed: query,
    asTyped,
    standNowhere,
    weights: termWeights(looked.query.terms, looked.hits, index),
    phrase: phrase && new Set(phrase.map((r) => r.id)),
    results,
  };
}

/** What was found, `flagged` (startsNothing) looked up again as standing nowhere, or matching nothing when it was already. */
export function lookUpAgain(found: Found, flagged: readonly string[], index: RecordIndex): Found | Promise<Found> {
  const again = typedAgain(found, flagged);
  return again.length
    ? lookUp(found.typed, found.asTyped, new Set([...found.standNowhere, ...again]))
    : matchingNothing(found, flagged, index);
}

/** The records of each filter's values (Pagefind fetches them then: 22 KB on 1,000 posts). */
export const filterRecords = once(async (): Promise<FilterRecords> => {
  const { pagefind } = await engine();
  const counts = await pagefind.filters();
  const records: FilterRecords = new Map();
  for (const name of FILTERS) {
    const values = new Map<string, Set<string>>();
    for (const value of Object.keys(counts[name] ?? {}).sort(byFilterValue(name))) {
      values.set(
        value,
        new Set((await searchRecords(pagefind, null, { filters: { [name]: value } })).map((r) => r.id)),
      );
    }
    records.set(name, values);
  }
  return records;
});

const byFilterValue = (name: string) => (a: string, b: string) =>
  name === "year" ? b.localeCompare(a) : a.localeCompare(b);

/** Every record's place in date order, oldest first (Pagefind's sort by the `date` attribute). */
const recordDates = once(async () => {
  const { pagefind } = await engine();
  return new Map((await searchRecords(pagefind, null, { sort: { date: "asc" } })).map((r, i) => [r.id, i]));
});

/** `matches` by date, oldest first (`direction` 1) or newest (-1), or as ranked (0). */
export async function ordered(matches: PostMatch[], index: RecordIndex, direction: number): Promise<PostMatch[]> {
  if (!direction) return matches;
  const dates = await recordDates();
  const when = (match: PostMatch) => {
    const post = index.posts[match.post]!;
    return Math.min(...[post.page, ...post.transcript].map((id) => (id ? (dates.get(id) ?? Infinity) : Infinity)));
  };
  return [...matches].sort((a, b) => direction * (when(a) - when(b)));
}

export interface LoadedPost {
  match: PostMatch;
  /** The post's page record when loaded, else its first transcript record: title, date, guests. */
  about: PagefindRecord;
  loaded: LoadedRecord[];
  page: Moment | null;
  turns: Moment[];
}

/** Loads the post's records that hold the query (its page's and up to two of its transcript's) and ranks their moments. */
export async function loadPost({ query, hits, weights, results }: Found, match: PostMatch): Promise<LoadedPost> {
  const ids = [...(match.page ? [match.page] : []), ...match.transcript];
  const data = await Promise.all(ids.map((id) => results.get(id)!.data()));
  const loaded = data.map((record, i) => ({
    id: ids[i]!,
    content: record.content,
    anchors: record.anchors,
    transcript: Boolean(record.meta.transcript),
  }));
  const moments = loaded.map((record) => {
    const positions = new Map(query.terms.map((term, t) => [term, hits[t]!.get(record.id)?.positions ?? []]));
    const ranked = rankMoments(query, weights, record, positions);
    // A quoted query shows only where the phrase stands (the second rank key).
    return query.quoted && ranked.some((m) => m.rank[1]) ? ranked.filter((m) => m.rank[1]) : ranked;
  });
  const page = match.page ? (moments[0]![0] ?? null) : null;
  const turns = moments
    .slice(match.page ? 1 : 0)
    .flat()
    .sort(byRank)
    .slice(0, TURNS_SHOWN);
  return { match, about: data[0]!, loaded, page, turns };
}
