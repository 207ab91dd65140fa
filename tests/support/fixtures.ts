import { cpSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { ROOT } from "./build.ts";

/**
 * Adds the publishing fixtures to a test project's `input`: an episode with audio (2024-07-01), a
 * draft, a moved post, a post with a photo (its 1600 × 900 PNG drawn here) and a post dated in 2099.
 */
export async function addPublishingFixtures(input: string): Promise<void> {
  cpSync(path.join(ROOT, "tests/fixtures/episode-with-audio"), path.join(input, "posts/2024-07-01-fixture-episode"), {
    recursive: true,
  });
  cpSync(path.join(ROOT, "tests/fixtures/publishing"), path.join(input, "posts"), { recursive: true });
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#0b5cad" } })
    .png()
    .toFile(path.join(input, "posts/photo-fixture.png"));
}
