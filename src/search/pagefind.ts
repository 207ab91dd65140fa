import * as pagefind from "pagefind";
import type { SearchDocument } from "./documents.ts";

/** Pagefind reports problems in `errors` arrays instead of throwing: turn them into one error. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new Error(`Pagefind could not ${step}:\n${response.errors.join("\n")}`);
}

/** Indexes the documents, in the order given, into `outputPath`. */
export async function buildSearchIndex(input: { documents: SearchDocument[]; outputPath: string; language: string }): Promise<number> {
  const created = await pagefind.createIndex({ forceLanguage: input.language });
  check("start", created);
  const index = created.index!;
  try {
    for (const document of input.documents) check(`index ${document.url}`, await index.addHTMLFile({ url: document.url, content: document.html }));
    check(`write ${input.outputPath}`, await index.writeFiles({ outputPath: input.outputPath }));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  return input.documents.length;
}
