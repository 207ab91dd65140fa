import { rmSync } from "node:fs";
import * as pagefind from "pagefind";
import type { SearchDocument } from "./documents.ts";

/** Pagefind reports problems in `errors` arrays instead of throwing: turn them into one error. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new Error(`Pagefind could not ${step}:\n${response.errors.join("\n")}`);
}

/** Documents sent to Pagefind at once: each one sent alone is a round trip to its binary. */
const BATCH = 64;

/** A Pagefind index being filled. Its binary works on its own core while Node goes on. */
export interface SearchIndex {
  /** Indexes the documents, in the order given (Pagefind's files depend on the order). */
  add(documents: readonly SearchDocument[]): Promise<void>;
  /** Writes the index into `outputPath`, replacing what an earlier build wrote there. */
  write(outputPath: string): Promise<void>;
  /** Frees the index and stops Pagefind's binary. */
  close(): Promise<void>;
}

export async function openSearchIndex(language: string): Promise<SearchIndex> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  check("start", created);
  const index = created.index!;
  return {
    async add(documents) {
      for (let start = 0; start < documents.length; start += BATCH) {
        const batch = documents.slice(start, start + BATCH);
        const responses = await Promise.all(batch.map((document) => index.addHTMLFile({ url: document.url, content: document.html })));
        responses.forEach((response, i) => check(`index ${batch[i]!.url}`, response));
      }
    },
    async write(outputPath) {
      // Pagefind's file names change with the content: without this, old ones would pile up.
      rmSync(outputPath, { recursive: true, force: true });
      check(`write ${outputPath}`, await index.writeFiles({ outputPath }));
    },
    async close() {
      await index.deleteIndex();
      await pagefind.close();
    },
  };
}
