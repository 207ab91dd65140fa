import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { serveInChromium, type ServedSite } from "../support/browser.ts";
import { buildSite, tempProject } from "../support/build.ts";

const MARIA = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";
const BRUCE = "/en/2024/03/15/trust-excellence-customer-delight/";
const TURN_TITLE = /^(Alexis Monville|Maria Bracho|Tamar Bercovici|Bruce Wang|Tim Beattie|Bella Bardswell|Michael Galloway) · ~?\d\d:\d\d$/;

const project = tempProject("browser-search");
let browser: Browser;
let site: ServedSite;
let stop: () => Promise<void>;

/** A result's title once its data has loaded (a placeholder has the same class, and no text). */
const LOADED_TITLE = "li.pf-result:has(.search-result-meta) .pf-result-title";

interface Result {
  /** The post's title. */
  title: string;
  /** The post's page, or null for a transcript result, which links only to its turns. */
  href: string | null;
  kind: string;
  /** The turns that matched: "Maria Bracho · 12:00" and their URL. */
  turns: { title: string; href: string }[];
}

/** Types a query as a reader would, and waits for Pagefind to show its results. */
async function search(page: Page, query: string): Promise<Result[]> {
  const input = page.locator("pagefind-input input");
  await input.fill(query);
  await page.locator("pagefind-summary").filter({ hasText: query }).waitFor();
  return shownResults(page);
}

/** The results on screen once the list has settled (Pagefind fills results in lazily). */
async function shownResults(page: Page): Promise<Result[]> {
  await page.waitForTimeout(150);
  if ((await page.locator("pagefind-summary").innerText()).startsWith("No results")) return [];
  // Results still loading show a placeholder (filled in once scrolled into view); a loaded one has its metadata line.
  await page.locator("li.pf-result").first().scrollIntoViewIfNeeded();
  await page.locator(".search-result-meta").first().waitFor();
  let count = -1;
  for (let now = await page.locator(".search-result-meta").count(); now !== count; now = await page.locator(".search-result-meta").count()) {
    count = now;
    await page.waitForTimeout(250);
  }
  return page.locator("li.pf-result").evaluateAll((items) =>
    items
      .filter((item) => item.querySelector(".search-result-meta"))
      .map((item) => ({
        title: item.querySelector(".pf-result-title")!.textContent!.trim(),
        href: item.querySelector(".pf-result-link")?.getAttribute("href") ?? null,
        kind: item.querySelector(".search-result-meta")!.textContent!.trim(),
        turns: [...item.querySelectorAll(".pf-heading-link")].map((a) => ({ title: a.textContent!.trim(), href: a.getAttribute("href")! })),
      })),
  );
}

