import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { documentFile, type SearchDocument } from "./documents.ts";

/**
 * The folder of search documents that Pagefind's CLI indexes. It is kept from one build to the
 * next under `npm start`, so a rebuild writes only the documents that changed. It starts empty,
 * whatever an earlier process left in it.
 */
export class SearchDocumentsFolder {
  /** The text of each file as last written, by path relative to the folder; null before the first write. */
  #files: Map<string, string> | null = null;

  constructor(readonly dir: string) {}

  /**
   * Makes the folder hold exactly `documents`: writes the new and changed ones, removes the
   * others. Synchronously, so that a build can start Pagefind before its other work at the end
   * of the build takes the main thread.
   */
  write(documents: readonly SearchDocument[]): void {
    if (!this.#files) {
      rmSync(this.dir, { recursive: true, force: true });
      mkdirSync(this.dir, { recursive: true });
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
