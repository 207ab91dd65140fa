import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { writeSilentWav } from "../support/audio.ts";
import { axeViolations } from "../support/axe.ts";
import { serveInChromium, type ServedSite } from "../support/browser.ts";
import { buildSite, tempProject } from "../support/build.ts";
import { addFrenchFixtures } from "../support/french.ts";

const FR_ARTICLE = "/fr/2024/04/12/jouer-pour-gagner/";
const FR_EPISODE = "/fr/2024/06/11/leadership-et-open-source-avec-maria-bracho/";
const EN_ARTICLE = "/en/2024/04/10/playing-to-win/";
const EPISODE_FILE = "posts/2024-06-11-leadership-et-open-source-avec-maria-bracho/index.md";
const SECONDS = 30;

const project = tempProject("browser-french");
let browser: Browser;
let site: ServedSite;
let stop: () => Promise<void>;

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}${url}`);
  return page;
}

describe("the French pages in a browser", () => {
  before(async () => {
    addFrenchFixtures(project.input);
    // The French episode with audio, so that its page has the player's words too.
    const file = path.join(project.input, EPISODE_FILE);
    const audio = `audio:\n  url: /media/fr.wav\n  type: audio/wav\n  length: ${44 + 8000 * SECONDS}\n  duration: "00:00:${SECONDS}"\n`;
    writeFileSync(file, readFileSync(file, "utf8").replace("kind: episode\n", `kind: episode\n${audio}`));
    await buildSite(project.input, project.output);
    mkdirSync(path.join(project.output, "media"));
    writeSilentWav(path.join(project.output, "media/fr.wav"), SECONDS);
    ({ site, browser, stop } = await serveInChromium(project.output));
  });
  after(async () => {
    await stop?.();
    project.remove();
  });

  const pages: [name: string, url: string][] = [
    ["home", "/fr/"],
    ["article", FR_ARTICLE],
    ["episode", FR_EPISODE],
    ["tag", "/fr/tags/strategie/"],
    ["archive", "/fr/archive/"],
    ["404", "/fr/404.html"],
    ["person, with each episode's language", "/people/maria-bracho/"],
  ];
  for (const [name, url] of pages) {
    it(`has no accessibility violation on the ${name} page (${url})`, async () => {
      const page = await open(url);
      // The episode's script has added its buttons: they are checked too.
      if (url === FR_EPISODE) await page.locator(".turn .copy-link").first().waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.context().close();
    });
  }

  it("gives the episode's player and transcript their French words", async () => {
    const page = await open(`${FR_EPISODE}#t=16`);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    await page.getByRole("button", { name: "Suivre la lecture" }).waitFor();
    // A shared moment: browsers let the page offer to play from it, not play by itself.
    assert.equal(await page.locator(".listen-offer").textContent(), "Lire à partir de 00:16");
    const turn = page.locator("#turn-2");
    assert.equal(
      await turn.locator(".play-from").getAttribute("aria-label"),
      "Lire à partir d’ici, environ 00:04, Maria Bracho",
    );
    assert.equal(await turn.locator(".play-from").textContent(), "Lire à partir d’ici");
    assert.equal(await turn.locator(".copy-link").textContent(), "Lien vers ce moment");
    await turn.locator(".copy-link").click();
    await turn.getByRole("button", { name: "Lien copié" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}${FR_EPISODE}#t=4`);
    await page.context().close();
  });

  it("follows the link to the other version, both ways", async () => {
    const page = await open(FR_ARTICLE);
    await page.getByRole("link", { name: "Read in English" }).click();
    await page.waitForURL(`${site.url}${EN_ARTICLE}`);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await page.getByRole("link", { name: "Lire en français" }).click();
    await page.waitForURL(`${site.url}${FR_ARTICLE}`);
    assert.equal(await page.locator("html").getAttribute("lang"), "fr");
    assert.equal(await page.locator("h1").textContent(), "Jouer pour gagner");
    await page.context().close();
  });

  it("searches from the header of a French page on the French search page", async () => {
    const page = await open("/fr/");
    await page.getByRole("searchbox", { name: "Rechercher dans les articles et les transcriptions" }).fill("stratégie");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForURL((url) => url.pathname === "/fr/search/" && url.searchParams.get("q") === "stratégie");
    await page.context().close();
  });
});
