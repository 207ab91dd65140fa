import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { isProductionBuild } from "../site/run-mode.ts";
import { BuiltPages, type BuiltPage, type ListingChanges } from "../site/built-pages.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { EpisodeWithTranscript, TranscriptStore } from "../transcript/store.ts";
import { pageForIndex, transcriptDocuments as documentsOf, type SearchDocument } from "./documents.ts";
import type { SearchIndex } from "./pagefind.ts";
import { IndexQueue } from "./index-queue.ts";
import { openSearchIndexInWorker } from "./worker.ts";

const byUrl = (a: SearchDocument, b: SearchDocument) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * Writes the Pagefind index into `<output>/pagefind/` at the end of every build, `npm start`
 * included: the posts' pages as Eleventy rendered them (only what is inside data-pagefind-body,
 * which leaves their transcripts out) and the transcripts as groups of turns (documents.ts).
 */
export function searchPlugin(site: SiteSettings, transcripts: TranscriptStore, listings: ListingChanges) {
  return (config: EleventyConfig) => {
    // Under `npm start` the index is made after Eleventy has reloaded the browser, one build after
    // another, so an edit shows without waiting for the search index; the build waits for it.
    const indexing = new IndexQueue();
    // Eleventy reloads the browser after a rebuild's eleventy.after: the index waits for the
    // rebuild to be over ("eleventy.afterwatch"; every rebuild is started by a watch event).
    let rebuildOver: Promise<void> = Promise.resolve();
    let endRebuild: (() => void) | undefined;
    config.on("eleventy.beforeWatch", () => {
      if (!endRebuild) rebuildOver = new Promise((resolve) => (endRebuild = resolve));
    });
    config.on("eleventy.afterwatch", () => {
      endRebuild?.();
      endRebuild = undefined;
    });
    let transcriptDocuments: SearchDocument[] = [];
    // The production build's index, opened with the collections.
    let opened: Promise<SearchIndex> | undefined;
    // Under `npm start` the store hands back the same episode until its files change.
    const byEpisode = new WeakMap<EpisodeWithTranscript, SearchDocument[]>();
    const searchable = new BuiltPages((page) => (page.content.includes("data-pagefind-body") ? { url: page.url, html: pageForIndex(page.content) } : null));

    // The transcripts are most of the words, and known before any page is rendered: in a production
    // build Pagefind indexes them on its own core while Eleventy renders the pages (computed with
    // the other collections, from the same parsed transcripts as the pages).
    config.addCollection("transcriptSearchDocuments", (api) => {
      transcriptDocuments = transcripts.episodes(api.getAll()).flatMap((episode) => {
        let episodeDocuments = byEpisode.get(episode);
        if (!episodeDocuments) byEpisode.set(episode, (episodeDocuments = documentsOf(episode.post, episode.transcript.turns, site.language)));
        return episodeDocuments;
      });
      transcriptDocuments.sort(byUrl);
      if (isProductionBuild()) {
        opened = openIndex(site.language, transcriptDocuments);
        // Awaited in eleventy.after; until then a failure must not count as unhandled.
        opened.catch(() => undefined);
      }
      return transcriptDocuments;
    });

    config.on("eleventy.after", (async ({ directories, results }: { directories: { output: string }; results: BuiltPage[] }) => {
      const transcriptRecords = transcriptDocuments;
      const outputPath = path.join(directories.output, "pagefind");
      if (isProductionBuild()) return writeIndex(await opened!, searchable.update(results, listings), transcriptRecords.length, outputPath);
      // The listing pages left as they were are known only until the next build starts.
      const thisBuild = { unchanged: new Set(listings.unchanged), removed: new Set(listings.removed) };
      const reloaded = rebuildOver;
      indexing
        .push(async (superseded) => {
          await reloaded;
          // Every build's pages are taken in, so that the index a later save makes has them all.
          const pages = searchable.update(results, thisBuild);
          if (superseded()) return;
          await writeIndex(await openIndex(site.language, transcriptRecords), pages, transcriptRecords.length, outputPath);
        })
        .catch((error: unknown) => console.error(`[11ty] The search index was not written: ${String(error)}`));
    }) as never);
  };
}

async function openIndex(language: string, transcriptDocuments: readonly SearchDocument[]): Promise<SearchIndex> {
  const index = openSearchIndexInWorker(language);
  await index.add(transcriptDocuments).catch(async (error: unknown) => {
    await index.close();
    throw error;
  });
  return index;
}

async function writeIndex(index: SearchIndex, pages: SearchDocument[], transcriptRecords: number, outputPath: string): Promise<void> {
  const started = performance.now();
  try {
    // Eleventy finishes pages in no fixed order, and Pagefind's files depend on the order they are added.
    await index.add(pages.sort(byUrl));
    await index.write(outputPath);
  } finally {
    await index.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`[11ty] Search index: ${pages.length} pages, ${transcriptRecords} transcript records in ${seconds} seconds`);
}
