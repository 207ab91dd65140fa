/**
 * The relevance suite (tests/relevance/queries.json) run through the real `/search/` page in
 * Chromium, as a reader types each query: where the right post stands among the results, and
 * whether the right turn is among the links its result shows. Used by `npm run bench:relevance`
 * (bench/relevance.ts), which prints the figures, and by `npm test`, which holds them to a floor.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

export interface RelevanceQuery {
  query: string;
  type: string;
  /** The post that must come first. */
  post: string;
  /** Words said in the turn a reader expects to land on: the turn is the one that holds them. */
  turn?: string;
  note: string;
}

export interface RelevanceResult {
  query: RelevanceQuery;
  /** 1-based rank of the right post among the results, or null when not among the first RANKS_LOOKED_AT. */
  postRank: number | null;
  /** 1-based rank of the right turn among the right post's turn links, or null when not shown (or no turn expected). */
  turnRank: number | null;
  /** What came first, for reading a miss. */
  first: string | null;
  turnsShown: string[];
}

export interface RelevanceFigures {
  queries: number;
  postFirst: number;
  turnQueries: number;
  turnInFirstThree: number;
  meanReciprocalRank: number;
}

export const QUERIES_FILE = new URL("../relevance/queries.json", import.meta.url);
/** Results looked at for the right post: a reader rarely scrolls past them. */
export const RANKS_LOOKED_AT = 10;

export function readQueries(): RelevanceQuery[] {
  return JSON.parse(readFileSync(QUERIES_FILE, "utf8")) as RelevanceQuery[];
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** The ids of the turns of `postUrl` that hold `words`, read from the episode's page. */
async function turnsHolding(page: Page, siteUrl: string, postUrl: string, words: string): Promise<string[]> {
  await page.goto(`${siteUrl}${postUrl}`);
  const turns = await page.locator(".turn").evaluateAll((nodes) =>
    nodes.map((node) => ({ id: node.id, text: [...node.querySelectorAll("p:not(.turn-head)")].map((p) => p.textContent ?? "").join(" ") })),
  );
  return turns.filter((turn) => collapse(turn.text.replace(/\[\d\d:\d\d:\d\d\]/g, "")).includes(collapse(words))).map((turn) => turn.id);
}

/** Types `text` into the search page and waits until its answer is on screen: the first result filled in, or the empty state. */
export async function typeQuery(page: Page, text: string): Promise<void> {
  const input = page.locator("#search-input");
  await input.fill("");
  await page.waitForFunction(() => !document.querySelector(".search-summary")?.textContent);
  await input.fill(text);
  await page.waitForFunction(
    (typed) => {
      const summary = document.querySelector(".search-summary")?.textContent ?? "";
      if (!summary.includes(`“${typed.trim()}”`)) return false;
      const first = document.querySelector(".search-result");
      return !(document.querySelector(".search-empty") as HTMLElement).hidden || (first !== null && !first.classList.contains("search-placeholder"));
    },
    text,
    { timeout: 20_000 },
  );
}

/** The post URL and turn links of the `n`th result (0-based), scrolled into view and filled in. */
async function result(page: Page, n: number): Promise<{ post: string; turns: string[] } | null> {
  const item = page.locator(".search-result").nth(n);
  if (!(await item.count())) return null;
  await item.scrollIntoViewIfNeeded();
  await item.locator(".search-result-link").waitFor();
  return item.evaluate((node) => ({
    post: new URL(node.querySelector<HTMLAnchorElement>(".search-result-link")!.href).pathname,
    turns: [...node.querySelectorAll<HTMLAnchorElement>(".search-turn-link")].map((a) => new URL(a.href).hash.slice(1)),
  }));
}

export async function runRelevance(browser: Browser, siteUrl: string, queries: readonly RelevanceQuery[], log: (line: string) => void = () => {}): Promise<RelevanceResult[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const out: RelevanceResult[] = [];
  try {
    const expected = new Map<RelevanceQuery, string[]>();
    for (const query of queries) {
      if (!query.turn) continue;
      const ids = await turnsHolding(page, siteUrl, query.post, query.turn);
      if (ids.length !== 1) throw new Error(`The turn of "${query.query}" must be the one turn of ${query.post} that holds "${query.turn}": ${ids.length} do`);
      expected.set(query, ids);
    }
    await page.goto(`${siteUrl}/search/`);
    for (const query of queries) {
      await typeQuery(page, query.query);
      let postRank: number | null = null;
      let turnsShown: string[] = [];
      let first: string | null = null;
      for (let n = 0; n < RANKS_LOOKED_AT; n++) {
        const shown = await result(page, n);
        if (!shown) break;
        if (n === 0) first = shown.post;
        if (shown.post === query.post) {
          postRank = n + 1;
          turnsShown = shown.turns;
          break;
        }
      }
      const turns = expected.get(query);
      const at = turns ? turnsShown.findIndex((id) => turns.includes(id)) : -1;
      const row: RelevanceResult = { query, postRank, turnRank: at === -1 ? null : at + 1, first, turnsShown };
      out.push(row);
      log(describe(row));
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  } finally {
    await page.close();
  }
  return out;
}

export function describe({ query, postRank, turnRank, first, turnsShown }: RelevanceResult): string {
  const post = postRank === 1 ? "post 1" : postRank ? `post ${postRank} (first: ${first})` : `post not in the first ${RANKS_LOOKED_AT} (first: ${first ?? "none"})`;
  const turn = query.turn ? (turnRank ? `, turn ${turnRank}` : `, turn not shown (shown: ${turnsShown.join(" ") || "none"})`) : "";
  return `${postRank === 1 && (!query.turn || turnRank) ? "ok  " : "MISS"} [${query.type}] ${query.query}: ${post}${turn}`;
}

export function figures(results: readonly RelevanceResult[]): RelevanceFigures {
  const withTurn = results.filter((r) => r.query.turn);
  return {
    queries: results.length,
    postFirst: results.filter((r) => r.postRank === 1).length / results.length,
    turnQueries: withTurn.length,
    turnInFirstThree: withTurn.filter((r) => r.turnRank !== null && r.turnRank <= 3).length / Math.max(1, withTurn.length),
    meanReciprocalRank: results.reduce((sum, r) => sum + (r.postRank ? 1 / r.postRank : 0), 0) / results.length,
  };
}
