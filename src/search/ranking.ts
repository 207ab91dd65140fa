/**
 * Search results as readers expect them: one per post, and in a post the moments (turns of its
 * transcript, or its own text) that hold the query best. Pagefind finds the records that hold each
 * term and scores them (BM25); these pure functions group its records by post and rank the turns,
 * for the search page (src/search/browser/search-page.ts). No DOM, no Pagefind.
 */
import { escapeHtml } from "../text/escape.ts";
import { matchWeight, stemmerFor, tokenWeight } from "./match.ts";
import { COMMON_WORDS, normalizeWord, type SearchQuery } from "./query.ts";
import { getOrMake } from "../maps/get-or-make.ts";

/** Pagefind's answer for one term: for each record that holds it, its score and the positions of the words that matched. */
export type TermHits = Map<string, { score: number; positions: readonly number[] }>;

/** A post's search records, from `pagefind/posts.json` (record-posts.ts). */
export interface PostRecords {
  /** The record of the post's page (its article, or an episode's show notes). */
  page: string | null;
  /** An episode's transcript records, one speaker's turns each. */
  transcript: string[];
}

export interface RecordIndex {
  posts: PostRecords[];
  postOf: Map<string, number>;
}

/** The file beside Pagefind's index that tells the search page which records make each post (record-posts.ts). */
export const RECORD_POSTS_FILE = "posts.json";

/** Reads `posts.json`: a post is the list of its records' ids, its page's first ("" if none). */
export function decodeRecordPosts(json: unknown): PostRecords[] {
  const posts = (json as { posts?: unknown } | null)?.posts;
  if (
    !Array.isArray(posts) ||
    !posts.every((post) => Array.isArray(post) && post.length && post.every((id) => typeof id === "string"))
  )
    throw new Error(`${RECORD_POSTS_FILE} does not list posts as arrays of record ids`);
  return (posts as string[][]).map(([page, ...transcript]) => ({ page: page || null, transcript }));
}

export function recordIndex(posts: PostRecords[]): RecordIndex {
  const postOf = new Map<string, number>();
  posts.forEach((post, n) => {
    if (post.page) postOf.set(post.page, n);
    for (const id of post.transcript) postOf.set(id, n);
  });
  return { posts, postOf };
}

/**
 * A term's hits without the records where Pagefind matched it only as the start of a longer word
 * ("art" in "articulate"): `exact` holds the records its quoted search found (the word itself, or
 * another form of it). Kept whole when no record holds the word as such: Pagefind's approximate
 * matches then stand, and the page says they are approximate.
 */
export function wholeWordHits(hits: TermHits, exact: ReadonlySet<string>): TermHits {
  return exact.size ? new Map([...hits].filter(([record]) => exact.has(record))) : hits;
}

/**
 * How much each term weighs: ln(1 + posts / posts holding it). A word that stands in nearly every
 * post ("leadership" on this blog) weighs little beside one that stands in a single post ("ramen").
 */
export function termWeights(
  terms: readonly string[],
  hits: readonly TermHits[],
  index: RecordIndex,
): Map<string, number> {
  const total = Math.max(1, index.posts.length);
  return new Map(
    terms.map((term, i) => {
      const posts = new Set([...hits[i]!.keys()].map((id) => index.postOf.get(id)));
      return [term, Math.log(1 + total / Math.max(1, posts.size))];
    }),
  );
}

/**
 * The smallest stretch of words holding a position from every list, as `words in the query / its
 * length` (1 when they stand side by side), or 0 with fewer than two lists.
 */
export function closeness(lists: readonly (readonly number[])[], queryWords: number): number {
  if (lists.length < 2 || lists.some((list) => !list.length)) return 0;
  const tagged = lists.flatMap((list, i) => list.map((position) => [position, i] as const)).sort((a, b) => a[0] - b[0]);
  const inWindow = new Array<number>(lists.length).fill(0);
  let covered = 0;
  let best = Infinity;
  for (let end = 0, start = 0; end < tagged.length; end++) {
    if (inWindow[tagged[end]![1]]!++ === 0) covered++;
    while (covered === lists.length) {
      best = Math.min(best, tagged[end]![0] - tagged[start]![0] + 1);
      if (--inWindow[tagged[start]![1]]! === 0) covered--;
      start++;
    }
  }
  return Math.min(1, queryWords / best);
}

