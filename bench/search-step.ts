/**
 * Benchmark: the search step of `npm run build` (scripts/search-index.ts: Pagefind's CLI on the
 * build's search documents, then `posts.json` and the word lists for corrections) against
 * Pagefind's CLI indexing the same words on its own: the bare build of the same corpus (each
 * post's Markdown, and each transcript.md, as a page).
 *   npm run bench:search-step [-- --posts 1000 --runs 3]
 * Generates the corpus into bench/.tmp/search-step, builds it once with the project's Eleventy
 * step (keeping its search documents, SEARCH_DOCUMENTS_DIR) and once with a bare Eleventy, then
 * runs the two indexers one after the other, alternating, `--runs` times each, and prints each
 * run's wall time, the medians, and the size of each index on disk.
 */
import { spawn } from "node:child_process";
import { openSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bareConfig, bareInput } from "./bare.ts";
import { ROOT, generateCorpus } from "./corpus.ts";
import { dirSize } from "./files.ts";

const { values } = parseArgs({
  options: { posts: { type: "string", default: "1000" }, runs: { type: "string", default: "3" } },
});
// Relative to the project, where the commands run: given an absolute input, Eleventy applies no directory data file (a post's layout).
const DIR = path.join("bench", ".tmp", "search-step");
const BIN = path.join(ROOT, "node_modules", ".bin");
const SITE = path.join(DIR, "_site");
const BARE = path.join(DIR, "_bare");
const BARE_INDEX = path.join(DIR, "_bare-index", "pagefind");
const DOCUMENTS = path.join(DIR, "documents");

/** Runs `command`, its output into `log`; resolves with its wall time in seconds, or fails with the log's name. */
async function run(command: string[], log: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const started = performance.now();
  const out = openSync(log, "w");
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd: ROOT,
      stdio: ["ignore", out, out],
      env: { ...process.env, ...env },
    });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`${command.join(" ")} failed (exit ${code}), see ${log}`);
  return (performance.now() - started) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const corpus = await generateCorpus(DIR, { posts: Number(values.posts) });
console.log(`corpus: ${corpus.posts} posts, ${corpus.episodes} episodes, ${corpus.words.toLocaleString("en")} words`);
rmSync(DOCUMENTS, { recursive: true, force: true });
const eleventy = [
  "node",
  "--max-old-space-size=8192",
  "--import",
  "tsx",
  "node_modules/@11ty/eleventy/cmd.cjs",
  "--config=.eleventy.ts",
  `--input=${DIR}/content`,
  `--output=${SITE}`,
];
console.log(
  `project's Eleventy step: ${(await run(eleventy, path.join(DIR, "eleventy.log"), { SEARCH_DOCUMENTS_DIR: DOCUMENTS })).toFixed(1)} s`,
);
const bare = [
  path.join(BIN, "eleventy"),
  `--input=${bareInput(DIR)}`,
  `--output=${BARE}`,
  `--config=${bareConfig(DIR)}`,
];
console.log(`bare Eleventy: ${(await run(bare, path.join(DIR, "bare.log"))).toFixed(1)} s`);

const ours: number[] = [];
const theirs: number[] = [];
for (let i = 1; i <= Number(values.runs); i++) {
  ours.push(
    await run(
      ["node", "--import", "tsx", "scripts/search-index.ts", `--output=${SITE}`],
      path.join(DIR, `search-step-${i}.log`),
      { SEARCH_DOCUMENTS_DIR: DOCUMENTS },
    ),
  );
  rmSync(BARE_INDEX, { recursive: true, force: true });
  theirs.push(
    await run(
      [path.join(BIN, "pagefind"), "--site", BARE, "--output-path", BARE_INDEX],
      path.join(DIR, `bare-pagefind-${i}.log`),
    ),
  );
  console.log(
    `run ${i}: search step ${ours.at(-1)!.toFixed(2)} s, Pagefind's CLI on the bare build ${theirs.at(-1)!.toFixed(2)} s`,
  );
}
const index = dirSize(path.join(SITE, "pagefind"));
const bareIndex = dirSize(BARE_INDEX);
console.log(
  `\n| medians of ${values.runs} runs, alternating | search step of npm run build | Pagefind's CLI on the bare build |`,
);
console.log(`| --- | ---: | ---: |`);
console.log(`| wall time | ${median(ours).toFixed(2)} s | ${median(theirs).toFixed(2)} s |`);
console.log(
  `| index on disk | ${mb(index.bytes)}, ${index.files.toLocaleString("en")} files | ${mb(bareIndex.bytes)}, ${bareIndex.files.toLocaleString("en")} files |`,
);
