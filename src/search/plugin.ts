import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { isProductionBuild } from "../site/run-mode.ts";
import { BuiltPages, type BuiltPage } from "../site/built-pages.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { EpisodeWithTranscript, TranscriptStore } from "../transcript/store.ts";
import { pageForIndex, transcriptDocuments, type SearchDocument } from "./documents.ts";
import type { SearchIndex } from "./pagefind.ts";
import { openSearchIndexInWorker } from "./worker.ts";

const byUrl = (a: SearchDocument, b: SearchDocument) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * Writes the Pagefind index into `<output>/pagefind/` at the end of every build, `npm start`
 * included: the posts' pages as Eleventy rendered them (only what is inside data-pagefind-body,
 * which leaves their transcripts out) and the transcripts as groups of turns (documents.ts).
 */
export function searchPlugin(site: SiteSettings, transcripts: TranscriptStore) {
  return (config: EleventyConfig) => {
    // Under `npm start` the index is written after Eleventy has reloaded the browser, one build
    // after another, so an edit shows without waiting for the search index; the build waits for it.
    let indexing: Promise<void> = Promise.resolve();
    // This build's index, opened with the collections; a build that failed leaves one behind.
    let opened: Promise<SearchIndex> | undefined;
    let records = 0;
    // Under `npm start` the store hands back the same episode until its files change.
    const byEpisode = new WeakMap<EpisodeWithTranscript, SearchDocument[]>();
    const searchable = new BuiltPages((page) => (page.content.includes("data-pagefind-body") ? { url: page.url, html: pageForIndex(page.content) } : null));

    // The transcripts are most of the words, and known before any page is rendered: Pagefind indexes
    // them on its own core while Eleventy renders the pages (computed with the other collections,
    // from the same parsed transcripts as the pages).
    config.addCollection("transcriptSearchDocuments", (api) => {
      const documents = transcripts.episodes(api.getAll()).flatMap((episode) => {
        let episodeDocuments = byEpisode.get(episode);
        if (!episodeDocuments) byEpisode.set(episode, (episodeDocuments = transcriptDocuments(episode.post, episode.transcript.turns, site.language)));
        return episodeDocuments;
      });
      documents.sort(byUrl);
      records = documents.length;
      const abandoned = opened;
      opened = indexing.then(async () => {
        await abandoned?.then((index) => index.close()).catch(() => undefined);
        const index = openSearchIndexInWorker(site.language);
        await index.add(documents).catch(async (error: unknown) => {
          await index.close();
          throw error;
        });
        return index;
      });
      // Awaited in eleventy.after; until then a failure must not count as unhandled.
      opened.catch(() => undefined);
      return documents;
    });

    config.on("eleventy.after", (async ({ directories, results }: { directories: { output: string }; results: BuiltPage[] }) => {
      // Eleventy finishes pages in no fixed order, and Pagefind's files depend on the order they are added.
      const pages = searchable.update(results).sort(byUrl);
      const transcriptRecords = records;
      const thisBuild = opened!;
      opened = undefined;
      const run = async () => {
        const started = performance.now();
        const index = await thisBuild;
        try {
          await index.add(pages);
          await index.write(path.join(directories.output, "pagefind"));
        } finally {
          await index.close();
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        console.log(`[11ty] Search index: ${pages.length} pages, ${transcriptRecords} transcript records in ${seconds} seconds`);
      };
      if (isProductionBuild()) return run();
      indexing = indexing.then(run).catch((error: unknown) => console.error(`[11ty] The search index was not written: ${String(error)}`));
    }) as never);
  };
}
