import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { documentFile, type SearchDocument } from "./documents.ts";

/** Files written at once: enough to keep the disk busy, few enough not to run out of file handles. */
const PARALLEL_WRITES = 64;

/**
 * The folder of search documents that Pagefind's CLI indexes. It is kept from one build to the
 * next under `npm start`, so a rebuild writes only the documents that changed. It starts empty,
 * whatever an earlier process left in it.
 */
export class SearchDocumentsFolder {
  /** The text of each file as last written, by path relative to the folder. */
  #files = new Map<string, string>();
  #last: Promise<void> = Promise.resolve();
  #pending = 0;
  #cleared = false;

  constructor(readonly dir: string) {}

  /**
   * Makes the folder hold exactly `documents`: writes the new and changed ones, removes the
   * others. Calls run one after another, in the order made.
   */
  set(documents: readonly SearchDocument[]): Promise<void> {
    this.#pending++;
    const run = this.#last.then(() => this.#set(documents)).finally(() => this.#pending--);
    this.#last = run.catch(() => undefined);
    return run;
  }

  /**
   * Adds `documents`, synchronously, when no `set` is under way: so that a build can start
   * Pagefind before its other work takes the main thread.
   */
  addSync(documents: readonly SearchDocument[]): void {
    if (this.#pending) throw new Error(`The search documents in ${this.dir} are still being written`);
    if (!this.#cleared) {
      rmSync(this.dir, { recursive: true, force: true });
      this.#cleared = true;
    }
    for (const [file, document] of filesOf(documents)) {
      if (this.#files.has(file)) throw new Error(`Two search documents would be written to ${file}: ${document.url} and one written earlier`);
      const target = path.join(this.dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, document.html);
      this.#files.set(file, document.html);
    }
  }

  async #set(documents: readonly SearchDocument[]): Promise<void> {
    if (!this.#cleared) {
      await rm(this.dir, { recursive: true, force: true });
      this.#cleared = true;
    }
    await mkdir(this.dir, { recursive: true });
    const wanted = filesOf(documents);
    const gone = [...this.#files.keys()].filter((file) => !wanted.has(file));
    const changed = [...wanted].filter(([file, document]) => this.#files.get(file) !== document.html);
    await inBatches(gone, async (file) => {
      await rm(path.join(this.dir, file), { force: true });
      this.#files.delete(file);
    });
    await inBatches(changed, async ([file, document]) => {
      const target = path.join(this.dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, document.html);
      this.#files.set(file, document.html);
    });
  }

  /** Removes the folder. */
  async remove(): Promise<void> {
    await this.#last;
    await rm(this.dir, { recursive: true, force: true });
    this.#files.clear();
  }
}

/** The documents by the file each is written to. */
function filesOf(documents: readonly SearchDocument[]): Map<string, SearchDocument> {
  const files = new Map<string, SearchDocument>();
  for (const document of documents) {
    const file = documentFile(document.url);
    const other = files.get(file);
    if (other) throw new Error(`Two search documents would be written to ${file}: ${other.url} and ${document.url}`);
    files.set(file, document);
  }
  return files;
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL_WRITES) await Promise.all(items.slice(start, start + PARALLEL_WRITES).map(work));
}
