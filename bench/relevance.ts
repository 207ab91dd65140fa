/**
 * Benchmark: does search find what a listener remembers? Builds the real content (or takes
 * `--site DIR`, an already built one), serves it on 127.0.0.1, and runs the relevance suite
 * (tests/relevance/queries.json) through `/search/` in headless Chromium.
 *   npm run bench:relevance [-- --site _site]
 * Prints each query's rank of the right post and of the right turn, then the share of queries
 * whose right post is first, of those whose right turn is among the first three links shown, and
 * the mean reciprocal rank of the right post.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { serveInChromium } from "../tests/support/browser.ts";
import { buildSite, tempProject } from "../tests/support/build.ts";
import { figures, readQueries, runRelevance } from "../tests/support/relevance.ts";

const { values } = parseArgs({ options: { site: { type: "string" } } });
const project = values.site ? null : tempProject("bench-relevance");
const output = values.site ? path.resolve(values.site) : project!.output;
if (project) await buildSite(project.input, project.output);
const { site, browser, stop } = await serveInChromium(output);
try {
  const queries = readQueries();
  const started = performance.now();
  const results = await runRelevance(browser, site.url, queries, console.log);
  const f = figures(results);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`\n${f.queries} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`| measure | figure |`);
  console.log(`| --- | ---: |`);
  console.log(`| right post first | ${pct(f.postFirst)} (${Math.round(f.postFirst * f.queries)} of ${f.queries}) |`);
  console.log(`| right turn among the first three links | ${pct(f.turnInFirstThree)} (${Math.round(f.turnInFirstThree * f.turnQueries)} of ${f.turnQueries}) |`);
  console.log(`| mean reciprocal rank of the right post | ${f.meanReciprocalRank.toFixed(3)} |`);
} finally {
  await stop();
  project?.remove();
}
