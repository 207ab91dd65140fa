import path from "node:path";
import { searchDocumentsFolder, type SearchDocumentsFolder } from "./documents-folder.ts";
import { indexedLanguages, recordLanguage, writeSearchIndex } from "./pagefind.ts";
import { readFragments, recordUrl, writeRecordPosts } from "./record-posts.ts";
import { WordCounts, writeWordShards } from "./word-shards.ts";
import { languageFile } from "./language-files.ts";
import { RECORD_POSTS_FILE } from "./ranking.ts";
import { WORD_SHARD_INDEX } from "./corrections.ts";
import { getOrMake } from "../maps/get-or-make.ts";

/**
 * The search index of a production build into `output`, made from the documents the build left
 * (src/search/plugin.ts) once its process is over: Eleventy holds every page until it exits, and
 * Pagefind started beside it added its memory to Eleventy's (12.5 against 9.1 GB at 10,000
 * posts, docs/benchmarks-history.md, "Build: the search index after Eleventy's process is over"). Removes the documents afterwards, unless SEARCH_DOCUMENTS_DIR named
 * their folder. Resolves with what was indexed.
 */
export async function indexSearchDocuments(output: string): Promise<string> {
  const folder = searchDocumentsFolder(output);
  try {
    return await indexFolder(folder, output);
  } finally {
    if (!folder.named) folder.remove();
  }
}

/** Indexes the documents in `folder`, as its summary describes them, into `<output>/pagefind/`; resolves with what was indexed. */
export async function indexFolder(folder: SearchDocumentsFolder, output: string): Promise<string> {
  const { pages, transcriptRecords, language } = folder.readSummary();
  const started = performance.now();
  const pagefind = path.join(output, "pagefind");
  await writeSearchIndex(folder.dir, pages + transcriptRecords, pagefind);
  const { words } = writeRecordsFiles(pagefind, language);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  return `Search index: ${pages} pages, ${transcriptRecords} transcript records, ${words} words for corrections in ${seconds} seconds`;
}

/**
 * The files the search page reads beside Pagefind's index, made in one reading of its records,
 * for each language Pagefind made an index for (language-files.ts; the site's `language` keeps
 * the plain names): which records make each post (`posts.json`), and the words of the language's
 * posts with their counts, for correcting a word that stands nowhere (`words.json` and `words/`).
 */
function writeRecordsFiles(pagefind: string, language: string): { posts: number; words: number } {
  const languages = [...indexedLanguages(pagefind).keys()];
  const byLanguage = new Map<string, { records: { id: string; url: string }[]; counts: WordCounts }>();
  for (const [id, fragment] of readFragments(pagefind)) {
    const { records, counts } = getOrMake(byLanguage, recordLanguage(id, languages), () => ({
      records: [],
      counts: new WordCounts(),
    }));
    records.push({ id, url: recordUrl(fragment) });
    counts.add(fragment.content);
  }
  let posts = 0;
  let words = 0;
  for (const [lang, { records, counts }] of byLanguage) {
    const named = lang === language ? null : lang;
    posts += writeRecordPosts(pagefind, records, languageFile(RECORD_POSTS_FILE, named));
    words += writeWordShards(pagefind, counts, languageFile(WORD_SHARD_INDEX, named));
  }
  return { posts, words };
}
