/**
 * Benchmark: does search find what a listener remembers? Builds the real content (or takes
 * `--site DIR`, an already built one), serves it on 127.0.0.1, and runs the relevance suite
 * (tests/relevance/queries.json) through `/search/` in headless Chromium.
 *   npm run bench:relevance [-- --site _site]
 * Prints each query's rank of the right post and of the right turn, then, for the queries spelled
 * right and for the misspelled ones apart, the share of queries whose right post is first, of those
 * whose right turn is among the first three links shown, of both, and the mean reciprocal rank of
 * the right post.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { serveInChromium } from "../tests/support/browser.ts";
import { buildSite, tempProject } from "../tests/support/build.ts";
import { figuresBySection, readQueries, runRelevance, type RelevanceFigures } from "../tests/support/relevance.ts";

const { values } = parseArgs({ options: { site: { type: "string" } } });
const project = values.site ? null : tempProject("bench-relevance");
const output = values.site ? path.resolve(values.site) : project!.output;
if (project) await buildSite(project.input, project.output);
const { site, browser, stop } = await serveInChromium(output);
try {
  const queries = readQueries();
  const started = performance.now();
  const results = await runRelevance(browser, site.url, queries, console.log);
  const sections = figuresBySection(results);
  const pct = (x: number, of: number) => `${(x * 100).toFixed(1)} % (${Math.round(x * of)} of ${of})`;
  console.log(`\n${results.length} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`| measure | spelled right | misspelled or spelled as heard |`);
  console.log(`| --- | ---: | ---: |`);
  const row = (name: string, value: (f: RelevanceFigures) => string) =>
    console.log(`| ${name} | ${value(sections.spelledRight)} | ${value(sections.misspelled)} |`);
  row("queries", (f) => String(f.queries));
  row("right post first", (f) => pct(f.postFirst, f.queries));
  row("right turn among the first three links", (f) => pct(f.turnInFirstThree, f.turnQueries));
  row("right post first and right turn among the first three", (f) => pct(f.landed, f.queries));
  row("mean reciprocal rank of the right post", (f) => f.meanReciprocalRank.toFixed(3));
} finally {
  await stop();
  project?.remove();
}
