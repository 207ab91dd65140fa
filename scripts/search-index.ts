/**
 * `npm run build`'s second step: the search index of the site that its first step, Eleventy,
 * built into --output (src/search/index-documents.ts).
 *   node --import tsx scripts/search-index.ts --output=_site
 */
import { parseArgs } from "node:util";
import { indexSearchDocuments } from "../src/search/index-documents.ts";

const { values } = parseArgs({ options: { output: { type: "string", default: "_site" } } });
try {
  console.log(`[search] ${await indexSearchDocuments(values.output)}`);
} catch (error) {
  console.error(
    `[search] The search index of ${values.output} was not written: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
