import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./build.ts";

/** The English posts the French fixtures translate, with the key each version shares. */
export const TRANSLATED = {
  "posts/2024-04-10-playing-to-win.md": "playing-to-win",
  "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/index.md": "maria-bracho",
} as const;

/**
 * Adds the French fixtures (tests/fixtures/french/) to a test project's `input`: an article and an
 * episode with its transcript, each a version of a real English post (which gets the shared
 * `translationKey` here: the published content has no French posts), and an article in French only.
 */
export function addFrenchFixtures(input: string): void {
  cpSync(path.join(ROOT, "tests/fixtures/french"), path.join(input, "posts"), { recursive: true });
  for (const [file, key] of Object.entries(TRANSLATED)) {
    const at = path.join(input, file);
    writeFileSync(at, readFileSync(at, "utf8").replace(/^---\n/, `---\ntranslationKey: ${key}\n`));
  }
}