export interface PostMatch {
  post: number;
  score: number;
  /** How many of the query's terms the post holds: all of them, unless no post holds them all. */
  held: number;
  /** The post's page record, when it holds a term. */
  page: string | null;
  /** The transcript records worth loading for the best turns, best first. */
  transcript: string[];
}

/**
 * At most this many of a post's transcript records are loaded to find its best turns (about 9 KB
 * each): a second speaker's record then offers its turns too.
 */
export const TRANSCRIPT_RECORDS_LOADED = 2;

/** What a search shows: the posts that hold every term, or, when none does, those that hold most of them. */
export interface Answer {
  matches: PostMatch[];
  /** How many terms each post shown holds at most: the number of terms, unless no post holds them all. */
  held: number;
  terms: number;
}

/**
 * The posts that hold every term of the query in their allowed records (not necessarily in one
 * record: a guest's name in the show notes and a word they said both count), best first. A post
 * scores the sum over terms of its best record's Pagefind score, raised by up to double when one
 * record holds the terms close together. For a quoted query, only the records in `phrase` (those
 * Pagefind found holding the exact phrase) count.
 */
export function matchPosts(
  query: SearchQuery,
  hits: readonly TermHits[],
  index: RecordIndex,
  allowed: (record: string) => boolean = () => true,
  phrase?: ReadonlySet<string>,
): PostMatch[] {
  return postsHolding(query, hits, index, allowed, phrase)
    .filter((match) => match.held === hits.length)
    .sort((a, b) => b.score - a.score || a.post - b.post);
}

/**
 * What a search shows: the posts that hold every term (matchPosts); when none does, and the query
 * is not a quoted phrase, the posts that hold some of them, those holding the most terms first,
 * then those holding the rarest (by `weights`), then by score. Never nothing while a term matches.
 */
export function answerPosts(
  query: SearchQuery,
  hits: readonly TermHits[],
  weights: ReadonlyMap<string, number>,
  index: RecordIndex,
  allowed: (record: string) => boolean = () => true,
  phrase?: ReadonlySet<string>,
): Answer {
  const all = matchPosts(query, hits, index, allowed, phrase);
  if (all.length || query.quoted) return { matches: all, held: hits.length, terms: hits.length };
  const rarity = (match: PostMatch & { holds: boolean[] }) =>
    query.terms.reduce((sum, term, i) => sum + (match.holds[i] ? (weights.get(term) ?? 1) : 0), 0);
  const some = postsHolding(query, hits, index, allowed)
    .map((match) => ({ ...match, rarity: rarity(match) }))
    .sort((a, b) => b.held - a.held || b.rarity - a.rarity || b.score - a.score || a.post - b.post)
    .map(({ holds: _holds, rarity: _rarity, ...match }) => match);
  return { matches: some, held: some[0]?.held ?? 0, terms: hits.length };
}

