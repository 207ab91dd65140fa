/**
 * Screenshots of every page type at desktop and phone widths, light and dark, into
 * `screenshots/` (not committed), from an already built `_site/`. Usage:
 *   npm run build && npm run screenshots [-- /path/one/ /path/two/]
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/static-server.ts";

const defaults = [
  "/",
  "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/",
  "/en/2024/02/23/leadership-a-contested-term/",
  "/tags/",
  "/tags/books/",
  "/archive/",
  "/about/",
  "/missing-page/",
];
const pages = process.argv.slice(2).length ? process.argv.slice(2) : defaults;
const out = path.resolve("screenshots");
mkdirSync(out, { recursive: true });

const site = await serveStatic(path.resolve("_site"));
const browser = await launchChromium();
for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  for (const scheme of ["light", "dark"] as const) {
    const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    for (const url of pages) {
      await page.goto(site.url + url, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);
      const name = `${device}-${scheme}-${url.replace(/[^a-z0-9]+/gi, "_").slice(0, 60) || "home"}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: false });
      console.log(path.join("screenshots", name));
    }
    await page.close();
  }
}
await browser.close();
await site.close();