async function openSearch(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${site.url}/search/`);
  return page;
}

const pathOf = (href: string) => new URL(href, "http://x").pathname;

describe("search in Chromium", () => {
  before(async () => {
    await buildSite(project.input, project.output);
    ({ site, browser, stop } = await serveInChromium(project.output));
  });
  after(async () => {
    await stop?.();
    project.remove();
  });

  it("finds what Maria said about ramen, lands on that turn, in view and highlighted", async () => {
    const page = await openSearch();
    const results = await search(page, "ramen");
    const first = results[0]!;
    assert.equal(first.title, "Exploring Leadership and Open Source with Maria Bracho");
    assert.match(first.kind, /^From the transcript · Episode · June 9, 2024/);
    const moment = first.turns[0]!;
    assert.match(moment.title, /^Maria Bracho · ~?\d\d:\d\d$/);
    assert.equal(pathOf(moment.href), MARIA);
    const turn = /#(turn-\d+)$/.exec(moment.href)?.[1];
    assert.ok(turn, `the result links to a turn: ${moment.href}`);

    await page.locator(".pf-heading-link").first().click();
    await page.waitForURL((url) => url.pathname === MARIA && url.hash === `#${turn}`);
    await page.locator(`#${turn} mark.pagefind-highlight`).first().waitFor();
    assert.match((await page.locator(`#${turn} mark.pagefind-highlight`).first().textContent()) ?? "", /ramen/i);
    const inView = await page.locator(`#${turn}`).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= -1 && box.top < window.innerHeight;
    });
    assert.ok(inView, "the turn is in view");
    assert.equal(await page.locator(`#${turn} .turn-speaker`).textContent(), "Maria Bracho");
    await page.close();
  });

  it("puts the episode and the turn where Bruce talks about the humble gardener first", async () => {
    const page = await openSearch();
    const results = await search(page, "humble gardener");
    assert.ok(results.length >= 2);
    for (const result of results.slice(0, 2)) assert.equal(result.title, "Trust, Excellence, Customer Delight");
    const turns = results.flatMap((r) => r.turns);
    assert.ok(turns.length > 0, "a transcript turn is among the results");
    for (const turn of turns) {
      assert.match(turn.title, TURN_TITLE);
      assert.equal(pathOf(turn.href), BRUCE);
    }
    assert.ok(turns.some((turn) => turn.title.startsWith("Bruce Wang · ")));
    await page.close();
  });

  it("filters by speaker: what Bella Bardswell said about OKRs", async () => {
    const page = await openSearch();
    const all = await search(page, "OKRs");
    await page.locator('details[data-filter-name="speaker"] summary').click();
    await page.getByRole("checkbox", { name: /Bella Bardswell/ }).check();
    const filtered = await shownResults(page);
    assert.ok(filtered.length > 0 && filtered.length < all.length, `${filtered.length} of ${all.length}`);
    for (const result of filtered) assert.equal(result.title, "Outcome-Based Leadership Without the Bureaucracy");
    const turns = filtered.flatMap((r) => r.turns);
    assert.ok(turns.length > 0);
    for (const turn of turns) assert.match(turn.title, /^Bella Bardswell · /);
    await page.close();
  });

  it("filters by kind, and sorts by date", async () => {
    const page = await openSearch();
    await search(page, "strategy");
    await page.locator('details[data-filter-name="kind"] summary').click();
    await page.getByRole("checkbox", { name: /Article/ }).check();
    await page.waitForFunction(() => document.querySelectorAll(".pf-heading-link").length === 0);
    const articles = (await shownResults(page)).map((r) => r.kind);
    assert.ok(articles.length >= 3, `${articles.length} articles`);
    for (const meta of articles) assert.match(meta, /^Article · /);

    await page.getByLabel("Sort").selectOption("date:asc");
    await shownResults(page);
    const dates = (await page.locator(".search-result-meta").allInnerTexts()).map((meta) => Date.parse(meta.split(" · ")[1]!));
    assert.ok(dates.every((d) => !Number.isNaN(d)), "every result shows its date");
    assert.deepEqual(dates, [...dates].sort((a, b) => a - b), "oldest first");
    const oldest = (await page.locator(".search-result-meta").first().innerText()).split(" · ")[1]!;
    await page.getByLabel("Sort").selectOption("date:desc");
    await page.waitForFunction((date) => !(document.querySelector(".search-result-meta")?.textContent ?? "").includes(date), oldest);
    await shownResults(page);
    const newest = (await page.locator(".search-result-meta").allInnerTexts()).map((meta) => Date.parse(meta.split(" · ")[1]!));
    assert.deepEqual(newest, [...dates].sort((a, b) => b - a), "newest first");
    await page.close();
  });

  it("works from the keyboard alone: type, arrow down to a result, Enter opens it", async () => {
    const page = await openSearch();
    await page.locator("pagefind-input input").focus();
    await page.keyboard.type("humble gardener");
    await page.locator(".search-result-meta").first().waitFor();
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href") ?? "");
    assert.equal(pathOf(focused), BRUCE, "the first result's link has the focus");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === BRUCE);
    await page.close();
  });

  it("fetches the text of the results on screen only, and the others as the reader scrolls to them", async () => {
    const page = await openSearch();
    const fragments: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/pagefind/fragment/")) fragments.push(request.url());
    });
    const shown = await search(page, "leadership");
    const total = Number(/^(\d+) results? for/.exec(await page.locator("pagefind-summary").innerText())?.[1]);
    assert.ok(total > 6, `${total} results`);
    assert.ok(shown.length >= 1 && shown.length <= 4, `${shown.length} of ${total} results loaded before scrolling`);
    assert.equal(fragments.length, shown.length, "one fragment fetched per result shown");

    for (let loaded = shown.length; loaded < total; ) {
      await page.evaluate(() => document.querySelector("li.search-placeholder")?.scrollIntoView());
      await page.waitForFunction((before) => document.querySelectorAll(".search-result-meta").length > before, loaded);
      loaded = await page.locator(".search-result-meta").count();
    }
    assert.equal(new Set(fragments).size, total, "every result is loaded once scrolled to");
    await page.close();
  });

  it("is reached from the search field in every page's header", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/about/`);
    await page.getByRole("searchbox", { name: "Search posts and transcripts" }).fill("Lollapalooza");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.pathname === "/search/" && url.searchParams.get("q") === "Lollapalooza");
    const title = page.locator(LOADED_TITLE).first();
    await title.waitFor();
    assert.match((await title.textContent()) ?? "", /Charlie Munger/);
    await page.close();
  });

  it("indexes only content: no navigation, header, footer, download links or sign-up form", async () => {
    const page = await openSearch();
    for (const query of ["Skip to content", "WebVTT captions", "SRT subtitles"]) {
      const results = await search(page, query);
      assert.deepEqual(results, [], query);
    }
    const spam = await search(page, "spam");
    assert.equal(spam.filter((r) => r.title === "Leadership: A Contested Term").length, 0, "the newsletter form is not indexed");
    await page.close();
  });

  it("says plainly, without JavaScript, that search needs it and where to browse instead", () => {
    const html = readFileSync(path.join(project.output, "search/index.html"), "utf8");
    assert.match(html, /<noscript>\s*<p class="notice">Search runs in your browser and needs JavaScript/);
  });
});
