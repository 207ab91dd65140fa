/**
 * What a search found (search-data.ts looks it up) and what the page shows of it: the posts under
 * the filters chosen, the words Pagefind matched only with other words, the counts beside the
 * filters' values. Pure: no DOM, no fetching.
 */
import type { SearchQuery } from "../query.ts";
import {
  answerPosts,
  approximateTerms,
  termWeights,
  type Answer,
  type LoadedRecord,
  type RecordIndex,
  type TermHits,
} from "../ranking.ts";
import type { PagefindResult } from "./pagefind.ts";

export interface Found {
  /** The query as searched, its words corrected where they matched nothing. */
  query: SearchQuery;
  /** As typed. */
  typed: SearchQuery;
  /** The words corrected, as typed → as searched. */
  corrected: Map<string, string>;
  /** The words typed that match nothing. */
  unmatched: string[];
  /** Searched as typed, at the reader's request: no correction. */
  asTyped: boolean;
  /** The words typed looked up as standing nowhere, Pagefind's matches being other words. */
  standNowhere: ReadonlySet<string>;
  hits: TermHits[];
  weights: Map<string, number>;
  /** For a quoted query: the records that hold the exact phrase. */
  phrase?: Set<string>;
  /** Every record a term matched, to load its text. */
  results: Map<string, PagefindResult>;
}

/** The filters the page has, in its order. */
export const FILTERS = ["kind", "speaker", "tag", "year"] as const;

/** Each filter's values, each with the records that have it. */
export type FilterRecords = Map<string, Map<string, Set<string>>>;

/** Whether a record has a value of every filter with values chosen (all do before the filters' records are loaded). */
export function allowedBy(
  choice: ReadonlyMap<string, ReadonlySet<string>>,
  records: FilterRecords | undefined,
): (record: string) => boolean {
  const groups = [...choice].filter(([, values]) => values.size);
  if (!groups.length || !records) return () => true;
  return (record) =>
    groups.every(([name, values]) => [...values].some((value) => records.get(name)?.get(value)?.has(record)));
}

/** The posts shown for what was found, under the filters chosen: those holding every word, or most of them. */
export function answer(found: Found, index: RecordIndex, allowed: (record: string) => boolean): Answer {
  return answerPosts(found.query, found.hits, found.weights, index, allowed, found.phrase);
}

/** The terms that the first post's records hold only as a shorter word they start with (approximateTerms). */
export function startsNothing({ query, hits }: Found, loaded: readonly LoadedRecord[]): string[] {
  const positions = (record: string, term: string) => hits[query.terms.indexOf(term)]?.get(record)?.positions ?? [];
  const held = query.terms.filter((term) => loaded.some((record) => positions(record.id, term).length));
  return approximateTerms({ ...query, terms: held }, loaded, positions);
}

/** The words typed behind the terms `flagged`, save those already looked up as standing nowhere. */
export function typedAgain({ corrected, standNowhere }: Found, flagged: readonly string[]): string[] {
  return flagged
    .map((term) => [...corrected].find(([, word]) => word === term)?.[0] ?? term)
    .filter((term) => !standNowhere.has(term));
}

/** What was found, with `terms` matching nothing. */
export function matchingNothing(found: Found, terms: readonly string[], index: RecordIndex): Found {
  const hits = found.query.terms.map((term, i) => (terms.includes(term) ? new Map() : found.hits[i]!));
  return {
    ...found,
    hits,
    unmatched: [...found.unmatched, ...terms],
    weights: termWeights(found.query.terms, hits, index),
  };
}

export interface FilterValue {
  value: string;
  /** How many posts would be shown with this value chosen (alone in its filter). */
  count: number;
  chosen: boolean;
}

/** The values of the filter `name`, each with how many posts the query would show with it chosen. */
export function filterValues(
  name: string,
  records: FilterRecords,
  index: RecordIndex,
  found: Found | undefined,
  chosen: ReadonlyMap<string, ReadonlySet<string>>,
): FilterValue[] {
  return [...(records.get(name) ?? [])].map(([value, ids]) => {
    const choice = new Map(chosen);
    choice.set(name, new Set([value]));
    const count = found
      ? answer(found, index, allowedBy(choice, records)).matches.length
      : new Set([...ids].map((id) => index.postOf.get(id))).size;
    return { value, count, chosen: chosen.get(name)?.has(value) ?? false };
  });
}
