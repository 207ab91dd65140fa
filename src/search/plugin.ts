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
      records = transcripts
        .episodes(api.getAll())
        .flatMap(({ post, transcript }) => turnRecords(post, transcript.turns, site.language))
        .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      return records;
    });

    config.on("eleventy.after", (async ({ directories, results }: { directories: { output: string }; results: BuiltPage[] }) => {
      // Eleventy finishes pages in no fixed order; Pagefind's files depend on the order they are added.
      const pages = results
        .flatMap((page) =>
          page.url && page.outputPath && String(page.outputPath).endsWith(".html") && page.content.includes("data-pagefind-body")
            ? [{ url: page.url, content: page.content }]
            : [],
        )
        .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      const summary = await buildSearchIndex({ pages, records, outputPath: path.join(directories.output, "pagefind"), language: site.language });
      console.log(`[11ty] Search index: ${summary.pages} pages, ${summary.records} transcript turns`);
    }) as never);
  };
}