/** Every post that holds at least one term in its allowed records, with which terms it holds and its score for them. */
function postsHolding(
  query: SearchQuery,
  hits: readonly TermHits[],
  index: RecordIndex,
  allowed: (record: string) => boolean,
  phrase?: ReadonlySet<string>,
): (PostMatch & { holds: boolean[] })[] {
  const counts = (record: string) => allowed(record) && (!phrase || phrase.has(record));
  const byPost = new Map<number, Set<string>[]>();
  hits.forEach((termHits, i) => {
    for (const record of termHits.keys()) {
      const post = index.postOf.get(record);
      if (post === undefined || !counts(record)) continue;
      getOrMake(byPost, post, () => hits.map(() => new Set<string>()))[i]!.add(record);
    }
  });
  const matches: (PostMatch & { holds: boolean[] })[] = [];
  for (const [post, perTerm] of byPost) {
    const holds = perTerm.map((records) => records.size > 0);
    const score = hits.reduce(
      (sum, termHits, i) => (holds[i] ? sum + Math.max(...[...perTerm[i]!].map((r) => termHits.get(r)!.score)) : sum),
      0,
    );
    const records = [...new Set(perTerm.flatMap((set) => [...set]))];
    const rated = records.map((record) => ({
      record,
      terms: hits.filter((termHits) => termHits.has(record)).length,
      near: closeness(
        hits.map((termHits) => termHits.get(record)?.positions ?? []).filter((_, i) => holds[i]),
        query.words.length,
      ),
      score: hits.reduce((sum, termHits) => sum + (termHits.get(record)?.score ?? 0), 0),
    }));
    const page = index.posts[post]!.page;
    const spoken = rated
      .filter((r) => r.record !== page)
      .sort((a, b) => b.terms - a.terms || b.near - a.near || b.score - a.score);
    // Only records holding as many terms as the best: a turn with fewer terms never ranks above its turns.
    const transcript = spoken
      .filter((r) => r.terms === spoken[0]!.terms)
      .slice(0, TRANSCRIPT_RECORDS_LOADED)
      .map((r) => r.record);
    const near = Math.max(0, ...rated.map((r) => r.near));
    matches.push({
      post,
      score: score * (1 + near),
      held: holds.filter(Boolean).length,
      holds,
      page: page && records.includes(page) ? page : null,
      transcript,
    });
  }
  return matches;
}

/** A record's text as Pagefind keeps it, and where its turns start. */
export interface LoadedRecord {
  id: string;
  content: string;
  /** A transcript record's turns: their element id, title ("Maria Bracho · 12:00") and first word's position. */
  anchors: readonly { id: string; title?: string; location: number }[];
  transcript: boolean;
}

/** A stretch of a post that holds the query: a turn of its transcript, or its own text (`turn` null). */
export interface Moment {
  turn: string | null;
  title: string;
  /** HTML: the words around where the query stands, escaped, the matched words in <mark>. */
  excerpt: string;
  /** Compared in order, higher first: share of the terms' weight held, exact phrase, closeness, frequency, earlier. */
  rank: number[];
}

/** Words shown in an excerpt. */
export const EXCERPT_WORDS = 30;

/**
 * The moments of a loaded record that hold a term, best first. A turn that holds all the query's
 * words beats one that repeats only some of them; then one holding them side by side, in order,
 * beats one holding them apart; common words ("of", "the") never decide, since only the terms
 * count. `positions` gives, per term, where Pagefind matched it in this record.
 */
export function rankMoments(
  query: SearchQuery,
  weights: ReadonlyMap<string, number>,
  record: LoadedRecord,
  positions: ReadonlyMap<string, readonly number[]>,
): Moment[] {
  const words = record.content.trim().split(/\s+/);
  const normalized = (i: number) => normalizeWord(words[i] ?? "");
  const segments = record.transcript
    ? [...record.anchors]
        .sort((a, b) => a.location - b.location)
        .map((anchor, i, all) => ({
          turn: anchor.id,
          title: anchor.title ?? "",
          start: anchor.location,
          end: all[i + 1]?.location ?? words.length,
        }))
    : [{ turn: null, title: "", start: 0, end: words.length }];
  const totalWeight = query.terms.reduce((sum, term) => sum + (weights.get(term) ?? 1), 0);
  const moments: Moment[] = [];
  for (const { turn, title, start, end } of segments) {
    const found = query.terms.map((term) =>
      (positions.get(term) ?? [])
        .filter((p) => p >= start && p < end)
        .map((p) => ({ p, weight: wordWeight(query, words[p] ?? "", term) })),
    );
    if (found.every((list) => !list.length)) continue;
    const held = query.terms.reduce(
      (sum, term, i) => sum + (weights.get(term) ?? 1) * Math.max(0, ...found[i]!.map((f) => f.weight)),
      0,
    );
    const phrases = phraseStarts(query, found, start, end, normalized);
    const near = closeness(
      found.filter((list) => list.length).map((list) => list.map((f) => f.p)),
      query.words.length,
    );
    const frequency = query.terms.reduce(
      (sum, term, i) => sum + (weights.get(term) ?? 1) * Math.log(1 + found[i]!.length),
      0,
    );
    const marked = new Set(
      found
        .flat()
        .filter((f) => f.weight > 0)
        .map((f) => f.p),
    );
    for (const p of phrases) for (let i = 0; i < query.words.length; i++) marked.add(p + i);
    const centre = phrases[0] ?? windowStart(found.map((list) => list.map((f) => f.p))) ?? start;
    moments.push({
      turn,
      title,
      excerpt: excerpt(words, start, end, centre, marked),
      rank: [round(held / totalWeight), phrases.length ? 1 : 0, round(near), round(frequency), -start],
    });
  }
  return moments.sort(byRank);
}

