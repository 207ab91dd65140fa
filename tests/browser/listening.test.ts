import assert from "node:assert/strict";
import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { positionKey } from "../../src/transcript/listening.ts";
import { writeSilentWav } from "../support/audio.ts";
import { axeViolations } from "../support/axe.ts";
import { serveInChromium, type ServedSite } from "../support/browser.ts";
import { buildSite, ROOT, tempProject } from "../support/build.ts";

// The fixture: 40 seconds of audio, ten turns, turn N starting at 4 × (N - 1) seconds.
const EPISODE = "/en/2024/07/02/a-short-fixture-episode-to-listen-to/";
const NO_AUDIO = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";
const startOf = (turn: number) => 4 * (turn - 1);

const project = tempProject("browser-listening");
let browser: Browser;
let site: ServedSite;
let stop: () => Promise<void>;

interface Mark {
  id: string;
  time: number;
  marked: number;
  inView: boolean;
}

/**
 * Every change of the marked turn, as the page makes it: which turn, the audio's time then, how
 * many turns were marked, and whether the turn was already in view (an instant scroll).
 */
async function recordMarks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const marks: Mark[] = [];
    (window as unknown as { __marks: Mark[] }).__marks = marks;
    new MutationObserver((records) => {
      const turn = records.map((r) => r.target as HTMLElement).find((t) => t.getAttribute("aria-current") === "true");
      if (!turn) return;
      const audio = document.getElementById("episode-audio") as HTMLAudioElement;
      const box = turn.getBoundingClientRect();
      marks.push({
        id: turn.id,
        time: audio.currentTime,
        marked: document.querySelectorAll('[aria-current="true"]').length,
        inView: box.top >= -1 && box.top < innerHeight,
      });
    }).observe(document, { subtree: true, attributeFilter: ["aria-current"] });
  });
}

const marks = (page: Page) => page.evaluate(() => (window as unknown as { __marks: Mark[] }).__marks);

async function newPage(
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 500 }, ...options });
  await recordMarks(context);
  return { context, page: await context.newPage() };
}

const playButton = (page: Page, turn: number) =>
  page.locator(`#turn-${turn}`).getByRole("button", { name: /^Play from here/ });
const followSwitch = (page: Page) => page.getByRole("button", { name: "Follow along" });
const offer = (page: Page) => page.locator(".listen-offer");

function waitForCurrent(page: Page, turn: number) {
  return page.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.id === id, `turn-${turn}`);
}

/** Waits until the player plays (or, with `playing` false, stands) within a second after `seconds`. */
function waitForPlayer(page: Page, seconds: number, playing = true) {
  return page.waitForFunction(
    ([at, playing]) => {
      const audio = document.getElementById("episode-audio") as HTMLAudioElement;
      return audio.paused !== playing && audio.currentTime >= at - 0.05 && audio.currentTime < at + 1;
    },
    [seconds, playing] as const,
  );
}

function waitInView(page: Page, turn: number, inView = true) {
  return page.waitForFunction(
    ([id, inView]) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      return (box.top >= -1 && box.top < innerHeight) === inView;
    },
    [`turn-${turn}`, inView] as const,
  );
}

/** Waits until the page has brought the turn to the top of the window (its scroll-margin from it): a scroll over. */
function waitAtTop(page: Page, turn: number) {
  return page.waitForFunction(
    (id) => Math.abs(document.getElementById(id)!.getBoundingClientRect().top - 16) < 2,
    `turn-${turn}`,
  );
}

/** Moves the player as its scrubber would, a little before a turn starts: playback then crosses into it. */
const seekTo = (page: Page, seconds: number) =>
  page.locator("#episode-audio").evaluate((audio, at) => {
    (audio as HTMLAudioElement).currentTime = at;
  }, seconds);
const pause = (page: Page) => page.locator("#episode-audio").evaluate((audio) => (audio as HTMLAudioElement).pause());
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), positionKey(EPISODE));

/** A position saved as the page saves it, for a visit that starts with one. */
async function storePosition(context: BrowserContext, position: number): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem("seeded")) localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    },
    [positionKey(EPISODE), JSON.stringify({ position, duration: 40 })] as const,
  );
}

