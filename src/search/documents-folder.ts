import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { documentFile, type SearchDocument } from "./documents.ts";

/** Marks a folder as one of ours, which a build may empty. */
const MARK = ".search-documents";
/** What the documents are, for the step that indexes them after the build (`npm run build`). */
const SUMMARY = "summary.json";

export interface SearchDocumentsSummary {
  pages: number;
  transcriptRecords: number;
  /**
   * The site's language: the files its index has beside Pagefind's keep their plain names
   * (`posts.json`, language-files.ts). Each document says its own (its post's), and Pagefind
   * indexes and stems it in that language.
   */
  language: string;
}

/**
 * The folder of search documents of the build into `output`: the one SEARCH_DOCUMENTS_DIR
 * names, to see what Pagefind indexed or to index them again on their own (`npm run bench`);
 * otherwise one per output folder in the system's temporary folder, so that an `npm start`
 * stopped by a signal, or restarted for an edit under src/, leaves no new folder behind.
 */
export function searchDocumentsFolder(output: string): SearchDocumentsFolder {
  const named = process.env.SEARCH_DOCUMENTS_DIR;
  if (named) return new SearchDocumentsFolder(path.resolve(named), true);
  const id = createHash("sha256").update(path.resolve(output)).digest("hex").slice(0, 16);
  return new SearchDocumentsFolder(path.join(tmpdir(), `le-podcast-search-${id}`));
}

/**
 * The folder of search documents that Pagefind's CLI indexes. It is kept from one build to the
 * next under `npm start`, so a rebuild writes only the documents that changed. It starts empty,
 * whatever an earlier build left in it.
 */
export class SearchDocumentsFolder {
  /** The text of each file as last written, by path relative to the folder; null before the first write. */
  #files: Map<string, string> | null = null;

  /**
   * `named`: the folder was named by someone (SEARCH_DOCUMENTS_DIR) rather than made up by the
   * build, so it is emptied only if it is empty or holds search documents already.
   */
  constructor(
    readonly dir: string,
    readonly named = false,
  ) {}

  /** Makes the folder hold exactly `documents`: writes the new and changed ones, removes the others. */
  write(documents: readonly SearchDocument[]): void {
    if (!this.#files) {
      if (this.named && existsSync(this.dir) && readdirSync(this.dir).length && !existsSync(path.join(this.dir, MARK)))
        throw new Error(
          `The search documents' folder ${this.dir} holds files that are not search documents: name an empty or missing folder`,
        );
      rmSync(this.dir, { recursive: true, force: true });
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(
        path.join(this.dir, MARK),
        "Search documents for Pagefind, written by the site's build, which empties this folder.\n",
      );
      this.#files = new Map();
    }
    const files = this.#files;
    const wanted = new Map<string, SearchDocument>();
    for (const document of documents) {
      const file = documentFile(document.url);
      const other = wanted.get(file);
      if (other) throw new Error(`Two search documents would be written to ${file}: ${other.url} and ${document.url}`);
      wanted.set(file, document);
    }
    for (const file of files.keys()) {
      if (wanted.has(file)) continue;
      rmSync(path.join(this.dir, file), { force: true });
      files.delete(file);
    }
    for (const [file, document] of wanted) {
      if (files.get(file) === document.html) continue;
      const target = path.join(this.dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, document.html);
      files.set(file, document.html);
    }
  }

  /** Records what the documents are, for the step that indexes them once the build is over. */
  writeSummary(summary: SearchDocumentsSummary): void {
    writeFileSync(path.join(this.dir, SUMMARY), `${JSON.stringify(summary)}\n`);
  }

  /** What a build recorded with its documents; an error naming the folder when there are none. */
  readSummary(): SearchDocumentsSummary {
    const file = path.join(this.dir, SUMMARY);
    if (!existsSync(file))
      throw new Error(
        `No search documents in ${this.dir}: the site's build writes them, and the search index is made after it (npm run build runs both)`,
      );
    const summary = JSON.parse(readFileSync(file, "utf8")) as Partial<SearchDocumentsSummary>;
    if (
      !Number.isInteger(summary.pages) ||
      !Number.isInteger(summary.transcriptRecords) ||
      typeof summary.language !== "string"
    )
      throw new Error(
        `${file} does not say how many pages and transcript records there are, and in which language: ${JSON.stringify(summary)}`,
      );
    return summary as SearchDocumentsSummary;
  }

  /** Removes the folder. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.#files = null;
  }
}