/** tokenWeight in the query's language, where only the word being typed matches the start of a longer word. */
function wordWeight(query: SearchQuery, token: string, term: string): number {
  const weight = tokenWeight(token, term, stemmerFor(query.lang));
  return weight === 1 || term === query.partial ? weight : 0;
}

export function byRank(a: { rank: readonly number[] }, b: { rank: readonly number[] }): number {
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
    const d = (b.rank[i] ?? 0) - (a.rank[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Where the whole query stands word for word, in order, within [start, end): the phrase's first positions. */
function phraseStarts(
  query: SearchQuery,
  found: { p: number; weight: number }[][],
  start: number,
  end: number,
  normalized: (i: number) => string,
): number[] {
  if (query.words.length < 2) return [];
  // Anchored on the first decisive word's matches: the phrase starts that many words before.
  const anchor = query.words.indexOf(query.terms[0]!);
  const starts = found[0]!.map((f) => f.p - anchor).filter((p) => p >= start && p + query.words.length <= end);
  const stem = stemmerFor(query.lang);
  return starts.filter((p) =>
    query.words.every((word, i) => {
      const at = normalized(p + i);
      return COMMON_WORDS.has(word) && !query.terms.includes(word) ? at === word : matchWeight(at, word, stem) > 0;
    }),
  );
}

/** The first position of the smallest stretch holding the most terms, or null when none matched. */
function windowStart(lists: readonly number[][]): number | null {
  const present = lists.filter((list) => list.length);
  if (!present.length) return null;
  if (present.length === 1) return present[0]![0]!;
  // The first position of a present term that lies within the closest stretch.
  let best: { start: number; span: number } | null = null;
  for (const p of present[0]!) {
    const others = present.slice(1).map((list) => list.reduce((a, b) => (Math.abs(b - p) < Math.abs(a - p) ? b : a)));
    const lo = Math.min(p, ...others);
    const span = Math.max(p, ...others) - lo;
    if (!best || span < best.span) best = { start: lo, span };
  }
  return best!.start;
}

/** About EXCERPT_WORDS words of [start, end) around `centre`, escaped, marked, with "…" where cut. */
export function excerpt(
  words: readonly string[],
  start: number,
  end: number,
  centre: number,
  marked: ReadonlySet<number>,
  length = EXCERPT_WORDS,
): string {
  const from = Math.max(start, Math.min(centre - Math.floor(length / 3), end - length));
  const to = Math.min(end, from + length);
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    // A run of marked words is one <mark>, so that a phrase reads as one piece.
    const opens = marked.has(i) && (i === from || !marked.has(i - 1));
    const closes = marked.has(i) && (i === to - 1 || !marked.has(i + 1));
    parts.push(`${opens ? "<mark>" : ""}${escapeHtml(words[i]!)}${closes ? "</mark>" : ""}`);
  }
  return `${from > start ? "… " : ""}${parts.join(" ")}${to < end ? " …" : ""}`;
}

/** The terms that no loaded record holds as such: Pagefind matched only a word that comes close ("x" for "xqzvwpj"). */
export function approximateTerms(
  query: SearchQuery,
  records: readonly LoadedRecord[],
  positions: (record: string, term: string) => readonly number[],
): string[] {
  const stem = stemmerFor(query.lang);
  return query.terms.filter(
    (term) =>
      !records.some((record) => {
        const words = record.content.trim().split(/\s+/);
        return positions(record.id, term).some((p) => tokenWeight(words[p] ?? "", term, stem) > 0);
      }),
  );
}
