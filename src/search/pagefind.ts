import * as pagefind from "pagefind";
import type { SearchRecord } from "./records.ts";

/** Pagefind reports problems in `errors` arrays instead of throwing: turn them into one error. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new Error(`Pagefind could not ${step}:\n${response.errors.join("\n")}`);
}

export async function buildSearchIndex(input: {
  pages: { url: string; content: string }[];
  records: SearchRecord[];
  outputPath: string;
  language: string;
}): Promise<{ pages: number; records: number }> {
  const created = await pagefind.createIndex({ forceLanguage: input.language });
  check("start", created);
  const index = created.index!;
  try {
    for (const page of input.pages) check(`index ${page.url}`, await index.addHTMLFile({ url: page.url, content: page.content }));
    for (const record of input.records) check(`index ${record.url}`, await index.addCustomRecord(record));
    check(`write ${input.outputPath}`, await index.writeFiles({ outputPath: input.outputPath }));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  return { pages: input.pages.length, records: input.records.length };
}
