import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { axeViolations } from "../support/axe.ts";
import { serveInChromium } from "../support/browser.ts";
import { listSettled, shownResults } from "../support/search-page.ts";
import { sharedSite } from "../support/shared-site.ts";

// The French fixtures (tests/fixtures/french/): two translations of real English posts and an article in French only.
const FR_ARTICLE = "/fr/2024/04/12/jouer-pour-gagner/";
const FR_ONLY = "/fr/2024/05/15/une-note-sans-traduction/";
const FR_EPISODE = "/fr/2024/06/11/leadership-et-open-source-avec-maria-bracho/";
const NBSP = "\u00a0";
const inQuotes = (text: string) => `«${NBSP}${text}${NBSP}»`;

/** Whether the list shows its answer: the empty state, or a first result filled in. */
const IN_PAGE = `
  window.answered = () => {
    const first = document.querySelector(".search-result");
    return !document.querySelector(".search-empty").hidden || (first !== null && !first.classList.contains("search-placeholder"));
  };
`;
declare function answered(): boolean;

describe("the French search page, /fr/search/, in Chromium", () => {
  const project = sharedSite("french");
  let served: Awaited<ReturnType<typeof serveInChromium>>;
  const pages: Page[] = [];

  before(async () => {
    await project.build();
    served = await serveInChromium(project.output);
  });
  after(async () => {
    await served?.stop();
    project.release();
  });

  /** Opens the search page at `path` (with `?q=` when given), its answer on screen when there is a query. */
  async function open(path: string, query?: string): Promise<Page> {
    const page = await served.browser.newPage();
    pages.push(page);
    await page.addInitScript(IN_PAGE);
    await page.goto(`${served.site.url}${path}${query === undefined ? "" : `?q=${encodeURIComponent(query)}`}`);
    if (query !== undefined) await page.waitForFunction(() => answered(), undefined, { timeout: 20_000 });
    return page;
  }

  /** Types `text` and waits for its answer: the summary names it, in either language's quotes. */
  async function type(page: Page, text: string): Promise<void> {
    await page.locator("#search-input").fill(text);
    await page.waitForFunction(
      (typed) => {
        const summary = document.querySelector(".search-summary")?.textContent ?? "";
        return (summary.includes(`«\u00a0${typed}\u00a0»`) || summary.includes(`“${typed}”`)) && answered();
      },
      text.trim(),
      { timeout: 20_000 },
    );
  }

  const summary = (page: Page) => page.locator(".search-summary").innerText();
  const notice = async (page: Page) =>
    (await page.locator(".search-notice").isHidden()) ? null : page.locator(".search-notice").innerText();

  it("finds the French post that says “organisations” for “organisation”, and only French posts", async () => {
    const page = await open("/fr/search/");
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    await type(page, "organisation ");
    const results = await shownResults(page);
    assert.ok(
      results.some((r) => r.post === FR_ARTICLE && /<mark>organisations<\/mark>/.test(r.excerpt ?? "")),
      JSON.stringify(results, null, 1),
    );
    assert.deepEqual(
      results.filter((r) => !r.post.startsWith("/fr/")),
      [],
    );
    assert.equal(await summary(page), `3 résultats pour ${inQuotes("organisation")}`);
    const article = results.find((r) => r.post === FR_ARTICLE)!;
    assert.equal(article.meta, "Article · 12 avril 2024");
  });

  it("stems French words as French: “choisir” finds the note that says “choisissant”, uncorrected", async () => {
    const page = await open("/fr/search/", "choisir ");
    const [result, ...others] = await shownResults(page);
    assert.equal(result!.post, FR_ONLY);
    assert.match(result!.excerpt ?? "", /<mark>choisissant\.<\/mark>/);
    assert.deepEqual(others, []);
    assert.equal(await notice(page), null, "the word is not taken for a misspelling");
  });

  it("lands a word of a French transcript on the turn where it was said", async () => {
    const page = await open("/fr/search/", "fondation");
    const [episode] = await shownResults(page);
    assert.equal(episode!.post, FR_EPISODE);
    assert.match(episode!.meta, /^Épisode · 11 juin 2024 · avec Maria Bracho$/);
    const [turn] = episode!.turns;
    assert.match(turn!.title, /^Maria Bracho · /);
    assert.match(turn!.href, new RegExp(`^${FR_EPISODE}\\?highlight=fondation#turn-4$`));
    assert.match(turn!.excerpt, /<mark>fondations\.<\/mark>/);
    assert.equal(await page.locator(".search-turns").first().getAttribute("aria-label"), "Dans la transcription");
  });

  it("shows no English post on /fr/search/, and no French post on /search/", async () => {
    const french = await open("/fr/search/", "leadership");
    const frenchResults = await shownResults(french);
    assert.ok(
      frenchResults.some((r) => r.post === FR_EPISODE),
      JSON.stringify(frenchResults, null, 1),
    );
    assert.deepEqual(
      frenchResults.filter((r) => !r.post.startsWith("/fr/")),
      [],
    );
    const english = await open("/search/", "leadership");
    assert.match(await summary(english), /^\d+ posts for “leadership”$/);
    const links = await english
      .locator(".search-result-link")
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(links.length > 0, await summary(english));
    assert.deepEqual(
      links.filter((url) => url.startsWith("/fr/")),
      [],
    );
    // A word said only in French finds nothing in English.
    const frenchWord = await open("/search/", "choisissant");
    assert.deepEqual(
      (
        await frenchWord
          .locator(".search-result-link")
          .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
      ).filter((url) => url.startsWith("/fr/")),
      [],
    );
  });

  it("offers to search the other language with the same words", async () => {
    const page = await open("/fr/search/");
    const toEnglish = page.locator("a[data-search-language]");
    assert.equal(await toEnglish.getAttribute("href"), "/search/");
    await type(page, "open source");
    assert.equal(await toEnglish.getAttribute("href"), "/search/?q=open+source");
    await toEnglish.click();
    await page.waitForURL(/\/search\/\?q=open\+source$/);
    await page.waitForFunction(() => answered());
    assert.equal(await page.inputValue("#search-input"), "open source");
    assert.match(await summary(page), /^\d+ posts? for “open source”$/);
    assert.equal(await page.locator("a[data-search-language]").getAttribute("href"), "/fr/search/?q=open+source");
    const english = await open("/search/", "ramen");
    assert.equal(await english.locator("a[data-search-language]").getAttribute("href"), "/fr/search/?q=ramen");
  });

  it("says everything in French: counts, what no post holds, the filters' labels and values", async () => {
    const page = await open("/fr/search/", "fondation");
    assert.equal(await summary(page), `1 résultat pour ${inQuotes("fondation")}`);
    await type(page, "nouilles xqzvwpj");
    assert.equal(
      await notice(page),
      `Aucun résultat ne contient tous ces mots${NBSP}; ceux-ci en contiennent 1 sur 2. Rien sur le site ne ressemble à ${inQuotes("xqzvwpj")}.`,
    );
    await page.locator('details[data-filter-name="kind"] summary').click();
    await page.locator('details[data-filter-name="kind"] label').first().waitFor();
    assert.deepEqual(
      (await page.locator('details[data-filter-name="kind"] label').allInnerTexts()).map((label) => label.trim()),
      ["Article (0)", "Épisode (1)"],
    );
    await type(page, "xqzvwpj");
    assert.equal(await summary(page), `Aucun résultat pour ${inQuotes("xqzvwpj")}.`);
    assert.equal((await page.locator(".search-empty p").innerText()).trim(), `À essayer${NBSP}:`);
  });

  it("corrects a misspelled French word with the French posts' words", async () => {
    const page = await open("/fr/search/");
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await type(page, "fondatoins ");
    await listSettled(page);
    assert.equal(await notice(page), "Résultats pour fondations. Chercher exactement fondatoins.");
    const [episode] = await shownResults(page);
    assert.equal(episode!.post, FR_EPISODE);
    assert.ok(
      fetched.includes("/pagefind/words.fr.json") && !fetched.includes("/pagefind/words.json"),
      fetched.join("\n"),
    );
    assert.ok(
      fetched.includes("/pagefind/posts.fr.json") && !fetched.includes("/pagefind/posts.json"),
      fetched.join("\n"),
    );
  });

  it("has no accessibility violation (axe-core, WCAG 2.2 AA), with results shown", async () => {
    const page = await open("/fr/search/", "organisation");
    await page.locator('details[data-filter-name="kind"] summary').click();
    await page.locator('details[data-filter-name="kind"] label').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});
