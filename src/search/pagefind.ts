import { rmSync } from "node:fs";
import * as pagefind from "pagefind";
import type { SearchDocument } from "./documents.ts";

/** Pagefind reports problems in `errors` arrays instead of throwing: turn them into one error. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new Error(`Pagefind could not ${step}:\n${response.errors.join("\n")}`);
}

/** Documents sent to Pagefind at once: each one sent alone is a round trip to its binary. */
const BATCH = 64;

/** Indexes the documents, in the order given, into `outputPath`, replacing what an earlier build wrote there. */
export async function buildSearchIndex(input: { documents: SearchDocument[]; outputPath: string; language: string }): Promise<number> {
  const created = await pagefind.createIndex({ forceLanguage: input.language });
  check("start", created);
  const index = created.index!;
  try {
    for (let start = 0; start < input.documents.length; start += BATCH) {
      const batch = input.documents.slice(start, start + BATCH);
      const responses = await Promise.all(batch.map((document) => index.addHTMLFile({ url: document.url, content: document.html })));
      responses.forEach((response, i) => check(`index ${batch[i]!.url}`, response));
    }
    // Pagefind's file names change with the content: without this, old ones would pile up.
    rmSync(input.outputPath, { recursive: true, force: true });
    check(`write ${input.outputPath}`, await index.writeFiles({ outputPath: input.outputPath }));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  return input.documents.length;
}
