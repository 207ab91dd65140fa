import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { serveInChromium, type ServedSite } from "../support/browser.ts";
import { sharedSite } from "../support/shared-site.ts";
import {
  listSettled,
  openSearch as open,
  postCount,
  resultAt,
  shownResults,
  typeQuery,
} from "../support/search-page.ts";

const MARIA = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";
const BRUCE = "/en/2024/03/15/trust-excellence-customer-delight/";
const OUTCOMES = "/en/2024/02/02/outcome-based-leadership-without-the-bureaucracy/";
const MICHAEL = "/en/2024/01/24/navigating-the-evolution-of-cloud-infrastructure-insights-from-michael-galloway/";
const TURN_TITLE =
  /^(Alexis Monville|Maria Bracho|Tamar Bercovici|Bruce Wang|Tim Beattie|Bella Bardswell|Michael Galloway) · ~?\d\d:\d\d$/;

const project = sharedSite("content");
let browser: Browser;
let site: ServedSite;
let stop: () => Promise<void>;

const openSearch = (query?: string) =>
  open(() => browser.newPage({ viewport: { width: 1280, height: 800 } }), site.url, query);

/** Types a query as a reader would and returns the results on screen once filled in. */
async function search(page: Page, query: string) {
  await typeQuery(page, query);
  return shownResults(page);
}

const pathOf = (href: string) => new URL(href, "http://x").pathname;
const turnOf = (href: string) => new URL(href, "http://x").hash.slice(1);
/** The text of a turn on its episode's page, as a reader reads it. */
const turnText = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((turn) => turn.textContent!.replace(/\s+/g, " "));

