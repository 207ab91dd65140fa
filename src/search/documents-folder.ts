import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { documentFile, type SearchDocument } from "./documents.ts";

/** Files written at once: enough to keep the disk busy, few enough not to run out of file handles. */
const PARALLEL_WRITES = 64;

/**
 * The folder of search documents that Pagefind's CLI indexes. It is kept from one build to the
 * next under `npm start`, so a rebuild writes only the documents that changed.
 */
export class SearchDocumentsFolder {
  /** The text of each file as last written, by path relative to the folder. */
  #files = new Map<string, string>();
  #last: Promise<void> = Promise.resolve();
  #cleared = false;

  constructor(readonly dir: string) {}

  /**
   * Makes the folder hold exactly `documents`: writes the new and changed ones, removes the
   * others. Calls run one after another, in the order made.
   */
  set(documents: readonly SearchDocument[]): Promise<void> {
    const run = this.#last.then(() => this.#set(documents));
    this.#last = run.catch(() => undefined);
    return run;
  }

  async #set(documents: readonly SearchDocument[]): Promise<void> {
    if (!this.#cleared) {
      // What an earlier process left there is unknown: start empty.
      await rm(this.dir, { recursive: true, force: true });
      await mkdir(this.dir, { recursive: true });
      this.#cleared = true;
    }
    const wanted = new Map<string, SearchDocument>();
    for (const document of documents) {
      const file = documentFile(document.url);
      const other = wanted.get(file);
      if (other) throw new Error(`Two search documents would be written to ${file}: ${other.url} and ${document.url}`);
      wanted.set(file, document);
    }
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

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL_WRITES) await Promise.all(items.slice(start, start + PARALLEL_WRITES).map(work));
}
