/**
 * The search page (`/search/`, and `/<lang>/search/` for the posts in another language than the
 * site's: search-settings.ts): one result per post, its best moments whoever said them.
 *
 * Pagefind's component UI shows one result per search record, and a post has several (its page,
 * and a record per speaker's turns, src/search/documents.ts); its sub-results are ranked by the
 * words' weight, so a long turn repeating "of" outranked the sentence that held the phrase. This
 * page asks Pagefind's search API for each term, groups the records by post with `posts.json`,
 * ranks posts and turns itself (../ranking.ts), and renders the list; bundled, it is about 9 KB on the
 * wire (13 KB with the French stemmer and the phrases), where the component UI's script was about 44 KB (docs/benchmarks-history.md, "What a search costs, before and after").
 *
 * This file wires the page's events to the search's state (search-state.ts), what it fetches
 * (search-data.ts; what was found, search-found.ts) and what it draws (search-view.ts, the lazy
 * list search-lazy.ts, the filters search-filters.ts).
 */
import { parseQuery } from "../query.ts";
import { engine, filterRecords, loadPost, lookUp, lookUpAgain, ordered } from "./search-data.ts";
import { allowedBy, answer, FILTERS, filterValues, startsNothing } from "./search-found.ts";
import { drawFilter, filtersOpen, onFilterOpened } from "./search-filters.ts";
import { lazyList } from "./search-lazy.ts";
import { searchState, searchUrl } from "./search-state.ts";
import {
  busy,
  fill,
  form,
  input,
  linkOtherLanguages,
  list as results,
  moveByArrows,
  showFound,
  showNone,
  showNothing,
  showUnavailable,
  sort,
  sortDirection,
} from "./search-view.ts";
import { settings } from "./search-settings.ts";

const state = searchState(new URLSearchParams(location.search));

/** The results, each post's records loaded when it scrolls into view, and drawn if still wanted. */
const lazy = lazyList(results, async (item, match) => {
  const current = state.currentSearch();
  const found = state.found!;
  const post = await loadPost(found, match);
  if (current() && item.isConnected) fill(item, post, found.query);
});

/** Searches for `text`; if Pagefind's files cannot be had, says so and where to browse instead. */
async function search(text: string): Promise<void> {
  try {
    await runSearch(text);
  } catch (error) {
    showUnavailable(error);
  }
}

async function runSearch(text: string): Promise<void> {
  const current = state.startSearch();
  busy(true);
  const query = parseQuery(text, settings.lang);
  history.replaceState(null, "", searchUrl(location.href, query.text, state.asTyped));
  linkOtherLanguages(query.text);
  if (!query.words.length) {
    state.found = undefined;
    showNothing();
    return;
  }
  const looked = await lookUp(query, state.asTyped, new Set());
  if (!current()) return;
  state.found = looked;
  await show();
}

/** Shows the posts found under the chosen filters and sort, the first one loaded before anything is shown. */
async function show(): Promise<void> {
  const current = state.startShowing();
  busy(true);
  const found = state.found;
  if (!found) return showNothing();
  const { index } = await engine();
  const records = state.chosen.size ? await filterRecords() : undefined;
  const shown = answer(found, index, allowedBy(state.chosen, records));
  const matches = await ordered(shown.matches, index, sortDirection());
  if (!current()) return;
  lazy.reset();
  if (!matches.length) {
    showNone(found);
    return refreshFilters();
  }
  const first = await loadPost(found, matches[0]!);
  if (!current()) return;
  // Pagefind answers a word that starts no word with a shorter word it starts with ("x" for "xqz"):
  // the first post's text tells. Such a word is looked up again as standing nowhere, and
  // corrected if it can be.
  const flagged = startsNothing(found, first.loaded);
  if (flagged.length) {
    const looked = await lookUpAgain(found, flagged, index);
    if (!current()) return;
    state.found = looked;
    return show();
  }
  showFound(found, shown, matches, exactly);
  lazy.show(matches, (item) => fill(item, first, found.query));
  busy(false);
  refreshFilters();
}

/** The reader asked for the words exactly as typed (the notice's link). */
function exactly(text: string): void {
  state.asTyped = true;
  void search(text);
}

/** Each filter's values, with how many posts the query would show with that value chosen. */
async function renderFilters(): Promise<void> {
  const records = await filterRecords();
  const { index } = await engine();
  for (const name of FILTERS) drawFilter(name, filterValues(name, records, index, state.found, state.chosen), choose);
}

function choose(name: string, value: string, on: boolean): void {
  state.choose(name, value, on);
  void show();
}

/** The filters' counts follow the query, when the reader has them open. */
function refreshFilters(): void {
  if (filtersOpen()) void renderFilters();
}

// --- the events ----------------------------------------------------------------------------

onFilterOpened(() => void renderFilters());
sort.addEventListener("change", () => void show());

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener("input", () => {
  state.asTyped = false;
  clearTimeout(typing);
  typing = setTimeout(() => void search(input.value), 100);
});
input.addEventListener("focus", () => void engine(), { once: true });
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void search(input.value);
});
document.addEventListener("keydown", moveByArrows);

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  void search(initial);
}
