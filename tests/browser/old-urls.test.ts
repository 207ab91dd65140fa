import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchChromium, type ServedSite } from "../support/browser.ts";
import { buildSite, tempProject } from "../support/build.ts";
import { MOVED_POST, SITE_REDIRECTS } from "../support/old-urls.ts";
import { serveStatic } from "../support/static-server.ts";

const MOVED = "en/2024/08/01/a-moved-article/";

/**
 * The errors of a page: what its Content-Security-Policy refused (Chromium says so in the
 * console), and the requests that failed or were answered with an error, but for those a
 * navigation cut short (the favicon still loading when the script sends the reader on) and the
 * browser's own /favicon.ico (a redirect page links no icon).
 */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      problems.push(message.text());
  });
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED")
      problems.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico"))
      problems.push(`${response.url()}: ${response.status()}`);
  });
  return problems;
}

/** The file's one Chromium, for both sites. */
let chromium: Browser;
before(async () => {
  chromium = await launchChromium();
});
after(() => chromium?.close());

/** A build of the content with the moved post and the site's redirects, served under `prefix`, and the file's Chromium to read it. */
function servedSite(prefix: string) {
  const project = tempProject("browser-old-urls");
  const state = {} as { site: ServedSite; browser: Browser };
  before(async () => {
    writeFileSync(path.join(project.input, "posts/2024-08-01-a-moved-article.md"), MOVED_POST);
    writeFileSync(path.join(project.input, "_data/redirects.json"), JSON.stringify(SITE_REDIRECTS));
    await buildSite(project.input, project.output, { PATH_PREFIX: prefix });
    state.site = await serveStatic(path.resolve(project.output), prefix);
    state.browser = chromium;
  });
  after(async () => {
    await state.site?.close();
    project.remove();
  });
  return state;
}

/** Opens `url` and waits until the page is at `landing`. */
async function lands(browser: Browser, url: string, landing: string): Promise<string[]> {
  const page = await browser.newPage();
  const problems = problemsOf(page);
  await page.goto(url);
  await page.waitForURL(landing);
  await page.locator("h1").waitFor();
  await page.close();
  return problems;
}

describe("old WordPress links in Chromium, on a static host", () => {
  const served = servedSite("/");

  it("takes a query link to the root (/?p=123) from the home page to the post, within the Content-Security-Policy", async () => {
    const { site, browser } = served;
    assert.deepEqual(await lands(browser, `${site.url}/?p=123`, `${site.url}/${MOVED}`), []);
    assert.deepEqual(await lands(browser, `${site.url}/?page_id=12#top`, `${site.url}/about/#top`), []);
  });

  it("takes an old path to the post through its redirect page", async () => {
    const { site, browser } = served;
    assert.deepEqual(await lands(browser, `${site.url}/2024/08/01/a-moved-article/`, `${site.url}/${MOVED}`), []);
    assert.deepEqual(await lands(browser, `${site.url}/en/category/strategy/`, `${site.url}/tags/strategy/`), []);
  });

  it("leaves the home page as it is for a query link it does not know, or none", async () => {
    const { site, browser } = served;
    const page = await browser.newPage();
    const problems = problemsOf(page);
    const map = page.waitForResponse((response) => response.url().endsWith("/old-links.json"));
    await page.goto(`${site.url}/?p=999`);
    assert.equal((await map).status(), 200);
    await page.locator('html[data-old-link="unknown"]').waitFor({ state: "attached" });
    assert.equal(page.url(), `${site.url}/?p=999`);

    let fetched = false;
    page.on("request", (request) => (fetched ||= request.url().endsWith("/old-links.json")));
    await page.goto(`${site.url}/?utm_source=x`);
    await page.waitForLoadState("load");
    assert.equal(fetched, false, "no query link, no request");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("old WordPress links in Chromium, under a path prefix", () => {
  const served = servedSite("/repo/");

  it("takes /repo/?p=123 to the post under the prefix, and a query link under another path from the 404 page", async () => {
    const { site, browser } = served;
    assert.deepEqual(await lands(browser, `${site.url}/repo/?p=123`, `${site.url}/repo/${MOVED}`), []);
    const page = await browser.newPage();
    await page.goto(`${site.url}/repo/en/?p=123`);
    await page.waitForURL(`${site.url}/repo/${MOVED}`);
    await page.close();
  });

  it("takes an old path to the post under the prefix", async () => {
    const { site, browser } = served;
    assert.deepEqual(
      await lands(browser, `${site.url}/repo/2024/08/01/a-moved-article/`, `${site.url}/repo/${MOVED}`),
      [],
    );
  });
});
