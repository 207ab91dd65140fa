import { existsSync, readdirSync, rmSync, rmdirSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { ListingPages } from "./listing-pages.ts";
import { isProductionBuild } from "./run-mode.ts";
import { stalePages } from "./stale-pages.ts";

/**
 * `npm run build` leaves in the output only what it wrote: the pages of earlier builds that this
 * one did not write again (a deleted post, a renamed post's old URL) are removed, so they are not
 * deployed. Under `npm start` a build writes only what changed, so nothing is removed.
 */
export function outputPlugin(config: EleventyConfig) {
  config.on("eleventy.after", ({ directories, results }) => {
    if (!isProductionBuild()) return;
    const output = directories.output;
    const written = new Set(
      results.flatMap((page) => (page.outputPath ? [path.relative(output, page.outputPath)] : [])),
    );
    const files = readdirSync(output, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(output, path.join(entry.parentPath, entry.name)));
    const stale = stalePages(files, written);
    for (const file of stale) rmSync(path.join(output, file));
    for (const folder of new Set(stale.map((file) => path.dirname(file)))) removeEmptyFolders(output, folder);
    if (stale.length)
      console.log(
        `[11ty] Removed ${stale.length} file${stale.length === 1 ? "" : "s"} of earlier builds that this one did not write: ${stale.slice(0, 5).join(", ")}${stale.length > 5 ? ", …" : ""}`,
      );
  });
}

/** Removes `folder` and its parents up to `root` while they are empty. */
function removeEmptyFolders(root: string, folder: string): void {
  for (let current = folder; current !== "." && current !== ""; current = path.dirname(current)) {
    const absolute = path.join(root, current);
    if (!existsSync(absolute)) continue; // removed already, with an emptied subfolder
    if (readdirSync(absolute).length) return;
    rmdirSync(absolute);
  }
}

/**
 * Tells `listings` when each build starts and what it wrote. Which saved files were posts' is
 * told by the posts plugin, which knows where the posts are (posts/plugin.ts).
 */
export function listingPagesPlugin<Posts>(listings: ListingPages<Posts>) {
  return (config: EleventyConfig) => {
    config.on("eleventy.before", ({ incremental }) => listings.buildStarted(incremental));
    config.on("eleventy.after", ({ results }) => {
      listings.buildFinished(new Set(results.flatMap((page) => (page.url ? [page.url] : []))));
    });
  };
}
