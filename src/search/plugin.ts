import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { TranscriptStore } from "../transcript/store.ts";
import { buildSearchIndex } from "./pagefind.ts";
import { turnRecords, type SearchRecord } from "./records.ts";

interface BuiltPage {
  url: string | false;
  outputPath: string | false;
  content: string;
}

/**
 * Writes the Pagefind index into `<output>/pagefind/` at the end of every build, `npm start`
 * included: the posts' pages as Eleventy rendered them (only what is inside data-pagefind-body),
 * and one record per transcript turn.
 */
export function searchPlugin(site: SiteSettings, transcripts: TranscriptStore) {
  return (config: EleventyConfig) => {
    let records: SearchRecord[] = [];
    // Computed with the other collections, from the same parsed transcripts as the pages.
    config.addCollection("searchRecords", (api) => {
      records = transcripts.episodes(api.getAll()).flatMap(({ post, transcript }) => turnRecords(post, transcript.turns, site.language));
      return records;
    });

    config.on("eleventy.after", (async ({ directories, results }: { directories: { output: string }; results: BuiltPage[] }) => {
      const pages = results.flatMap((page) =>
        page.url && page.outputPath && String(page.outputPath).endsWith(".html") && page.content.includes("data-pagefind-body")
          ? [{ url: page.url, content: page.content }]
          : [],
      );
      const summary = await buildSearchIndex({ pages, records, outputPath: path.join(directories.output, "pagefind"), language: site.language });
      console.log(`[11ty] Search index: ${summary.pages} pages, ${summary.records} transcript turns`);
    }) as never);
  };
}
