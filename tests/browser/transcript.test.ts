import assert from "node:assert/strict";
import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { writeSilentWav } from "../support/audio.ts";
import { serveInChromium, type ServedSite } from "../support/browser.ts";
import { buildSite, ROOT, tempProject } from "../support/build.ts";

const FIXTURE = "/en/2024/07/01/a-fixture-episode-with-audio/";
const MARIA = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";

const project = tempProject("browser-transcript");
let browser: Browser;
let site: ServedSite;
let stop: () => Promise<void>;

async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= -1 && box.top < window.innerHeight;
  });
}

const currentTime = (page: Page) =>
  page.locator("#episode-audio").evaluate((audio) => (audio as HTMLAudioElement).currentTime);

describe("transcript moments in Chromium", () => {
  before(async () => {
    cpSync(
      path.join(ROOT, "tests/fixtures/episode-with-audio"),
      path.join(project.input, "posts/2024-07-01-fixture-episode"),
      { recursive: true },
    );
    await buildSite(project.input, project.output);
    mkdirSync(path.join(project.output, "media"));
    const bytes = writeSilentWav(path.join(project.output, "media/fixture-episode.wav"), 1600);
    assert.equal(bytes, 12800044, "the fixture's audio length must match its front matter");
    ({ site, browser, stop } = await serveInChromium(project.output));
  });
  after(async () => {
    await stop?.();
    project.remove();
  });

  it("copies a link to a turn, and that link lands on the turn", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    const page = await context.newPage();
    await page.goto(site.url + MARIA);
    const turn = page.locator("#turn-7");
    await turn.getByRole("button", { name: "Link to this moment" }).click();
    await assert.doesNotReject(turn.getByRole("button", { name: "Link copied" }).waitFor());
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${site.url}${MARIA}#turn-7`);
    await page.goto(copied);
    assert.ok(await inView(page, "#turn-7"));
    assert.equal(await page.locator("#turn-7").evaluate((el) => el.matches(":target")), true);
    assert.match((await page.locator("#turn-7 .turn-speaker").textContent()) ?? "", /^(Maria Bracho|Alexis Monville)$/);
    await context.close();
  });

  it("seeks the player when a turn's time is clicked", async () => {
    const page = await browser.newPage();
    await page.goto(site.url + FIXTURE);
    await page
      .locator("#episode-audio")
      .evaluate(
        (audio) =>
          new Promise((resolve) =>
            (audio as HTMLAudioElement).readyState >= 1
              ? resolve(null)
              : audio.addEventListener("loadedmetadata", resolve),
          ),
      );
    await page.locator("#turn-3 .turn-time").click();
    await page.waitForFunction(
      () => Math.abs((document.getElementById("episode-audio") as HTMLAudioElement).currentTime - 330) < 1,
    );
    assert.ok(Math.abs((await currentTime(page)) - 330) < 1);
    assert.equal(new URL(page.url()).hash, "#turn-3");
    assert.equal(await page.locator("#turn-3").evaluate((el) => el.classList.contains("is-current")), true);
    await page.close();
  });

  for (const fragment of ["t=754", "t=00:12:34"]) {
    it(`opens at #${fragment}: the player seeks there and the turn said then is in view`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
      await page.goto(`${site.url}${FIXTURE}#${fragment}`);
      await page.waitForFunction(
        () => Math.abs((document.getElementById("episode-audio") as HTMLAudioElement).currentTime - 754) < 1,
      );
      assert.equal(await page.locator(".turn.is-current").getAttribute("id"), "turn-4");
      assert.ok(await inView(page, "#turn-4"));
      await page.close();
    });
  }

  it("plays from a chapter's start when the chapter is clicked", async () => {
    const page = await browser.newPage();
    await page.goto(site.url + FIXTURE);
    await page.getByRole("navigation", { name: "Chapters" }).getByRole("link", { name: "00:12:00" }).click();
    await page.waitForFunction(
      () => Math.abs((document.getElementById("episode-audio") as HTMLAudioElement).currentTime - 720) < 1,
    );
    assert.equal(await page.locator(".turn.is-current").getAttribute("id"), "turn-4");
    await page.close();
  });

  it("keeps every time a plain link to its turn without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + FIXTURE);
    assert.equal(await page.locator(".copy-link").count(), 0);
    assert.equal(await page.locator("#turn-3 .turn-time").getAttribute("href"), "#turn-3");
    await page.locator("#turn-3 .turn-time").click();
    assert.equal(new URL(page.url()).hash, "#turn-3");
    assert.equal(await page.locator("#turn-3").evaluate((el) => el.matches(":target")), true);
    assert.equal(await page.locator("audio#episode-audio").getAttribute("src"), "/media/fixture-episode.wav");
    await context.close();
  });
});
