/**
 * The search page (`/search/`): one result per post, its best moments whoever said them.
 *
 * Pagefind's component UI shows one result per search record, and a post has several (its page,
 * and a record per speaker's turns, src/search/documents.ts); its sub-results are ranked by the
 * words' weight, so a long turn repeating "of" outranked the sentence that held the phrase. This
 * page asks Pagefind's search API for each term, groups the records by post with `posts.json`,
 * ranks posts and turns itself (../ranking.ts), and renders the list; bundled, it is 5.7 KB on the
 * wire, where the component UI's script was about 44 KB (docs/benchmarks.md).
 */
import {
  answerPosts,
  approximateTerms,
  byRank,
  decodeRecordPosts,
  matchPosts,
  rankMoments,
  recordIndex,
  termWeights,
  type Answer,
  type LoadedRecord,
  type Moment,
  type PostMatch,
  type RecordIndex,
  type TermHits,
} from "../ranking.ts";
import { highlightParams, pagefindQuery, parseQuery, type SearchQuery } from "../query.ts";
import { fetchJson, loadPagefind, searchRecords, sitePath, type Pagefind, type PagefindRecord, type PagefindResult } from "./pagefind.ts";
import { lookUpTerms } from "./terms.ts";

const TURNS_SHOWN = 3;
const FILTERS = ["kind", "speaker", "tag", "year"] as const;

const form = document.querySelector<HTMLFormElement>("[data-search-form]")!;
const input = form.querySelector<HTMLInputElement>("input[type=search]")!;
const sort = document.querySelector<HTMLSelectElement>("#search-sort")!;
const summary = document.querySelector<HTMLElement>(".search-summary")!;
const notice = document.querySelector<HTMLElement>(".search-notice")!;
const list = document.querySelector<HTMLOListElement>(".search-results")!;
const empty = document.querySelector<HTMLElement>(".search-empty")!;
const unquote = document.querySelector<HTMLElement>(".search-empty-unquote")!;

interface Engine {
  pagefind: Pagefind;
  index: RecordIndex;
}

let engine: Promise<Engine> | undefined;
/** Pagefind and the posts' records, fetched when the reader first turns to the search field. */
function start(): Promise<Engine> {
  engine ??= Promise.all([loadPagefind(), fetchJson(sitePath("/pagefind/posts.json"))]).then(([pagefind, posts]) => ({
    pagefind,
    index: recordIndex(decodeRecordPosts(posts)),
  }));
  return engine;
}

