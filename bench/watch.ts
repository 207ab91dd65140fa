/**
 * Benchmark: how long an author waits under `npm start` after saving a post.
 *   npm run bench:watch [-- --posts 1000 --edits 5]
 * Generates the corpus (bench/corpus.ts) into bench/.tmp/watch, starts Eleventy in watch mode as
 * `npm start` does (same flags, without the dev server, whose reload follows the end of the build),
 * waits for the first build and its search index, then appends a sentence to one article, `--edits`
 * times, each after the previous rebuild and its search index are done. For each edit: the time from
 * the file written to Eleventy's "Watching…" (the pages are written and the browser reloads) and to
 * the search plugin's "Search index:" line (the index is written after the pages under `npm start`).
 */
import { spawn } from "node:child_process";
import { appendFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, generateCorpus } from "./corpus.ts";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "1000" },
    edits: { type: "string", default: "5" },
  },
});
const dir = path.join(ROOT, "bench/.tmp/watch");
const corpus = await generateCorpus(dir, { posts: Number(values.posts) });
console.log(`corpus: ${corpus.posts} posts, ${corpus.episodes} episodes, ${corpus.words.toLocaleString("en-US")} words`);

// The flags of `npm start` (package.json), without --serve.
const child = spawn(
  process.execPath,
  ["--max-old-space-size=8192", "--max-semi-space-size=32", "--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--input=${path.relative(ROOT, dir)}/content`, `--output=${path.relative(ROOT, dir)}/_site`, "--watch", "--incremental"],
  { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
);
const waiting: { pattern: RegExp; resolve(): void }[] = [];
let log = "";
const onOutput = (chunk: Buffer) => {
  log += chunk;
  for (const line of chunk.toString().split("\n")) {
    if (/Wrote \d+ files|Search index:|Error/.test(line)) console.log(`  ${line}`);
    for (const waiter of waiting.filter((w) => w.pattern.test(line))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
};
child.stdout.on("data", onOutput);
child.stderr.on("data", onOutput);
child.on("exit", (code) => {
  if (waiting.length) {
    console.error(`Eleventy stopped (exit code ${code}):\n${log}`);
    process.exit(1);
  }
});
const next = (pattern: RegExp) => new Promise<void>((resolve) => waiting.push({ pattern, resolve }));

await Promise.all([next(/Watching/), next(/Search index:/)]);
// Eleventy prints "Watching" before its file watcher has finished its first scan.
await new Promise((resolve) => setTimeout(resolve, 2000));
const posts = path.join(dir, "content/posts");
const article = path.join(posts, readdirSync(posts).find((name) => name.endsWith(".md"))!);

const pages: number[] = [];
const index: number[] = [];
for (let edit = 1; edit <= Number(values.edits); edit++) {
  const watching = next(/Watching/);
  const indexed = next(/Search index:/);
  const started = performance.now();
  appendFileSync(article, `\nA sentence added while the site is served (${edit}).\n`);
  await watching;
  pages.push(performance.now() - started);
  await indexed;
  index.push(performance.now() - started);
  console.log(`edit ${edit}: pages written ${pages.at(-1)!.toFixed(0)} ms, search index written ${index.at(-1)!.toFixed(0)} ms after the save`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
child.kill();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`\n| ${corpus.posts} posts, median of ${pages.length} edits | time after the save | goal |`);
console.log("| --- | ---: | --- |");
console.log(`| pages rebuilt and the browser reloaded ("Watching…") | ${median(pages).toFixed(0)} ms | ≤ 500 ms: ${median(pages) <= 500 ? "meets" : "MISSES"} |`);
console.log(`| search index written | ${median(index).toFixed(0)} ms | |`);
