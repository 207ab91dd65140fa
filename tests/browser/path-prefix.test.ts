import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { serveInChromium, type ServedSite } from "../support/browser.ts";
import { buildSite, tempProject } from "../support/build.ts";

const PREFIX = "/repo/";
const MARIA = `${PREFIX}en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/`;

const project = tempProject("browser-path-prefix");
let browser: Browser;
let site: ServedSite;
let stop: () => Promise<void>;

/** Every request of the page that failed or was answered with an error (a URL outside the prefix is a 404). */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on("requestfailed", (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: ${response.status()}`);
  });
  return failed;
}

describe("a site served under a path prefix, in Chromium", () => {
  before(async () => {
    await buildSite(project.input, project.output, { PATH_PREFIX: PREFIX });
    // As GitHub Pages serves a project site: the build's folder at /repo/, nothing outside it.
    ({ site, browser, stop } = await serveInChromium(project.output, PREFIX));
  });
  after(async () => {
    await stop?.();
    project.remove();
  });

  it("serves nothing outside the prefix", async () => {
    const response = await fetch(`${site.url}/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/`);
    assert.equal(response.status, 404);
    assert.equal((await fetch(site.url + MARIA)).status, 200);
  });

  it("opens an episode with its styles and scripts, and searches from the header to a turn", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failed = failedRequests(page);
    await page.goto(site.url + MARIA);

    // The stylesheet applied, and the transcript's script ran (it adds a button to every turn).
    await page.locator("#turn-1 .copy-link").waitFor();
    const styled = await page.evaluate(() =>
      [...document.styleSheets].some(
        (sheet) => sheet.href?.endsWith("/repo/assets/site.css") && sheet.cssRules.length > 0,
      ),
    );
    assert.ok(styled, "site.css is loaded from under the prefix");
    assert.equal(
      await page.locator(".skip-link").evaluate((link) => getComputedStyle(link).position),
      "absolute",
      "site.css styles the page",
    );

    await page.locator("#site-search-input").fill("ramen");
    await page.locator("#site-search-input").press("Enter");
    await page.waitForURL(`${site.url}${PREFIX}search/?q=ramen`);

    const result = page.locator(".search-result", { has: page.locator(`a.search-result-link[href^="${MARIA}"]`) });
    const turn = result.locator(".search-turn-link").first();
    await turn.waitFor();
    await turn.click();
    const landed = new RegExp(
      `^${site.url}${MARIA.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\?highlight=[^#]+#turn-\\d+$`,
    );
    await page.waitForURL(landed);
    const id = new URL(page.url()).hash.slice(1);
    await page.locator(`#${id} mark.search-highlight`).first().waitFor();
    assert.match((await page.locator(`#${id} mark.search-highlight`).first().textContent()) ?? "", /ramen/i);

    assert.deepEqual(failed, []);
    await page.close();
  });

  it("corrects a misspelled name under the prefix, its word lists fetched from under it too", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failed = failedRequests(page);
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}${PREFIX}search/?q=${encodeURIComponent("Momofuko Ando")}`);
    const notice = page.locator(".search-notice");
    await notice.getByText("Showing results for Momofuku Ando.").waitFor();
    const turn = page
      .locator(".search-result", { has: page.locator(`a.search-result-link[href^="${MARIA}"]`) })
      .locator(".search-turn-link")
      .first();
    await turn.waitFor();
    assert.ok(
      fetched.includes(`${PREFIX}assets/search-corrections.js`) && fetched.includes(`${PREFIX}pagefind/words.json`),
      fetched.join("\n"),
    );
    assert.match(
      (await notice.getByRole("link").getAttribute("href")) ?? "",
      new RegExp(`^${PREFIX}search/\\?q=Momofuko\\+Ando&spelling=exact$`),
    );
    assert.deepEqual(failed, []);
    await page.close();
  });
});
