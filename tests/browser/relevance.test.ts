import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { serveInChromium, type ServedSite } from "../support/browser.ts";
import { sharedSite } from "../support/shared-site.ts";
import {
  describe as describeResult,
  figuresBySection,
  MISSPELLING,
  readQueries,
  runRelevance,
} from "../support/relevance.ts";

/**
 * The floors reached by the suite (docs/benchmarks.md, "Search relevance"): a change to the
 * records or the ranking that makes search find less fails here. Misspelled queries must land on
 * the right post and turn nine times in ten.
 */
const FLOORS = { postFirst: 1, turnInFirstThree: 1 };
const MISSPELLED_FLOOR = 0.9;
/** Search pages the queries are typed into at once: each query waits on the page's pause after typing. */
const PAGES = 3;

const project = sharedSite("content");
let browser: Browser;
let site: ServedSite;
let stop: () => Promise<void>;

describe("search relevance: the suite of queries readers type, through /search/ in Chromium", () => {
  before(async () => {
    await project.build();
    ({ site, browser, stop } = await serveInChromium(project.output));
  });
  after(async () => {
    await stop?.();
    project.release();
  });

  it("has at least 40 queries of every kind a reader types, each naming the post that must come first", () => {
    const queries = readQueries();
    assert.ok(queries.length >= 40, `${queries.length} queries`);
    const kinds = new Set(queries.map((q) => q.type));
    for (const kind of ["phrase", "topic", "name", "book", "notes", "plural", "quoted", MISSPELLING])
      assert.ok(kinds.has(kind), kind);
    const misspelled = queries.filter((q) => q.type === MISSPELLING);
    assert.ok(
      misspelled.length >= 25 && misspelled.filter((q) => q.turn).length >= 25,
      `${misspelled.length} misspelled queries`,
    );
    for (const q of queries) assert.match(q.post, /^\/en\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\/$/, q.query);
  });

  it("puts the right post first and the right turn among the first three links, at or above the floors, misspelled or not", async () => {
    const results = await runRelevance(browser, site.url, readQueries(), undefined, PAGES);
    const { spelledRight, misspelled } = figuresBySection(results);
    const misses = results.filter((r) => r.postRank !== 1 || (r.query.turn && !r.turnRank)).map(describeResult);
    assert.ok(
      spelledRight.postFirst >= FLOORS.postFirst,
      `right post first for ${(spelledRight.postFirst * 100).toFixed(1)} %:\n${misses.join("\n")}`,
    );
    assert.ok(
      spelledRight.turnInFirstThree >= FLOORS.turnInFirstThree,
      `right turn shown for ${(spelledRight.turnInFirstThree * 100).toFixed(1)} %:\n${misses.join("\n")}`,
    );
    assert.ok(
      misspelled.landed >= MISSPELLED_FLOOR,
      `misspelled queries landing right: ${(misspelled.landed * 100).toFixed(1)} %:\n${misses.join("\n")}`,
    );
  });
});