describe("search in Chromium", () => {
  before(async () => {
    await project.build();
    ({ site, browser, stop } = await serveInChromium(project.output));
  });
  after(async () => {
    await stop?.();
    project.release();
  });

  it("finds what Maria said about ramen, lands on that turn, in view and highlighted", async () => {
    const page = await openSearch();
    const [first] = await search(page, "ramen");
    assert.equal(first!.title, "Exploring Leadership and Open Source with Maria Bracho");
    assert.match(first!.meta, /^Episode · June 9, 2024 · with Maria Bracho$/);
    const moment = first!.turns[0]!;
    assert.match(moment.title, /^Maria Bracho · ~?\d\d:\d\d$/);
    assert.equal(pathOf(moment.href), MARIA);
    const turn = turnOf(moment.href);
    assert.match(turn, /^turn-\d+$/);

    await page.locator(".search-turn-link").first().click();
    await page.waitForURL((url) => url.pathname === MARIA && url.hash === `#${turn}`);
    const mark = page.locator(`#${turn} mark.search-highlight`).first();
    await mark.waitFor();
    assert.match((await mark.textContent()) ?? "", /ramen/i);
    const inView = await page.locator(`#${turn}`).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= -1 && box.top < window.innerHeight;
    });
    assert.ok(inView, "the turn is in view");
    assert.equal(await page.locator(`#${turn} .turn-speaker`).textContent(), "Maria Bracho");
    await page.close();
  });

  it("shows an episode once, with its best turns whoever said them, and the show notes' excerpt when the words stand there", async () => {
    const page = await openSearch();
    const results = await search(page, "humble gardener");
    assert.equal(await postCount(page), 1);
    assert.equal(results.length, 1, "one result for the episode, not one per record");
    const [bruce] = results;
    assert.equal(bruce!.title, "Trust, Excellence, Customer Delight");
    assert.equal(bruce!.post, BRUCE);
    assert.match(bruce!.excerpt ?? "", /<mark>“?humble gardener/i, "the show notes say it too");
    assert.ok(bruce!.turns.length >= 1 && bruce!.turns.length <= 3);
    for (const turn of bruce!.turns) {
      assert.match(turn.title, TURN_TITLE);
      assert.equal(pathOf(turn.href), BRUCE);
    }
    assert.match(bruce!.turns[0]!.title, /^Bruce Wang · /);
    assert.match(
      bruce!.turns[0]!.excerpt,
      /<mark>humble gardener[.,]?<\/mark>/,
      "the first turn says the phrase, marked as one piece",
    );
    await page.close();
  });

  it("counts posts, not records: one result per post, each post once", async () => {
    const page = await openSearch();
    await typeQuery(page, "leadership");
    const count = await postCount(page);
    assert.equal(await page.locator(".search-result").count(), count);
    assert.ok(count >= 10, `${count} posts`);
    // Every result, scrolled to and filled in, is another post.
    const posts = new Set<string>();
    for (let n = 0; n < count; n++) {
      const item = page.locator(".search-result").nth(n);
      await item.scrollIntoViewIfNeeded();
      posts.add(pathOf((await item.locator(".search-result-link").getAttribute("href"))!));
    }
    assert.equal(posts.size, count);
    await page.close();
  });

  it("opens on the turn that says a remembered phrase, not on the one that repeats its common words", async () => {
    const page = await openSearch();
    const [first] = await search(page, "lines in the sand");
    assert.equal(first!.post, MARIA);
    const turn = turnOf(first!.turns[0]!.href);
    assert.match(first!.turns[0]!.excerpt, /<mark>lines in the sand<\/mark>/);
    await page.goto(`${site.url}${first!.turns[0]!.href}`);
    assert.match(await turnText(page, turn), /lines in the sand/);
    const marked = await page.locator(`#${turn} mark.search-highlight`).allTextContents();
    assert.ok(marked.includes("lines in the sand"), `the phrase is marked as one piece: ${JSON.stringify(marked)}`);
    await page.close();
  });

  it("finds only the exact phrase in quotes, and says so under the field", async () => {
    const page = await openSearch();
    assert.match(await page.locator(".search-hint").innerText(), /Use quotes for an exact phrase/);
    const quoted = await search(page, '"humble gardener"');
    assert.equal(quoted.length, 1);
    for (const turn of quoted[0]!.turns) assert.match(turn.excerpt, /<mark>humble gardener[.,]?<\/mark>/i, turn.title);
    await typeQuery(page, '"gardener humble"');
    assert.equal(await postCount(page), 0, "the words in another order are not the phrase");
    assert.match(await page.locator(".search-empty").innerText(), /without the quotes/);
    await page.close();
  });

  it("says plainly when nothing on the site comes near the words, shows nothing else, and offers browsing by tag, person or year", async () => {
    const page = await openSearch();
    await typeQuery(page, "xqzvwpj");
    assert.equal(await page.locator(".search-summary").innerText(), "No post holds “xqzvwpj”.");
    assert.equal(await page.locator(".search-result").count(), 0);
    assert.equal(await page.locator(".search-notice").isVisible(), false);
    const help = page.locator(".search-empty");
    assert.match(await help.innerText(), /fewer words/);
    assert.equal(await help.getByText("without the quotes").isVisible(), false, "no quotes to remove");
    assert.deepEqual(await help.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))), [
      "/tags/",
      "/people/",
      "/archive/",
    ]);
    // Too short to correct: Pagefind answers "xqz" with the posts holding "x", which are not shown.
    await typeQuery(page, "xqz");
    assert.equal(await page.locator(".search-summary").innerText(), "No post holds “xqz”.");
    assert.equal(await page.locator(".search-result").count(), 0);
    await page.close();
  });

  it("shows the posts that hold most of the words when none holds them all, and says so", async () => {
    const page = await openSearch();
    await typeQuery(page, "ramen xqzvwpj");
    const notice = page.locator(".search-notice");
    assert.equal(
      await notice.innerText(),
      "No post holds all of these words; these hold 1 of 2. Nothing on the site comes close to “xqzvwpj”.",
    );
    const [first] = await shownResults(page);
    assert.equal(first!.post, MARIA);
    assert.match(first!.turns[0]!.excerpt, /<mark>ramen[.,]?<\/mark>/i);
    // Momofuku and ramen stand in Maria's episode, Galloway in Michael's: Maria's comes first.
    await typeQuery(page, "Momofuku ramen Galloway");
    assert.equal(
      await notice.innerText(),
      "No post holds all of these words; 1 of these holds 2 of 3, the others fewer.",
    );
    const shown = await shownResults(page);
    assert.equal(shown[0]!.post, MARIA);
    const posts: string[] = [];
    for (let n = 0; ; n++) {
      const shownPost = await resultAt(page, n);
      if (!shownPost) break;
      posts.push(shownPost.post);
    }
    assert.ok(posts.includes(MICHAEL), `the post holding Galloway is shown too: ${posts.join(", ")}`);
    await page.close();
  });

  it("takes a name spelled as heard for the name, says so with a way back, and the page it opens marks the name", async () => {
    const page = await openSearch();
    const [first] = await search(page, "Momofuko Ando");
    const notice = page.locator(".search-notice");
    assert.equal(await notice.innerText(), "Showing results for Momofuku Ando. Search exactly for Momofuko Ando.");
    assert.equal(first!.post, MARIA);
    assert.match(first!.turns[0]!.excerpt, /<mark>Momofuku Ando<\/mark>/);
    const href = first!.turns[0]!.href;
    assert.deepEqual(new URL(href, "http://x").searchParams.getAll("highlight"), ["momofuku ando", "momofuku", "ando"]);

    // The way back: the words as typed, which no post holds together.
    await notice.getByRole("link", { name: "Momofuko Ando" }).click();
    await page.waitForFunction(() =>
      (document.querySelector(".search-notice")?.textContent ?? "").startsWith("No post holds all"),
    );
    assert.equal(
      await notice.innerText(),
      "No post holds all of these words; these hold 1 of 2. No post holds “momofuko” as typed.",
    );
    assert.equal(new URL(page.url()).searchParams.get("spelling"), "exact");
    // Typing again corrects again.
    await typeQuery(page, "Momofuko Ando noodle");
    assert.match(await notice.innerText(), /^Showing results for Momofuku Ando noodle\./);
    assert.equal(new URL(page.url()).searchParams.get("spelling"), null);

    await page.goto(`${site.url}${href}`);
    const id = turnOf(href);
    await page.locator(`#${id} mark.search-highlight`).first().waitFor();
    const marked = await page.locator(`#${id} mark.search-highlight`).allTextContents();
    assert.ok(marked.length && marked.every((text) => text === "Momofuku Ando"), marked.join(", "));
    await page.close();
  });

  it("never corrects a word that stands on the site, nor a quoted phrase", async () => {
    const page = await openSearch();
    const [ando] = await search(page, "Ando");
    assert.equal(ando!.post, MARIA);
    assert.equal(await page.locator(".search-notice").isVisible(), false);
    // Said on the site, and matched by Pagefind with other forms of it (invested, investors): no correction to "inviting".
    await search(page, "investing");
    assert.equal(await page.locator(".search-notice").isVisible(), false);
    await typeQuery(page, '"tempora shrimp"');
    assert.equal(await postCount(page), 0);
    assert.equal(await page.locator(".search-notice").isVisible(), false);
    // A misspelled plural is taken for the plural the site says, which Pagefind finds by its stem.
    const [encryption] = await search(page, "storage encriptions");
    assert.equal(
      await page.locator(".search-notice").innerText(),
      "Showing results for storage encryptions. Search exactly for storage encriptions.",
    );
    assert.match(encryption!.turns[0]!.excerpt, /<mark>[^<]*encryptions/i);
    const [tempura] = await search(page, "tempora shrimp");
    assert.equal(
      await page.locator(".search-notice").innerText(),
      "Showing results for tempura shrimp. Search exactly for tempora shrimp.",
    );
    assert.match(tempura!.turns[0]!.excerpt, /<mark>tempura shrimp[.,]?<\/mark>/);
    await page.close();
  });

  it("never corrects a word the site says: a sample of its words, and words Pagefind indexes inside longer ones", async () => {
    const pagefind = path.join(project.output, "pagefind");
    const index = JSON.parse(readFileSync(path.join(pagefind, "words.json"), "utf8")) as {
      spelling: Record<string, string>;
    };
    const words = Object.values(index.spelling).flatMap((file) =>
      (JSON.parse(readFileSync(path.join(pagefind, "words", file), "utf8")) as { words: [string, number][] }).words.map(
        ([word]) => word,
      ),
    );
    const sample = [...words.filter((_, i) => i % 80 === 0), "aware", "merely", "www", "sword", "investing"];
    const page = await openSearch();
    const corrected: string[] = [];
    for (const word of sample) {
      await typeQuery(page, `${word} `);
      if ((await page.locator(".search-notice").isVisible()) || (await postCount(page)) === 0) corrected.push(word);
    }
    assert.ok(sample.length >= 50, `${sample.length} words`);
    assert.deepEqual(corrected, [], "every word of the sample finds its posts as typed");
    await page.close();
  });

  it("fetches the word lists only for a word that matches nothing, and keeps them for the next one", async () => {
    const page = await openSearch();
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    const lists = () =>
      fetched.filter((path) => path === "/assets/search-corrections.js" || path.startsWith("/pagefind/words"));
    await typeQuery(page, "ramen");
    await typeQuery(page, "humble gardener");
    assert.deepEqual(lists(), [], "an ordinary search fetches none");
    await typeQuery(page, "Rummelt");
    assert.ok(lists().includes("/assets/search-corrections.js"));
    assert.ok(lists().includes("/pagefind/words.json"));
    const count = lists().length;
    assert.ok(
      count <= 5,
      `${count} files for one word: the script, the index, one list by spelling, two at most by sound`,
    );
    await typeQuery(page, "Rummelts");
    assert.equal(lists().length, count, "the same lists serve the same word again");
    await page.close();
  });

  it("filters by speaker: what Bella Bardswell said about OKRs, her turns only", async () => {
    const page = await openSearch();
    await typeQuery(page, "OKRs");
    const all = await postCount(page);
    await page.locator('details[data-filter-name="speaker"] summary').click();
    await page.getByRole("checkbox", { name: /Bella Bardswell/ }).check();
    await listSettled(page);
    const filtered = await shownResults(page);
    assert.ok(filtered.length > 0 && (await postCount(page)) < all, `${await postCount(page)} of ${all}`);
    for (const result of filtered) assert.equal(result.post, OUTCOMES);
    const turns = filtered.flatMap((r) => r.turns);
    assert.ok(turns.length > 0);
    for (const turn of turns) assert.match(turn.title, /^Bella Bardswell · /);
    assert.equal(filtered[0]!.excerpt, null, "the show notes are not hers");
    await page.close();
  });

  it("filters by kind, and sorts by date", async () => {
    const page = await openSearch();
    await typeQuery(page, "strategy");
    const all = await postCount(page);
    await page.locator('details[data-filter-name="kind"] summary').click();
    await page.getByRole("checkbox", { name: /Article/ }).check();
    await listSettled(page);
    const articles = await shownResults(page);
    assert.ok((await postCount(page)) < all);
    assert.ok(articles.length >= 2, `${articles.length} articles`);
    for (const { meta } of articles) assert.match(meta, /^Article · /);

    const dates = async () => {
      const count = await postCount(page);
      const shown: number[] = [];
      for (let n = 0; n < count; n++) {
        const item = page.locator(".search-result").nth(n);
        await item.scrollIntoViewIfNeeded();
        const meta = item.locator(".search-result-meta");
        shown.push(Date.parse((await meta.innerText()).split(" · ")[1]!));
      }
      return shown;
    };
    await page.getByLabel("Sort").selectOption("date:asc");
    await listSettled(page);
    const oldest = await dates();
    assert.ok(
      oldest.every((d) => !Number.isNaN(d)),
      "every result shows its date",
    );
    assert.deepEqual(
      oldest,
      [...oldest].sort((a, b) => a - b),
      "oldest first",
    );
    await page.getByLabel("Sort").selectOption("date:desc");
    await listSettled(page);
    assert.deepEqual(
      await dates(),
      [...oldest].sort((a, b) => b - a),
      "newest first",
    );
    await page.close();
  });

  it("corrects the words with a filter chosen and the results sorted by date", async () => {
    const page = await openSearch();
    await typeQuery(page, "Rummelt strategy");
    const notice = page.locator(".search-notice");
    assert.equal(await notice.innerText(), "Showing results for Rumelt strategy. Search exactly for Rummelt strategy.");
    const all = await postCount(page);
    await page.locator('details[data-filter-name="kind"] summary').click();
    await page.getByRole("checkbox", { name: /Article/ }).check();
    await listSettled(page);
    const articles = await shownResults(page);
    assert.ok(articles.length >= 1 && (await postCount(page)) <= all);
    for (const { meta } of articles) assert.match(meta, /^Article · /);
    await page.getByLabel("Sort").selectOption("date:desc");
    await listSettled(page);
    assert.equal(await notice.innerText(), "Showing results for Rumelt strategy. Search exactly for Rummelt strategy.");
    for (const { excerpt } of await shownResults(page)) assert.match(excerpt ?? "", /<mark>[^<]*Rumelt/);
    await page.close();
  });

  it("works from the keyboard alone: type, arrow down to a result, Enter opens it", async () => {
    const page = await openSearch();
    await page.locator("#search-input").focus();
    await page.keyboard.type("humble gardener");
    // Typed a key at a time, the page may show what the first letters found before the whole words'.
    await page.locator(".search-summary").filter({ hasText: "“humble gardener”" }).waitFor();
    await page.locator(".search-result-link").first().waitFor();
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(
      () => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href") ?? "",
    );
    assert.equal(pathOf(focused), BRUCE, "the first result's link has the focus");
    await page.keyboard.press("ArrowDown");
    assert.equal(
      await page.evaluate(() => document.activeElement?.className),
      "search-turn-link",
      "then its first turn",
    );
    await page.keyboard.press("ArrowUp");
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
    const total = await postCount(page);
    assert.ok(total > 6, `${total} results`);
    assert.ok(shown.length >= 1 && shown.length <= 4, `${shown.length} of ${total} results loaded before scrolling`);
    // A post loads its page's record and at most two transcript records.
    assert.ok(fragments.length <= shown.length * 3, `${fragments.length} fragments for ${shown.length} results`);

    for (let loaded = shown.length; loaded < total; ) {
      await page.evaluate(() => document.querySelector(".search-placeholder")?.scrollIntoView());
      await page.waitForFunction(
        (before) => document.querySelectorAll(".search-result:not(.search-placeholder)").length > before,
        loaded,
      );
      loaded = await page.locator(".search-result:not(.search-placeholder)").count();
    }
    assert.equal(new Set(fragments).size, fragments.length, "no record fetched twice");
    assert.ok(fragments.length >= total, "every result is loaded once scrolled to");
    await page.close();
  });

  it("is reached from the search field in every page's header", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/about/`);
    await page.getByRole("searchbox", { name: "Search posts and transcripts" }).fill("Lollapalooza");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.pathname === "/search/" && url.searchParams.get("q") === "Lollapalooza");
    const title = page.locator(".search-result-link").first();
    await title.waitFor();
    assert.match((await title.textContent()) ?? "", /Charlie Munger/);
    await page.close();
  });

  it("indexes only content: no navigation, header, footer, download links or sign-up form", async () => {
    const page = await openSearch();
    for (const query of ['"Skip to content"', '"WebVTT captions"', '"SRT subtitles"']) {
      await typeQuery(page, query);
      assert.equal(await postCount(page), 0, query);
    }
    const spam = await search(page, "spam");
    assert.equal(
      spam.filter((r) => r.title === "Leadership: A Contested Term").length,
      0,
      "the newsletter form is not indexed",
    );
    await page.close();
  });

  it("says so when the search index cannot be had, and where to browse instead", async () => {
    const page = await browser.newPage();
    await page.route("**/pagefind/posts.json", (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.goto(`${site.url}/search/?q=ramen`);
    const summary = page.locator(".search-summary");
    await summary.filter({ hasText: "not available" }).waitFor();
    assert.equal(await summary.innerText(), "Search is not available right now (/pagefind/posts.json answered 404).");
    assert.ok(await page.locator(".search-empty a[href='/archive/']").isVisible());
    await page.close();
  });

  it("says plainly, without JavaScript, that search needs it and where to browse instead", () => {
    const html = readFileSync(path.join(project.output, "search/index.html"), "utf8");
    assert.match(html, /<noscript>\s*<p class="notice">Search runs in your browser and needs JavaScript/);
  });
});
