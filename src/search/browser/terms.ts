/**
 * What each word of a query matches in Pagefind's index, corrected when it matches nothing. A word
 * that stands in the index as such is searched as it is: an exact match always wins. One that
 * stands nowhere, neither as a word nor as the start of one, is taken for the nearest word of the
 * site by spelling or by sound (../corrections.ts), whose lists are fetched only then. A quoted
 * phrase is never corrected.
 */
import { correctable } from "../corrections.ts";
import { correctedQuery, type SearchQuery } from "../query.ts";
import { wholeWordHits, type TermHits } from "../ranking.ts";
import type { NearWords } from "./corrections.ts";
import type { PagefindResult } from "./pagefind.ts";

/** Pagefind's results for a term ("word", or `"word"` for the word itself and its other forms). */
export type Search = (term: string) => Promise<PagefindResult[]>;

/** One way of reading a word typed: the word searched for it, and the records that hold it. */
interface Reading {
  word: string;
  hits: TermHits;
}

export interface LookedUp {
  /** The query as searched: its words corrected where they matched nothing. */
  query: SearchQuery;
  /** For each term of `query`, the records that hold it (none for a word near no word of the site). */
  hits: TermHits[];
  /** The words corrected: as typed (normalized) → as searched. */
  corrected: Map<string, string>;
  /** The words typed that match nothing, corrected or not. */
  unmatched: string[];
}

export interface LookUpOptions {
  search: Search;
  /** The words near a word typed, from the site's word lists. */
  near: (typed: string) => Promise<NearWords>;
  /** Whether some post holds every term, with these hits: a word's other reading is tried when not. */
  holdsAll: (hits: TermHits[]) => boolean;
  /** The reader asked to search the words exactly as typed: no correction. */
  asTyped: boolean;
  /** Words to take as standing nowhere, whatever Pagefind answers for them: it matched them only with other words. */
  standNowhere: ReadonlySet<string>;
}

/** At most this many corrections of a word are tried in Pagefind, best first, until one matches. */
const CORRECTIONS_TRIED = 3;

const toHits = (results: readonly PagefindResult[]): TermHits =>
  new Map(results.map((r) => [r.id, { score: r.score, positions: r.words }]));

/** The records that hold `word` as a word or in another form of it, without those where it only starts a longer word. */
async function wholeWord(search: Search, word: string): Promise<TermHits | null> {
  const [all, exact] = await Promise.all([search(word), search(`"${word}"`)]);
  return exact.length ? wholeWordHits(toHits(all), new Set(exact.map((r) => r.id))) : null;
}

/**
 * The readings of a term of `query`, the one to try first first. A word being typed (the
 * query's last, with no space after it) is read first as the start of longer words; a finished
 * word as the word it was taken for.
 */
async function readings(term: string, query: SearchQuery, options: LookUpOptions): Promise<Reading[]> {
  const { search } = options;
  if (options.standNowhere.has(term)) return correctable(term) && !query.quoted ? correctionOf(term, options) : [];
  const partial = term === query.partial;
  const [all, exact] = await Promise.all([search(term), search(`"${term}"`)]);
  const allHits = toHits(all);
  if (exact.length)
    return [{ word: term, hits: partial ? allHits : wholeWordHits(allHits, new Set(exact.map((r) => r.id))) }];
  // Too short to correct, or a quoted phrase: Pagefind's answer stands (the page says when it only comes close).
  if (query.quoted || !correctable(term)) return all.length ? [{ word: term, hits: allHits }] : [];
  const near = await options.near(term);
  // A word the site says, which Pagefind indexed only inside a longer one ("sword—while"): never corrected.
  if (near.listed) return all.length ? [{ word: term, hits: allHits }] : [];
  // Pagefind answers a word that starts no word with a shorter word the word starts: not a match.
  const prefix = near.startsAWord && all.length ? [{ word: term, hits: allHits }] : [];
  const correction = await firstCorrection(near, options);
  return partial ? [...prefix, ...correction] : [...correction, ...prefix];
}

async function correctionOf(term: string, options: LookUpOptions): Promise<Reading[]> {
  return firstCorrection(await options.near(term), options);
}

/** The first correction, best first, that Pagefind finds as a word; none when the reader asked for the words as typed. */
async function firstCorrection(near: NearWords, { search, asTyped }: LookUpOptions): Promise<Reading[]> {
  if (asTyped) return [];
  for (const { word } of near.corrections.slice(0, CORRECTIONS_TRIED)) {
    const hits = await wholeWord(search, word);
    if (hits) return [{ word, hits }];
  }
  return [];
}

/**
 * Looks up each term of `query`: as typed when it stands in the index, else corrected or read as
 * the start of longer words; a word with two readings takes the second when only that one lets
 * some post hold every term.
 */
export async function lookUpTerms(query: SearchQuery, options: LookUpOptions): Promise<LookedUp> {
  const perTerm = await Promise.all(query.terms.map((term) => readings(term, query, options)));
  const chosen = perTerm.map(() => 0);
  const hitsOf = () => perTerm.map((list, i) => list[chosen[i]!]?.hits ?? new Map());
  if (!options.holdsAll(hitsOf())) {
    perTerm.forEach((list, i) => {
      if (list.length < 2) return;
      chosen[i] = 1;
      if (!options.holdsAll(hitsOf())) chosen[i] = 0;
    });
  }
  const corrected = new Map<string, string>();
  const byWord = new Map<string, TermHits>();
  const unmatched: string[] = [];
  query.terms.forEach((term, i) => {
    const reading = perTerm[i]![chosen[i]!];
    if (!reading) unmatched.push(term);
    if (reading && reading.word !== term) corrected.set(term, reading.word);
    if (reading && !byWord.has(reading.word)) byWord.set(reading.word, reading.hits);
  });
  const searched = correctedQuery(query, corrected);
  return { query: searched, hits: searched.terms.map((term) => byWord.get(term) ?? new Map()), corrected, unmatched };
}
