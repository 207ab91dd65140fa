import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { serveStatic } from "./static-server.ts";

export type ServedSite = Awaited<ReturnType<typeof serveStatic>>;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, installed on first use where missing (the machines allow no browser downloads). */
export function ensureChromium(): string {
  if (!existsSync(CHROMIUM)) {
    execSync("apt-get update -qq && apt-get install -y -qq chromium", {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  return CHROMIUM;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** A built site served on 127.0.0.1 (under `pathPrefix`, "/" by default) and a Chromium to read it, and how to stop both. */
export async function serveInChromium(
  output: string,
  pathPrefix = "/",
): Promise<{ site: ServedSite; browser: Browser; stop(): Promise<void> }> {
  const site = await serveStatic(path.resolve(output), pathPrefix);
  const browser = await launchChromium();
  return {
    site,
    browser,
    async stop() {
      await browser.close();
      await site.close();
    },
  };
}
