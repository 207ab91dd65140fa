/**
 * The relevance suite (tests/relevance/queries.json) run through the real `/search/` page in
 * Chromium, as a reader types each query: where the right post stands among the results, and
 * whether the right turn is among the links its result shows. Used by `npm run bench:relevance`
 * (bench/relevance.ts), which prints the figures, and by `npm test`, which holds them to a floor.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { openSearch, resultAt, typeQuery } from "./search-page.ts";

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
  /** Share of queries whose right post is first and, when they name a turn, whose turn is among the first three links. */
  landed: number;
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

/** Each episode's turns as a reader reads them (id and text), from its page: one visit per post. */
async function turnsOf(page: Page, siteUrl: string, postUrl: string): Promise<{ id: string; text: string }[]> {
  await page.goto(`${siteUrl}${postUrl}`);
  return page.locator(".turn").evaluateAll((nodes) =>
    nodes.map((node) => ({
      id: node.id,
      text: [...node.querySelectorAll("p:not(.turn-head)")].map((p) => p.textContent ?? "").join(" "),
    })),
  );
}

/**
 * Types each query into the search page and reads where the right post and turn stand. With
 * `pages` above 1, the queries are shared out among that many search pages typed into at once
 * (each waits on the page's pause after typing); the results come back in the queries' order.
 */
export async function runRelevance(
  browser: Browser,
  siteUrl: string,
  queries: readonly RelevanceQuery[],
  log: (line: string) => void = () => {},
  pages = 1,
): Promise<RelevanceResult[]> {
  const newPage = () => browser.newPage({ viewport: { width: 1280, height: 800 } });
  const expected = new Map<RelevanceQuery, string[]>();
  const reader = await newPage();
  try {
    const turns = new Map<string, { id: string; text: string }[]>();
    for (const query of queries) {
      if (!query.turn) continue;
      if (!turns.has(query.post)) turns.set(query.post, await turnsOf(reader, siteUrl, query.post));
      const ids = turns
        .get(query.post)!
        .filter((turn) => collapse(turn.text.replace(/\[\d\d:\d\d:\d\d\]/g, "")).includes(collapse(query.turn!)))
        .map((turn) => turn.id);
      if (ids.length !== 1)
        throw new Error(
          `The turn of "${query.query}" must be the one turn of ${query.post} that holds "${query.turn}": ${ids.length} do`,
        );
      expected.set(query, ids);
    }
  } finally {
    await reader.close();
  }
  const out: RelevanceResult[] = [];
  const typeInto = async (indexes: number[]): Promise<void> => {
    const page = await openSearch(newPage, siteUrl);
    try {
      for (const index of indexes) {
        const query = queries[index]!;
        await typeQuery(page, query.query);
        let postRank: number | null = null;
        let turnsShown: string[] = [];
        let first: string | null = null;
        for (let n = 0; n < RANKS_LOOKED_AT; n++) {
          const shown = await resultAt(page, n);
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
        out[index] = row;
        log(describe(row));
        await page.evaluate(() => window.scrollTo(0, 0));
      }
    } finally {
      await page.close();
    }
  };
  const count = Math.max(1, pages);
  await Promise.all(
    Array.from({ length: count }, (_, n) =>
      typeInto(queries.map((_, index) => index).filter((index) => index % count === n)),
    ),
  );
  return out;
}

/** The right post came first, and the right turn among its first three links when the query names one. */
const landed = (r: RelevanceResult) => r.postRank === 1 && (!r.query.turn || (r.turnRank !== null && r.turnRank <= 3));

/** The queries of names and words misspelled or spelled as heard, which search must correct. */
export const MISSPELLING = "misspelling";

/** The suite's figures for the queries spelled right and for the misspelled ones, apart. */
export function figuresBySection(results: readonly RelevanceResult[]): {
  spelledRight: RelevanceFigures;
  misspelled: RelevanceFigures;
} {
  return {
    spelledRight: figures(results.filter((r) => r.query.type !== MISSPELLING)),
    misspelled: figures(results.filter((r) => r.query.type === MISSPELLING)),
  };
}

export function describe({ query, postRank, turnRank, first, turnsShown }: RelevanceResult): string {
  const post =
    postRank === 1
      ? "post 1"
      : postRank
        ? `post ${postRank} (first: ${first})`
        : `post not in the first ${RANKS_LOOKED_AT} (first: ${first ?? "none"})`;
  const turn = query.turn
    ? turnRank
      ? `, turn ${turnRank}`
      : `, turn not shown (shown: ${turnsShown.join(" ") || "none"})`
    : "";
  return `${landed({ query, postRank, turnRank, first, turnsShown }) ? "ok  " : "MISS"} [${query.type}] ${query.query}: ${post}${turn}`;
}

export function figures(results: readonly RelevanceResult[]): RelevanceFigures {
  const withTurn = results.filter((r) => r.query.turn);
  return {
    queries: results.length,
    landed: results.filter(landed).length / Math.max(1, results.length),
    postFirst: results.filter((r) => r.postRank === 1).length / results.length,
    turnQueries: withTurn.length,
    turnInFirstThree:
      withTurn.filter((r) => r.turnRank !== null && r.turnRank <= 3).length / Math.max(1, withTurn.length),
    meanReciprocalRank: results.reduce((sum, r) => sum + (r.postRank ? 1 / r.postRank : 0), 0) / results.length,
  };
}
