import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { isProductionBuild } from "../site/run-mode.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { TranscriptStore } from "../transcript/store.ts";
import { pageForIndex, transcriptDocuments, type SearchDocument } from "./documents.ts";
import { buildSearchIndex } from "./pagefind.ts";

interface BuiltPage {
  url: string | false;
  outputPath: string | false;
  content: string;
}

const byUrl = (a: SearchDocument, b: SearchDocument) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * Writes the Pagefind index into `<output>/pagefind/` at the end of every build, `npm start`
 * included: the posts' pages as Eleventy rendered them (only what is inside data-pagefind-body,
 * which leaves their transcripts out) and the transcripts as groups of turns (documents.ts).
 */
export function searchPlugin(site: SiteSettings, transcripts: TranscriptStore) {
  return (config: EleventyConfig) => {
    let transcriptDocs: SearchDocument[] = [];
    // Computed with the other collections, from the same parsed transcripts as the pages.
    config.addCollection("transcriptSearchDocuments", (api) => {
      transcriptDocs = transcripts.episodes(api.getAll()).flatMap(({ post, transcript }) => transcriptDocuments(post, transcript.turns, site.language));
      return transcriptDocs;
    });

    // Under `npm start` the index is written after Eleventy has reloaded the browser, one build
    // after another, so an edit shows without waiting for the search index; the build waits for it.
    let indexing: Promise<void> = Promise.resolve();

    config.on("eleventy.after", (async ({ directories, results }: { directories: { output: string }; results: BuiltPage[] }) => {
      const pages = results.flatMap((page) =>
        page.url && String(page.outputPath).endsWith(".html") && page.content.includes("data-pagefind-body") ? [{ url: page.url, html: pageForIndex(page.content) }] : [],
      );
      // Eleventy finishes pages in no fixed order, and Pagefind's files depend on the order they are added.
      const documents = [...pages.sort(byUrl), ...[...transcriptDocs].sort(byUrl)];
      const records = transcriptDocs.length;
      const run = async () => {
        const started = performance.now();
        await buildSearchIndex({ documents, outputPath: path.join(directories.output, "pagefind"), language: site.language });
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        console.log(`[11ty] Search index: ${pages.length} pages, ${records} transcript records in ${seconds} seconds`);
      };
      if (isProductionBuild()) return run();
      indexing = indexing.then(run).catch((error: unknown) => console.error(`[11ty] The search index was not written: ${String(error)}`));
    }) as never);
  };
}
