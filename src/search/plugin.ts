import { rmSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { isProductionBuild } from "../build/run-mode.ts";
import { BuiltPages, type ListingChanges } from "../build/built-pages.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { EpisodeWithTranscript, TranscriptStore } from "../transcript/store.ts";
import { pageForIndex, transcriptDocuments as documentsOf, type SearchDocument } from "./documents.ts";
import { searchDocumentsFolder, type SearchDocumentsFolder } from "./documents-folder.ts";
import { IndexQueue } from "./index-queue.ts";
import { indexFolder } from "./index-documents.ts";
import { bundleBrowserScripts } from "./bundle.ts";
import { postOf } from "../posts/front-matter.ts";
import { scriptSafeJson } from "../seo/json-ld.ts";
import { DICTIONARIES_DIR, readDictionaries, type Dictionaries } from "../i18n/dictionary.ts";
import { searchLanguages, searchSettings, kindLabel, type SearchLanguage } from "./languages.ts";

/**
 * Writes the search documents at the end of every build: the posts' pages as Eleventy rendered
 * them (only what is inside data-pagefind-body, which leaves their transcripts out) and the
 * transcripts as groups of turns (documents.ts), into a folder for Pagefind's CLI. A production
 * build leaves them for `npm run build`'s next step (index-documents.ts); under `npm start` the
 * index is made here, into `<output>/pagefind/`.
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
    // The dictionaries, read again at the start of every build (as the `t` filter's are).
    const dictionariesDir = path.join(config.directories.data, DICTIONARIES_DIR);
    let dictionaries: Dictionaries | undefined;
    const loadedDictionaries = () =>
      (dictionaries ??= readDictionaries(
        dictionariesDir,
        site.language,
        path.relative(process.cwd(), dictionariesDir),
      ));
    // The page scripts change with src/, whose edits restart `npm start`, and with the phrases of
    // the site's language they carry (phrases.ts): bundled again only when those change.
    let bundled: { settings: string; done: Promise<void> } | undefined;
    config.on("eleventy.before", ({ directories }) => {
      dictionaries = undefined;
      const defaults = searchSettings(loadedDictionaries(), site.language, site.language);
      const settings = JSON.stringify(defaults);
      if (bundled?.settings !== settings)
        bundled = { settings, done: bundleBrowserScripts(directories.output, defaults) };
      return bundled.done;
    });
    // The search pages: one per language of the posts, the site's at /search/ (content/search.njk).
    config.addCollection("searchLanguages", (api): SearchLanguage[] =>
      searchLanguages(
        api.getAll().flatMap((item) => postOf(item) ?? []),
        site.language,
      ),
    );
    // What a search page in `lang` tells its script (phrases.ts), for a JSON block.
    config.addFilter("searchSettings", (lang: string) =>
      scriptSafeJson(searchSettings(loadedDictionaries(), lang, site.language)),
    );
    let folder: SearchDocumentsFolder | undefined;
    const documentsFolder = (output: string) => {
      if (folder) return folder;
      folder = searchDocumentsFolder(output);
      // Under `npm start` the folder lasts as long as the process; after a production build the
      // step that indexes it removes it.
      const { dir, named } = folder;
      if (!isProductionBuild() && !named) process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
      return folder;
    };
    let transcriptDocuments: SearchDocument[] = [];
    // Under `npm start` the store hands back the same episode until its files change; its kind's
    // label may change with the dictionaries.
    const byEpisode = new WeakMap<EpisodeWithTranscript, { kind: string; documents: SearchDocument[] }>();
    const searchable = new BuiltPages((page) =>
      page.content.includes("data-pagefind-body") ? { url: page.url, html: pageForIndex(page.content) } : null,
    );

    // Computed with the other collections, from the same parsed transcripts as the pages.
    config.addCollection("transcriptSearchDocuments", (api) => {
      transcriptDocuments = transcripts.episodes(api.getAll()).flatMap((episode) => {
        const kind = kindLabel(loadedDictionaries(), episode.post);
        const made = byEpisode.get(episode);
        if (made?.kind === kind) return made.documents;
        const documents = documentsOf(episode.post, episode.transcript.turns, kind);
        byEpisode.set(episode, { kind, documents });
        return documents;
      });
      return transcriptDocuments;
    });

    config.on("eleventy.after", async ({ directories, results }) => {
      const transcriptRecords = transcriptDocuments;
      if (isProductionBuild()) {
        writeDocuments(
          documentsFolder(directories.output),
          transcriptRecords,
          searchable.update(results, listings),
          site.language,
        );
        return;
      }
      // The listing pages left as they were are known only until the next build starts.
      const thisBuild = { unchanged: new Set(listings.unchanged), removed: new Set(listings.removed) };
      const reloaded = rebuildOver;
      indexing
        .push(async (superseded) => {
          await reloaded;
          // Every build's pages are taken in, so that the index a later save makes has them all.
          const pages = searchable.update(results, thisBuild);
          if (superseded()) return;
          const folder = writeDocuments(documentsFolder(directories.output), transcriptRecords, pages, site.language);
          console.log(`[11ty] ${await indexFolder(folder, directories.output)}`);
        })
        .catch((error: unknown) => console.error(`[11ty] The search index was not written: ${String(error)}`));
    });
  };
}

/** Makes `folder` hold the documents, and what they are, for Pagefind's CLI. */
function writeDocuments(
  folder: SearchDocumentsFolder,
  transcripts: SearchDocument[],
  pages: SearchDocument[],
  language: string,
): SearchDocumentsFolder {
  folder.write([...transcripts, ...pages]);
  folder.writeSummary({ pages: pages.length, transcriptRecords: transcripts.length, language });
  return folder;
}
