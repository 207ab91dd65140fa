/**
 * The search page's list and what it says about it: the summary, the notices (a word corrected,
 * no post holding every word), the empty answer, and each result drawn from a post's loaded
 * records. It takes what search-data.ts found and loaded, and draws; it fetches nothing.
 */
import { highlightParams, type SearchQuery } from "../query.ts";
import type { Answer, PostMatch } from "../ranking.ts";
import { sitePath } from "./pagefind.ts";
import type { LoadedPost } from "./search-data.ts";
import type { Found } from "./search-found.ts";
import { searchUrl } from "./search-state.ts";
import { count, plural, say, sayWith } from "./search-settings.ts";

// The page's parts (content/search.njk).
export const form = document.querySelector<HTMLFormElement>("[data-search-form]")!;
export const input = form.querySelector<HTMLInputElement>("input[type=search]")!;
export const sort = document.querySelector<HTMLSelectElement>("#search-sort")!;
const summary = document.querySelector<HTMLElement>(".search-summary")!;
const notice = document.querySelector<HTMLElement>(".search-notice")!;
export const list = document.querySelector<HTMLOListElement>(".search-results")!;
const empty = document.querySelector<HTMLElement>(".search-empty")!;
const unquote = document.querySelector<HTMLElement>(".search-empty-unquote")!;

/** The links to search the posts of another language with the same words (content/search.njk), when the site has several. */
const otherLanguages = [...document.querySelectorAll<HTMLAnchorElement>("a[data-search-language]")];

/** Points the links to the other languages' search pages at a search of `text` (none: no `q`). */
export function linkOtherLanguages(text: string): void {
  for (const link of otherLanguages) {
    const url = searchUrl(link.href, text, false);
    link.href = url.pathname + url.search;
  }
}

/** The order chosen: by date oldest first (1), newest first (-1), or by rank (0). */
export const sortDirection = (): number => (sort.value === "date:asc" ? 1 : sort.value === "date:desc" ? -1 : 0);

/** The list is busy from the moment a search, a filter or a sort starts until its answer is shown. */
export function busy(on: boolean): void {
  if (on) list.setAttribute("aria-busy", "true");
  else list.removeAttribute("aria-busy");
}

export function showNothing(): void {
  busy(false);
  summary.textContent = "";
  notice.hidden = true;
  empty.hidden = true;
  list.replaceChildren();
}

/** Pagefind's files could not be had: says so, and where to browse instead. */
export function showUnavailable(error: unknown): void {
  showNothing();
  summary.textContent = say("search.results.unavailable", {
    error: error instanceof Error ? error.message : String(error),
  });
  empty.hidden = false;
}

/** No post holds the query: says so, and what to try. */
export function showNone({ query, typed }: Found): void {
  showNothing();
  summary.textContent = say("search.results.none", { query: typed.text });
  unquote.hidden = !query.quoted;
  empty.hidden = false;
}

/** The notices and summary of `matches`, the posts shown; `exactly` searches the words as typed. */
export function showFound(
  found: Found,
  shown: Answer,
  matches: readonly PostMatch[],
  exactly: (text: string) => void,
): void {
  empty.hidden = true;
  const lines = [correctionLine(found, exactly), partLine(found, shown, matches)].filter((line) => line !== null);
  notice.replaceChildren(...lines.flatMap((line, i) => (i ? [" ", ...line] : line)));
  notice.hidden = !lines.length;
  summary.textContent = say(`search.results.count.${plural(matches.length)}`, {
    count: count(matches.length),
    query: found.typed.text,
  });
}

type Line = (string | Node)[] | null;

/** "Showing results for Momofuku Ando. Search exactly for Momofuko Ando.", the second a link. */
function correctionLine({ corrected, query, typed }: Found, exactly: (text: string) => void): Line {
  if (!corrected.size) return null;
  const link = element("a", "search-as-typed");
  const url = searchUrl(location.href, typed.text, true);
  link.href = url.pathname + url.search;
  link.append(element("em", "", typed.text));
  link.addEventListener("click", (event) => {
    event.preventDefault();
    exactly(typed.text);
  });
  return sayWith("search.results.corrected", { corrected: element("em", "search-corrected", query.text), typed: link });
}

/** "No post holds all of these words; these hold 2 of 3.", and the words that match nothing at all. */
function partLine({ unmatched, asTyped }: Found, shown: Answer, matches: readonly PostMatch[]): Line {
  if (shown.held === shown.terms) return null;
  const fewer = matches.filter((match) => match.held < shown.held).length;
  const most = matches.length - fewer;
  const held = { held: count(shown.held), terms: count(shown.terms) };
  const part = fewer
    ? say(`search.results.partialMost.${plural(most)}`, { most: count(most), ...held })
    : say("search.results.partial", held);
  const words = quotedList(unmatched);
  const nowhere = !unmatched.length
    ? []
    : [say(asTyped ? "search.results.unmatchedAsTyped" : "search.results.unmatchedNowhere", { words })];
  return [[part, ...nowhere].join(" ")];
}

const quotedList = (words: string[]) => words.map((word) => say("search.results.quoted", { word })).join(", ");

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link into the post, with the words of `query` to mark on the page it opens (highlight.ts). */
function linkTo(postUrl: string, anchor: string | null, query: SearchQuery): string {
  const url = new URL(sitePath(postUrl), location.href);
  for (const term of highlightParams(query)) url.searchParams.append("highlight", term);
  if (anchor) url.hash = anchor;
  return url.pathname + url.search + url.hash;
}

/** Fills the placeholder `item` with `post`: its title, details, the excerpt of its page, its best turns. */
export function fill(item: HTMLLIElement, post: LoadedPost, query: SearchQuery): void {
  const { meta } = post.about;
  const postUrl = (meta.url ?? post.about.url).split("#")[0]!;
  const heading = element("h2", "search-result-title");
  const title = element("a", "search-result-link", meta.title ?? postUrl);
  title.href = linkTo(postUrl, null, query);
  heading.append(title);
  const details = [meta.kind, meta.date, meta.guests && say("search.results.withGuests", { guests: meta.guests })]
    .filter(Boolean)
    .join(" · ");
  item.replaceChildren(heading, element("p", "search-result-meta", details));
  if (post.page) {
    const text = element("p", "search-result-excerpt");
    text.innerHTML = post.page.excerpt;
    item.append(text);
  }
  if (post.turns.length) item.append(turnList(post.turns, postUrl, query));
  item.classList.remove("search-placeholder");
  item.removeAttribute("aria-busy");
}

function turnList(moments: LoadedPost["turns"], postUrl: string, query: SearchQuery): HTMLUListElement {
  const turns = element("ul", "search-turns");
  turns.setAttribute("aria-label", say("search.results.turns"));
  for (const moment of moments) {
    const turn = element("li", "search-turn");
    const link = element("a", "search-turn-link", moment.title);
    link.href = linkTo(postUrl, moment.turn, query);
    const text = element("p", "search-turn-excerpt");
    text.innerHTML = moment.excerpt;
    turn.append(link, text);
    turns.append(turn);
  }
  return turns;
}

/** The arrow keys move from the field through the results' links, and back up to the field. */
export function moveByArrows(event: KeyboardEvent): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>("a")];
  const at = document.activeElement === input ? -1 : links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at === -1 && document.activeElement !== input) return;
  event.preventDefault();
  const next = at + (event.key === "ArrowDown" ? 1 : -1);
  if (next < 0) input.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
}