interface Found {
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

let found: Found | undefined;
/** Bumped by every search: an answer that arrives after a newer search started is dropped. */
let generation = 0;

/** The reader asked for the words exactly as typed (`spelling=exact` in the address): no correction until the query changes. */
let asTyped = new URLSearchParams(location.search).get("spelling") === "exact";

// The word lists' script, loaded only when a word of a query matches nothing (corrections.ts).
const CORRECTIONS_SCRIPT = sitePath("/assets/search-corrections.js");
let corrections: Promise<typeof import("./corrections.ts")> | undefined;
const nearWords = async (typed: string) => (await (corrections ??= import(CORRECTIONS_SCRIPT))).nearWords(typed);

/** Searches for `text`; if Pagefind's files cannot be had, says so and where to browse instead. */
async function search(text: string): Promise<void> {
  try {
    await runSearch(text);
  } catch (error) {
    showNothing();
    summary.textContent = `Search is not available right now (${error instanceof Error ? error.message : String(error)}).`;
    empty.hidden = false;
  }
}

async function runSearch(text: string): Promise<void> {
  const current = ++generation;
  busy(true);
  const query = parseQuery(text);
  const url = new URL(location.href);
  if (query.text) url.searchParams.set("q", query.text);
  else url.searchParams.delete("q");
  if (asTyped) url.searchParams.set("spelling", "exact");
  else url.searchParams.delete("spelling");
  history.replaceState(null, "", url);
  if (!query.words.length) {
    found = undefined;
    showNothing();
    return;
  }
  const looked = await lookUp(query, asTyped, new Set());
  if (current !== generation) return;
  found = looked;
  await show();
}

/**
 * What each word of `query` matches (terms.ts). `standNowhere`: words typed that Pagefind matched
 * only with words that are not them ("x" for "xqz"), looked up as words that stand nowhere.
 */
async function lookUp(query: SearchQuery, asTyped: boolean, standNowhere: ReadonlySet<string>): Promise<Found> {
  const { pagefind, index } = await start();
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

// --- filters and sort ----------------------------------------------------------------------

/** The values chosen in each filter; a post is shown if, in every filter with a value chosen, it has one of them. */
const chosen = new Map<string, Set<string>>();
/** The records of each filter's values, once the reader opens the filters (Pagefind fetches them then: 22 KB on 1,000 posts). */
let filterRecords: Promise<Map<string, Map<string, Set<string>>>> | undefined;

function allowedBy(choice: ReadonlyMap<string, ReadonlySet<string>>, records: Map<string, Map<string, Set<string>>> | undefined): (record: string) => boolean {
  const groups = [...choice].filter(([, values]) => values.size);
  if (!groups.length || !records) return () => true;
  return (record) => groups.every(([name, values]) => [...values].some((value) => records.get(name)?.get(value)?.has(record)));
}

async function loadFilterRecords(): Promise<Map<string, Map<string, Set<string>>>> {
  const { pagefind } = await start();
  const counts = await pagefind.filters();
  const records = new Map<string, Map<string, Set<string>>>();
  for (const name of FILTERS) {
    const values = new Map<string, Set<string>>();
    for (const value of Object.keys(counts[name] ?? {}).sort(byFilterValue(name))) {
      values.set(value, new Set((await searchRecords(pagefind, null, { filters: { [name]: value } })).map((r) => r.id)));
    }
    records.set(name, values);
  }
  return records;
}

const byFilterValue = (name: string) => (a: string, b: string) => (name === "year" ? b.localeCompare(a) : a.localeCompare(b));

/** Each filter's values, with how many posts the query would show with that value chosen. */
async function renderFilters(): Promise<void> {
  const records = await (filterRecords ??= loadFilterRecords());
  const { index } = await start();
  for (const name of FILTERS) {
    const box = document.querySelector<HTMLElement>(`details[data-filter-name="${name}"] .search-filter-values`)!;
    const items = [...(records.get(name) ?? [])].map(([value, ids]) => {
      const choice = new Map(chosen);
      choice.set(name, new Set([value]));
      const count = found ? answer(found, index, allowedBy(choice, records)).matches.length : new Set([...ids].map((id) => index.postOf.get(id))).size;
      const label = document.createElement("label");
      const checkbox = document.createElement("input");
      checkbox.type = "checkbox";
      checkbox.checked = chosen.get(name)?.has(value) ?? false;
      // A value that would leave no post can't be chosen (but can be let go of).
      checkbox.disabled = count === 0 && !checkbox.checked;
      checkbox.addEventListener("change", () => {
        const values = chosen.get(name) ?? new Set<string>();
        if (checkbox.checked) values.add(value);
        else values.delete(value);
        chosen.set(name, values);
        void show();
      });
      label.append(checkbox, ` ${value} `);
      const n = document.createElement("span");
      n.className = "search-filter-count";
      n.textContent = `(${count})`;
      label.append(n);
      return label;
    });
    box.replaceChildren(...items);
  }
}

for (const details of document.querySelectorAll<HTMLDetailsElement>("details[data-filter-name]")) {
  details.addEventListener("toggle", () => {
    if (details.open) void renderFilters();
  });
}

let dateOrder: Promise<Map<string, number>> | undefined;
/** Every record's place in date order, oldest first (Pagefind's sort by the `date` attribute). */
async function recordDates(): Promise<Map<string, number>> {
  const { pagefind } = await start();
  return new Map((await searchRecords(pagefind, null, { sort: { date: "asc" } })).map((r, i) => [r.id, i]));
}

async function ordered(matches: PostMatch[], index: RecordIndex): Promise<PostMatch[]> {
  const direction = sort.value === "date:asc" ? 1 : sort.value === "date:desc" ? -1 : 0;
  if (!direction) return matches;
  const dates = await (dateOrder ??= recordDates());
  const when = (match: PostMatch) => {
    const post = index.posts[match.post]!;
    return Math.min(...[post.page, ...post.transcript].map((id) => (id ? (dates.get(id) ?? Infinity) : Infinity)));
  };
  return [...matches].sort((a, b) => direction * (when(a) - when(b)));
}

sort.addEventListener("change", () => void show());

// --- the list ------------------------------------------------------------------------------

/** The list is busy from the moment a search, a filter or a sort starts until its answer is shown. */
function busy(on: boolean): void {
  if (on) list.setAttribute("aria-busy", "true");
  else list.removeAttribute("aria-busy");
}

function showNothing(): void {
  busy(false);
  summary.textContent = "";
  notice.hidden = true;
  empty.hidden = true;
  list.replaceChildren();
}

/** Bumped by every showing of the list: a filter or sort changed while one was loading makes it stale. */
let showing = 0;

/** Shows the posts `found` holds under the chosen filters and sort, the first one loaded before anything is shown. */
async function show(): Promise<void> {
  const ticket = ++showing;
  const current = generation;
  const stale = () => ticket !== showing || current !== generation;
  busy(true);
  if (!found) return showNothing();
  const { query, typed } = found;
  const { index } = await start();
  const records = chosen.size ? await (filterRecords ??= loadFilterRecords()) : undefined;
  const shown = answer(found, index, allowedBy(chosen, records));
  const matches = await ordered(shown.matches, index);
  if (stale()) return;
  observer.disconnect();
  queue.length = 0;
  if (!matches.length) {
    showNothing();
    summary.textContent = `No post holds “${typed.text}”.`;
    unquote.hidden = !query.quoted;
    empty.hidden = false;
    refreshFilters();
    return;
  }
  const first = await loadPost(matches[0]!);
  if (stale()) return;
  // Pagefind answers a word that starts no word with a shorter word it starts with ("x" for "xqz"):
  // the first post's text tells. Such a word is looked up again as standing nowhere, and
  // corrected if it can be.
  const flagged = startsNothing(found, first);
  const again = flagged.map((term) => [...found!.corrected].find(([, word]) => word === term)?.[0] ?? term).filter((term) => !found!.standNowhere.has(term));
  if (flagged.length) {
    const looked = again.length ? await lookUp(found.typed, found.asTyped, new Set([...found.standNowhere, ...again])) : matchingNothing(found, flagged, index);
    if (stale()) return;
    found = looked;
    return show();
  }
  empty.hidden = true;
  const lines = [correctionLine(found), partLine(found, shown, matches)].filter((line) => line !== null);
  notice.replaceChildren(...lines.flatMap((line, i) => (i ? [" ", ...line] : line)));
  notice.hidden = !lines.length;
  summary.textContent = `${matches.length.toLocaleString("en")} ${matches.length === 1 ? "post" : "posts"} for “${typed.text}”`;
  const items = matches.map((match) => placeholder(match));
  list.replaceChildren(...items);
  fill(items[0]!, first);
  items.slice(1).forEach((item) => observer.observe(item));
  busy(false);
  refreshFilters();
}

/** The posts shown for what was found, under the filters chosen: those holding every word, or most of them. */
function answer(found: Found, index: RecordIndex, allowed: (record: string) => boolean): Answer {
  return answerPosts(found.query, found.hits, found.weights, index, allowed, found.phrase);
}

type Line = (string | Node)[] | null;

/** "Showing results for Momofuku Ando. Search exactly for Momofuko Ando.", the second a link. */
function correctionLine({ corrected, query, typed }: Found): Line {
  if (!corrected.size) return null;
  const exactly = document.createElement("a");
  const url = new URL(location.href);
  url.searchParams.set("q", typed.text);
  url.searchParams.set("spelling", "exact");
  exactly.href = url.pathname + url.search;
  exactly.className = "search-as-typed";
  exactly.append(element("em", "", typed.text));
  exactly.addEventListener("click", (event) => {
    event.preventDefault();
    asTyped = true;
    void search(typed.text);
  });
  return ["Showing results for ", element("em", "search-corrected", query.text), ". Search exactly for ", exactly, "."];
}

/** "No post holds all of these words; these hold 2 of 3.", and the words that match nothing at all. */
function partLine({ unmatched, asTyped }: Found, shown: Answer, matches: readonly PostMatch[]): Line {
  if (shown.held === shown.terms) return null;
  const fewer = matches.filter((match) => match.held < shown.held).length;
  const most = matches.length - fewer;
  const these = fewer ? `${most} of these ${most === 1 ? "holds" : "hold"} ${shown.held} of ${shown.terms}, the others fewer` : `these hold ${shown.held} of ${shown.terms}`;
  const nowhere = !unmatched.length ? "" : asTyped ? ` No post holds ${quotedList(unmatched)} as typed.` : ` Nothing on the site comes close to ${quotedList(unmatched)}.`;
  return [`No post holds all of these words; ${these}.${nowhere}`];
}

/** The terms that the first post's records hold only as a shorter word they start with (approximateTerms). */
function startsNothing({ query, hits }: Found, first: LoadedPost): string[] {
  const positions = (record: string, term: string) => hits[query.terms.indexOf(term)]?.get(record)?.positions ?? [];
  const held = query.terms.filter((term) => first.loaded.some((record) => positions(record.id, term).length));
  return approximateTerms({ ...query, terms: held }, first.loaded, positions);
}

/** What was found, with `terms` matching nothing. */
function matchingNothing(found: Found, terms: readonly string[], index: RecordIndex): Found {
  const hits = found.query.terms.map((term, i) => (terms.includes(term) ? new Map() : found.hits[i]!));
  return { ...found, hits, unmatched: [...found.unmatched, ...terms], weights: termWeights(found.query.terms, hits, index) };
}

/** The filters' counts follow the query, when the reader has them open. */
function refreshFilters(): void {
  if (document.querySelector("details[data-filter-name][open]")) void renderFilters();
}

const quotedList = (words: string[]) => words.map((word) => `“${word}”`).join(", ");

interface LoadedPost {
  match: PostMatch;
  /** The post's page record when loaded, else its first transcript record: title, date, guests. */
  about: PagefindRecord;
  loaded: LoadedRecord[];
  page: Moment | null;
  turns: Moment[];
}

/** Loads the post's records that hold the query (its page's and up to two of its transcript's) and ranks their moments. */
async function loadPost(match: PostMatch): Promise<LoadedPost> {
  const { query, hits, weights, results } = found!;
  const ids = [...(match.page ? [match.page] : []), ...match.transcript];
  const data = await Promise.all(ids.map((id) => results.get(id)!.data()));
  const loaded = data.map((record, i) => ({ id: ids[i]!, content: record.content, anchors: record.anchors, transcript: Boolean(record.meta.transcript) }));
  const moments = loaded.map((record) => {
    const positions = new Map(query.terms.map((term, t) => [term, hits[t]!.get(record.id)?.positions ?? []]));
    const ranked = rankMoments(query, weights, record, positions);
    // A quoted query shows only where the phrase stands (the second rank key).
    return query.quoted && ranked.some((m) => m.rank[1]) ? ranked.filter((m) => m.rank[1]) : ranked;
  });
  const page = match.page ? (moments[0]![0] ?? null) : null;
  const turns = moments.slice(match.page ? 1 : 0).flat().sort(byRank).slice(0, TURNS_SHOWN);
  return { match, about: data[0]!, loaded, page, turns };
}

// Results are filled in as they scroll into view, one post at a time in the list's order, so a
// result's records are fetched only when it is seen and the first shown comes first.
const queue: HTMLLIElement[] = [];
let loading = false;
const pending = new WeakMap<HTMLLIElement, PostMatch>();
const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    queue.push(entry.target as HTMLLIElement);
  }
  void drain();
});

