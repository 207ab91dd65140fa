/**
 * Benchmark: how long an author waits under `npm start` after saving a post.
 *   npm run bench:watch [-- --posts 1000 --edits 5 --rapid 5]
 * Generates the corpus (bench/corpus.ts) into bench/.tmp/watch, starts Eleventy in watch mode as
 * `npm start` does (same flags, without the dev server, whose reload follows the end of the build),
 * waits for the first build and its search index, then edits one article `--edits` times each way
 * (a sentence appended, the title changed), each after the previous rebuild and its search index
 * are done. For each edit: the time from the file written to Eleventy's "Watching…" (the pages are
 * written and the browser reloads) and to the search plugin's "Search index:" line (the index is
 * written after the pages under `npm start`). Then `--rapid` saves 1.5 s apart, faster than an index
 * is made: how many rebuilds and indexes they cause, and when the last index is written.
 */
import { spawn } from "node:child_process";
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, generateCorpus } from "./corpus.ts";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "1000" },
    edits: { type: "string", default: "5" },
    rapid: { type: "string", default: "5" },
  },
});
const dir = path.join(ROOT, "bench/.tmp/watch");
const corpus = await generateCorpus(dir, { posts: Number(values.posts) });
console.log(
  `corpus: ${corpus.posts} posts, ${corpus.episodes} episodes, ${corpus.words.toLocaleString("en-US")} words`,
);

// The flags of `npm start` (package.json), without --serve.
const child = spawn(
  process.execPath,
  [
    "--max-old-space-size=8192",
    "--max-semi-space-size=32",
    "--import",
    "tsx",
    "node_modules/@11ty/eleventy/cmd.cjs",
    "--config=.eleventy.ts",
    `--input=${path.relative(ROOT, dir)}/content`,
    `--output=${path.relative(ROOT, dir)}/_site`,
    "--watch",
    "--incremental",
  ],
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

const title = /^title: "(.*)"$/m.exec(readFileSync(article, "utf8"))![1]!;
// Two kinds of edit, taking turns: a sentence added to the body, which changes the post's page and
// the feeds; and a new title, which also moves the post (its URL follows the title) and changes
// every page that lists it (home, archive, its year, its tags' pages).
const edits = {
  sentence: (edit: number) => appendFileSync(article, `\nA sentence added while the site is served (${edit}).\n`),
  title: (edit: number) =>
    writeFileSync(article, readFileSync(article, "utf8").replace(/^title: ".*"$/m, `title: "${title} (edit ${edit})"`)),
};
const pages = { sentence: [] as number[], title: [] as number[] };
const index = { sentence: [] as number[], title: [] as number[] };
for (let edit = 1; edit <= 2 * Number(values.edits); edit++) {
  const kind = edit % 2 ? "sentence" : "title";
  const watching = next(/Watching/);
  const indexed = next(/Search index:/);
  const started = performance.now();
  edits[kind](edit);
  await watching;
  pages[kind].push(performance.now() - started);
  await indexed;
  index[kind].push(performance.now() - started);
  console.log(
    `edit ${edit} (${kind}): pages written ${pages[kind].at(-1)!.toFixed(0)} ms, search index written ${index[kind].at(-1)!.toFixed(0)} ms after the save`,
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

// Saves faster than an index is made, as an editor's autosave does: `--rapid` saves 1.5 s apart,
// then wait until no index has been written for 15 s.
const rapid = Number(values.rapid);
const logged = (pattern: RegExp) => log.match(new RegExp(pattern, "g"))?.length ?? 0;
const [buildsBefore, indexesBefore] = [logged(/Wrote \d+ files \(skipped/), logged(/Search index:/)];
const firstSave = performance.now();
let lastIndex = firstSave;
const indexWritten = () =>
  next(/Search index:/).then(() => {
    lastIndex = performance.now();
  });
let nextIndex = indexWritten();
for (let save = 1; save <= rapid; save++) {
  appendFileSync(article, `\nA sentence saved in a hurry (${save}).\n`);
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
for (;;) {
  const more = await Promise.race([
    nextIndex.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), 15000)),
  ]);
  if (!more) break;
  nextIndex = indexWritten();
}
const [rebuilds, indexes] = [
  logged(/Wrote \d+ files \(skipped/) - buildsBefore,
  logged(/Search index:/) - indexesBefore,
];
waiting.length = 0; // the index that never came: Eleventy is stopped on purpose
child.kill();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `\n| ${corpus.posts} posts, median of ${values.edits} edits of each kind | a sentence added | the title changed | goal |`,
);
console.log("| --- | ---: | ---: | --- |");
const verdict = (ms: number) => (ms <= 500 ? "meets" : "MISSES");
console.log(
  `| pages rebuilt and the browser reloaded ("Watching…") | ${median(pages.sentence).toFixed(0)} ms | ${median(pages.title).toFixed(0)} ms | ≤ 500 ms: ${verdict(median(pages.sentence))}, ${verdict(median(pages.title))} |`,
);
console.log(
  `| search index written | ${median(index.sentence).toFixed(0)} ms | ${median(index.title).toFixed(0)} ms | |`,
);
console.log(
  `\n${rapid} saves 1.5 s apart: ${rebuilds} rebuilds, ${indexes} search indexes written, the last ${((lastIndex - firstSave) / 1000).toFixed(1)} s after the first save`,
);
