import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { documentFile, type SearchDocument } from "./documents.ts";

/** Marks a folder as one of ours, which a build may empty. */
const MARK = ".search-documents";

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
    private readonly named = false,
  ) {}

  /**
   * Makes the folder hold exactly `documents`: writes the new and changed ones, removes the
   * others. Synchronously, so that a build can start Pagefind before its other work at the end
   * of the build takes the main thread.
   */
  write(documents: readonly SearchDocument[]): void {
    if (!this.#files) {
      if (this.named && existsSync(this.dir) && readdirSync(this.dir).length && !existsSync(path.join(this.dir, MARK)))
        throw new Error(`The search documents' folder ${this.dir} holds files that are not search documents: name an empty or missing folder`);
      rmSync(this.dir, { recursive: true, force: true });
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(path.join(this.dir, MARK), "Search documents for Pagefind, written by the site's build, which empties this folder.\n");
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

  /** Removes the folder. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.#files = null;
  }
}
