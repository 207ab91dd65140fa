/**
 * What the search page (search-page.ts) holds from one event to the next: what the current query
 * found, the filters chosen, whether the reader asked for the words as typed, and the counters
 * that tell an answer or a showing of the list overtaken by a newer one. No DOM.
 */
import type { Found } from "./search-found.ts";

/** Whether what was started when it was made is still the newest of its kind. */
export type Current = () => boolean;

export interface SearchState {
  /** What the current query found; none before a search, nor for a query without words. */
  found: Found | undefined;
  /** The reader asked for the words exactly as typed (`spelling=exact` in the address): no correction until the query changes. */
  asTyped: boolean;
  /** The values chosen in each filter; a post is shown if, in every filter with a value chosen, it has one of them. */
  readonly chosen: Map<string, Set<string>>;
  /** A search starts: an answer to an older one that arrives after it is dropped. */
  startSearch(): Current;
  /** The search under way, to tell after an answer whether another started meanwhile. */
  currentSearch(): Current;
  /** The list is shown again (a search, a filter, a sort): a showing still loading becomes stale, as it does when a search starts. */
  startShowing(): Current;
  /** Chooses `value` in the filter `name`, or lets go of it. */
  choose(name: string, value: string, on: boolean): void;
}

/** The state of a page opened at an address with `params`. */
export function searchState(params: URLSearchParams): SearchState {
  let generation = 0;
  let showing = 0;
  const currentSearch = (): Current => {
    const ticket = generation;
    return () => ticket === generation;
  };
  const chosen = new Map<string, Set<string>>();
  return {
    found: undefined,
    asTyped: params.get("spelling") === "exact",
    chosen,
    startSearch() {
      generation++;
      return currentSearch();
    },
    currentSearch,
    startShowing() {
      const ticket = ++showing;
      const search = currentSearch();
      return () => ticket === showing && search();
    },
    choose(name, value, on) {
      const values = chosen.get(name) ?? new Set<string>();
      if (on) values.add(value);
      else values.delete(value);
      chosen.set(name, values);
    },
  };
}

/** The page's address for a search of `text` (none: no `q`), as typed when `exact` (`spelling=exact`). */
export function searchUrl(href: string, text: string, exact: boolean): URL {
  const url = new URL(href);
  if (text) url.searchParams.set("q", text);
  else url.searchParams.delete("q");
  if (exact) url.searchParams.set("spelling", "exact");
  else url.searchParams.delete("spelling");
  return url;
}
