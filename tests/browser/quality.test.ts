import assert from "node:assert/strict";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { axeViolations } from "../support/axe.ts";
import { shownResults } from "../support/search-page.ts";
import { serveInChromium, type ServedSite } from "../support/browser.ts";
import { buildSite, ROOT, tempProject } from "../support/build.ts";

const PAGES: Record<string, string> = {
  home: "/",
  article: "/en/2024/04/10/playing-to-win/",
  "episode with transcript": "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/",
  "episode with audio": "/en/2024/07/01/a-fixture-episode-with-audio/",
  "tag index": "/tags/",
  tag: "/tags/books/",
  person: "/people/maria-bracho/",
  people: "/people/",
  archive: "/archive/",
  search: "/search/?q=ramen",
  "404": "/no-such-page/",
  page: "/about/",
  "page with an image": "/en/speaking/",
};

/** A Markdown page that is not a post, as the WordPress import writes one with an image: the image is wider than a phone. */
const PAGE_WITH_IMAGE = `---
layout: base.njk
title: "Speaking"
permalink: "/en/speaking/"
---

# Speaking

Keynotes and workshops.

![Alexis on stage, with a wide view of the room](stage.png)
`;

const project = tempProject("browser-quality");
let browser: Browser;
let site: ServedSite;
let stop: () => Promise<void>;

/** A context that records every request and every Content-Security-Policy violation. */
async function watchedContext(options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext(options);
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return { context, requests };
}

/**
 * Opens `url` and waits until it shows what a reader sees: loaded, and on the search page its
 * first result. `until: "networkidle"` also waits for what loads later (the audio's metadata),
 * for the tests that count every request.
 */
async function settle(page: Page, url: string, until: "load" | "networkidle" = "load") {
  await page.goto(site.url + url, { waitUntil: until });
  if (url.startsWith("/search/")) await page.locator(".search-result-link").first().waitFor();
}

describe("quality in Chromium", () => {
  before(async () => {
    cpSync(
      path.join(ROOT, "tests/fixtures/episode-with-audio"),
      path.join(project.input, "posts/2024-07-01-fixture-episode"),
      { recursive: true },
    );
    cpSync(path.join(ROOT, "tests/fixtures/hostile"), path.join(project.input, "posts"), { recursive: true });
    mkdirSync(path.join(project.input, "pages/speaking"), { recursive: true });
    writeFileSync(path.join(project.input, "pages/speaking/index.md"), PAGE_WITH_IMAGE);
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#8a3b12" } })
      .png()
      .toFile(path.join(project.input, "pages/speaking/stage.png"));
    await buildSite(project.input, project.output);
    ({ site, browser, stop } = await serveInChromium(project.output));
  });
  after(async () => {
    await stop?.();
    project.remove();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no WCAG 2.2 AA violation on any page type, in ${scheme} mode`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const [name, url] of Object.entries(PAGES)) {
        await settle(page, url);
        for (const violation of await axeViolations(page)) found.push(`${name} (${url}) ${violation}`);
      }
      await context.close();
      assert.deepEqual(found, []);
    });
  }

  it("fits a phone's screen on every page type: nothing wider than the screen, images included", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    const tooWide: string[] = [];
    // The hostile episode too, on its page and in search results: its title, tags and names are long strings without spaces.
    const hostile = [
      ["hostile episode", "/en/2024/07/05/hostile-episode/"],
      ["hostile search results", "/search/?q=Zyxwhostile"],
    ];
    for (const [name, url] of [...Object.entries(PAGES), ...hostile]) {
      await settle(page, url!);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: window.innerWidth,
      }));
      if (widths.page > widths.screen)
        tooWide.push(`${name} (${url}): ${widths.page} px wide on a ${widths.screen} px screen`);
    }
    await page.close();
    assert.deepEqual(tooWide, []);
  });

  it("reaches the content first with the keyboard, through a skip link", async () => {
    const page = await browser.newPage();
    await settle(page, PAGES["episode with transcript"]!);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash === "#main");
    await page.keyboard.press("Tab");
    const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest("main")));
    assert.ok(inMain, "the next Tab lands inside the main content");
    await page.close();
  });

  it("loads nothing from another origin and breaks no Content-Security-Policy rule, search and audio included", async () => {
    const { context, requests } = await watchedContext();
    const page = await context.newPage();
    const violations: string[] = [];
    for (const url of Object.values(PAGES)) {
      await settle(page, url, "networkidle");
      violations.push(
        ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).map(
          (v) => `${url}: ${v}`,
        ),
      );
    }
    await settle(page, `${PAGES["episode with transcript"]}?highlight=ramen#turn-8`);
    await page.locator("mark.search-highlight").first().waitFor();
    violations.push(
      ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
    );
    await context.close();
    assert.deepEqual(violations, []);
    const foreign = requests.filter((url) => !url.startsWith(site.url) && !url.startsWith("data:"));
    assert.deepEqual(foreign, []);
    assert.ok(
      requests.some((url) => url.endsWith(".pagefind")),
      "the search's WebAssembly loaded under the policy",
    );
  });

  it("keeps hostile titles, tags, names and transcripts inert on every page that shows them, search results included", async () => {
    const { context } = await watchedContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    const urls = ["/en/2024/07/05/hostile-episode/", "/", "/tags/", "/people/", "/archive/", "/podcast/"];
    for (const url of urls) {
      await settle(page, url);
      assert.equal(await pwned(), undefined, url);
      assert.equal(await page.locator('img[src="x"], svg').count(), 0, url);
    }
    await settle(page, "/en/2024/07/05/hostile-episode/");
    assert.equal(
      await page.locator("h1").textContent(),
      'Pwned </script><script>window.__pwned=1</script> "quoted" <img src=x onerror="window.__pwned=2"> & more',
    );
    for (const link of await page.locator(".post-people a, .tag-links a, .turn-speaker").all()) {
      await link.hover();
      assert.equal(await pwned(), undefined);
    }
    await page.goto(`${site.url}/search/?q=Zyxwhostile`);
    await page.locator(".search-turn-link").first().waitFor();
    assert.equal(
      (await page.locator(".search-turn-link").first().textContent())?.trim(),
      "javascript:window.__pwned=10 · 00:10",
    );
    const title = page.locator(".search-result-link").first();
    assert.equal(
      await title.textContent(),
      'Pwned </script><script>window.__pwned=1</script> "quoted" <img src=x onerror="window.__pwned=2"> & more',
    );
    await page.locator("#search-input").fill("Pwned");
    await page.locator(".search-summary").filter({ hasText: "“Pwned”" }).waitFor();
    await title.waitFor();
    await shownResults(page);
    assert.equal(await pwned(), undefined);
    assert.equal(await page.locator('.search-results img[src="x"], .search-results script').count(), 0);
    await context.close();
    assert.deepEqual(dialogs, []);
  });
});