async function drain(): Promise<void> {
  if (loading) return;
  loading = true;
  try {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const match = pending.get(item);
      if (!match || !item.isConnected) continue;
      const current = generation;
      const post = await loadPost(match);
      if (current === generation && item.isConnected) fill(item, post);
    }
  } finally {
    loading = false;
  }
}

function placeholder(match: PostMatch): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result search-placeholder";
  item.setAttribute("aria-busy", "true");
  pending.set(item, match);
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link into the post, with the words to mark on the page it opens (highlight.ts). */
function linkTo(postUrl: string, anchor: string | null): string {
  const url = new URL(sitePath(postUrl), location.href);
  for (const term of highlightParams(found!.query)) url.searchParams.append("highlight", term);
  if (anchor) url.hash = anchor;
  return url.pathname + url.search + url.hash;
}

function fill(item: HTMLLIElement, post: LoadedPost): void {
  const { meta } = post.about;
  const postUrl = (meta.url ?? post.about.url).split("#")[0]!;
  const heading = element("h2", "search-result-title");
  const title = element("a", "search-result-link", meta.title ?? postUrl);
  title.href = linkTo(postUrl, null);
  heading.append(title);
  const details = [meta.kind, meta.date, meta.guests && `with ${meta.guests}`].filter(Boolean).join(" · ");
  item.replaceChildren(heading, element("p", "search-result-meta", details));
  if (post.page) {
    const text = element("p", "search-result-excerpt");
    text.innerHTML = post.page.excerpt;
    item.append(text);
  }
  if (post.turns.length) {
    const turns = element("ul", "search-turns");
    turns.setAttribute("aria-label", "In the transcript");
    for (const moment of post.turns) {
      const turn = element("li", "search-turn");
      const link = element("a", "search-turn-link", moment.title);
      link.href = linkTo(postUrl, moment.turn);
      const text = element("p", "search-turn-excerpt");
      text.innerHTML = moment.excerpt;
      turn.append(link, text);
      turns.append(turn);
    }
    item.append(turns);
  }
  item.classList.remove("search-placeholder");
  item.removeAttribute("aria-busy");
}

// --- the field -----------------------------------------------------------------------------

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener("input", () => {
  asTyped = false;
  clearTimeout(typing);
  typing = setTimeout(() => void search(input.value), 100);
});
input.addEventListener("focus", () => void start(), { once: true });
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void search(input.value);
});

// The arrow keys move from the field through the results' links, and back up to the field.
document.addEventListener("keydown", (event) => {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>("a")];
  const at = document.activeElement === input ? -1 : links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at === -1 && document.activeElement !== input) return;
  event.preventDefault();
  const next = at + (event.key === "ArrowDown" ? 1 : -1);
  if (next < 0) input.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
});

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  void search(initial);
}