/** Presses Tab until `selector` has the focus (a keyboard user's way there), failing after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`${selector} not reached in ${limit} presses of Tab`);
}

describe("listening to an episode in Chromium: follow along, play from here, resume, share a moment", () => {
  before(async () => {
    cpSync(
      path.join(ROOT, "tests/fixtures/episode-listening"),
      path.join(project.input, "posts/2024-07-02-listening"),
      { recursive: true },
    );
    await buildSite(project.input, project.output);
    mkdirSync(path.join(project.output, "media"));
    assert.equal(
      writeSilentWav(path.join(project.output, "media/listening.wav"), 40),
      320044,
      "the fixture's audio length must match its front matter",
    );
    ({ site, browser, stop } = await serveInChromium(project.output));
  });
  after(async () => {
    await stop?.();
    project.remove();
  });

  it("marks the turn being said as the audio plays, one at a time, within a second of its time, and follows it until the reader scrolls", async () => {
    const { context, page } = await newPage();
    await page.goto(site.url + EPISODE);
    assert.equal(await followSwitch(page).getAttribute("aria-pressed"), "true", "following is on when the page opens");
    await playButton(page, 3).click();
    await waitForCurrent(page, 4);
    await waitAtTop(page, 4);
    assert.equal(await page.locator('[aria-current="true"]').count(), 1);

    // The reader scrolls back up: following stops, and says so.
    await page.mouse.move(640, 250);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction(
      () => document.querySelector(".follow-switch")?.getAttribute("aria-pressed") === "false",
    );
    assert.match((await page.locator(".follow-status").textContent()) ?? "", /Stopped following: you scrolled/);
    await seekTo(page, startOf(5) - 0.4);
    await waitForCurrent(page, 5);
    assert.equal(
      await page.locator("#turn-5").evaluate((turn) => turn.getBoundingClientRect().top >= innerHeight),
      true,
      "the page stays where the reader scrolled",
    );

    // On again: the turn being said comes back into view, and the page follows the next ones.
    await followSwitch(page).click();
    assert.equal(await page.locator(".follow-status").textContent(), "");
    await waitInView(page, 5);
    await seekTo(page, startOf(6) - 0.4);
    await waitForCurrent(page, 6);
    await waitInView(page, 6);
    await pause(page);

    const seen = await marks(page);
    assert.deepEqual(
      seen.map((mark) => mark.id),
      ["turn-3", "turn-4", "turn-5", "turn-6"],
    );
    for (const mark of seen) {
      const start = startOf(Number(mark.id.slice("turn-".length)));
      assert.ok(
        mark.time >= start - 0.05 && mark.time < start + 1,
        `${mark.id} marked at ${mark.time} s, it starts at ${start} s`,
      );
      assert.equal(mark.marked, 1, `only ${mark.id} is marked`);
    }
    await context.close();
  });

  it("scrolls at once, without animation, for a reader who asked for reduced motion", async () => {
    const { context, page } = await newPage({ reducedMotion: "reduce" });
    await page.goto(site.url + EPISODE);
    await playButton(page, 2).click();
    await seekTo(page, startOf(3) - 0.4);
    await waitForCurrent(page, 3);
    await pause(page);
    const third = (await marks(page)).find((mark) => mark.id === "turn-3");
    assert.equal(third?.inView, true, "in view as soon as it was marked");
    await context.close();
  });

  it("plays from a turn's start with its Play from here, named with its time and speaker; its time link still plays too", async () => {
    const { context, page } = await newPage();
    await page.goto(site.url + EPISODE);
    await page.getByRole("button", { name: "Play from here, 00:20, Maria Bracho" }).click();
    await waitForPlayer(page, 20);
    assert.equal(await page.locator(".turn.is-current").getAttribute("id"), "turn-6");
    await page.locator("#turn-3 .turn-time").click();
    await waitForPlayer(page, 8);
    assert.equal(new URL(page.url()).hash, "#turn-3");
    await pause(page);
    await context.close();
  });

  it("offers to resume where the listener stopped (saved on pause and when the page is left), and forgets a finished episode", async () => {
    const { context, page } = await newPage();
    await page.goto(site.url + EPISODE);
    assert.equal(await offer(page).isHidden(), true, "nothing to resume on a first visit");
    await playButton(page, 4).click();
    await page.waitForFunction(() => (document.getElementById("episode-audio") as HTMLAudioElement).currentTime >= 13);
    await pause(page);
    const paused = JSON.parse((await stored(page))!) as { position: number; duration: number };
    assert.ok(paused.position >= 13 && paused.position < 15, `saved at ${paused.position}`);
    assert.equal(paused.duration, 40);

    await page.reload();
    await offer(page)
      .getByText(`Resume at 00:${Math.floor(paused.position)}`)
      .waitFor();
    await waitForCurrent(page, 4);
    await offer(page).click();
    await waitForPlayer(page, paused.position);
    await offer(page).waitFor({ state: "hidden" });

    // Left while playing: saved as the page goes.
    const later = paused.position + 1;
    await page.waitForFunction(
      (at) => (document.getElementById("episode-audio") as HTMLAudioElement).currentTime >= at,
      later,
    );
    await page.reload();
    const left = JSON.parse((await stored(page))!) as { position: number };
    assert.ok(left.position >= later, `saved at ${left.position} when the page was left`);
    await offer(page)
      .getByText(/^Resume at 00:1\d$/)
      .waitFor();

    // Paused in the last seconds: finished, nothing to resume.
    await playButton(page, 9).click();
    await page.waitForFunction(
      () => (document.getElementById("episode-audio") as HTMLAudioElement).currentTime >= 32.5,
    );
    await pause(page);
    assert.equal(await stored(page), null);

    // Played to the end: forgotten, and no offer on the next visit.
    await playButton(page, 4).click();
    await page.waitForFunction(
      () => (document.getElementById("episode-audio") as HTMLAudioElement).currentTime >= 12.5,
    );
    await pause(page);
    assert.notEqual(await stored(page), null);
    await playButton(page, 10).click();
    await waitForPlayer(page, startOf(10));
    await seekTo(page, 39.5);
    await page.waitForFunction(() => (document.getElementById("episode-audio") as HTMLAudioElement).ended);
    assert.equal(await stored(page), null);
    await page.reload();
    await page.locator(".listen-controls").waitFor();
    assert.equal(await offer(page).isHidden(), true);
    await context.close();
  });

  it("shares a moment as a #t= link that opens the page on the turn, the player there and a Play from button; #t= wins over resuming", async () => {
    const { context, page } = await newPage();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    await storePosition(context, 26);
    await page.goto(site.url + EPISODE);
    await offer(page).getByText("Resume at 00:26").waitFor();
    const turn = page.locator("#turn-6");
    await turn.getByRole("button", { name: "Link to this moment" }).click();
    await turn.getByRole("button", { name: "Link copied" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${site.url}${EPISODE}#t=20`);

    const opened = await context.newPage();
    await opened.goto(copied);
    await waitForPlayer(opened, 20, false);
    assert.equal(await opened.locator('[aria-current="true"]').getAttribute("id"), "turn-6");
    await waitInView(opened, 6);
    assert.equal(await offer(opened).textContent(), "Play from 00:20");
    await offer(opened).click();
    await waitForPlayer(opened, 20);
    await pause(opened);
    await context.close();
  });

  it("uses the system's share sheet on a touch screen, and the clipboard with a mouse", async () => {
    for (const touch of [true, false]) {
      const { context, page } = await newPage({
        viewport: { width: 390, height: 844 },
        hasTouch: touch,
        isMobile: touch,
      });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
      // Chromium on Linux has no share sheet: a stand-in records what the page shares. (A string:
      // tsx would name the functions of a function with a helper the page does not have.)
      await context.addInitScript(
        "window.__shared = []; navigator.canShare = (data) => Boolean(data.url); navigator.share = async (data) => { window.__shared.push(data); };",
      );
      await page.goto(site.url + EPISODE);
      const button = page
        .locator("#turn-2")
        .getByRole("button", { name: touch ? "Share this moment" : "Link to this moment" });
      if (touch) await button.tap();
      else await button.click();
      if (touch) {
        await page.waitForFunction(() => (window as unknown as { __shared: ShareData[] }).__shared.length === 1);
        const [shared] = await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
        assert.deepEqual(shared, { title: await page.title(), url: `${site.url}${EPISODE}#t=4` });
      } else {
        await page.locator("#turn-2").getByRole("button", { name: "Link copied" }).waitFor();
        assert.equal(await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared.length), 0);
      }
      await context.close();
    }
  });

  it("is operable with the keyboard alone: the resume button, the Follow along switch, a turn's Play from here", async () => {
    const { context, page } = await newPage();
    await storePosition(context, 14);
    await page.goto(site.url + EPISODE);
    await offer(page).waitFor();
    await tabTo(page, ".listen-offer");
    await page.keyboard.press("Enter");
    await waitForPlayer(page, 14);
    await pause(page);

    await tabTo(page, ".follow-switch");
    await page.keyboard.press("Space");
    await page.waitForFunction(
      () => document.querySelector(".follow-switch")?.getAttribute("aria-pressed") === "false",
    );
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".follow-switch")?.getAttribute("aria-pressed") === "true");

    await tabTo(page, "#turn-3 .play-from");
    await page.keyboard.press("Space");
    await waitForPlayer(page, 8);
    await pause(page);
    await context.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no WCAG 2.2 AA violation while listening, in ${scheme} mode`, async () => {
      const { context, page } = await newPage({ colorScheme: scheme });
      await storePosition(context, 14);
      await page.goto(site.url + EPISODE);
      await offer(page).waitFor();
      await waitForCurrent(page, 4);
      const found = (await axeViolations(page)).map((v) => `resume offered: ${v}`);
      await playButton(page, 2).click();
      await waitForCurrent(page, 2);
      await page.mouse.wheel(0, 300);
      await page.locator(".follow-status").getByText("Stopped following").waitFor();
      await pause(page);
      found.push(...(await axeViolations(page)).map((v) => `following stopped: ${v}`));
      await context.close();
      assert.deepEqual(found, []);
    });
  }

  it("shows none of the listening controls on an episode without audio, whose moments stay turn anchors", async () => {
    const { context, page } = await newPage();
    await page.goto(site.url + NO_AUDIO);
    await page.locator("#turn-1 .copy-link").waitFor();
    assert.equal(await page.locator(".play-from, .listen-controls, .follow-switch, .listen-offer").count(), 0);
    assert.equal(await page.locator('[aria-current="true"]').count(), 0);
    await context.close();
  });
});
