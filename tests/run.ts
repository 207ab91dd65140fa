/**
 * Runs the test files with Node's test runner, several processes side by side, and makes the builds
 * they share once (tests/support/shared-site.ts). `npm test` runs them all; `npm run test:unit`
 * (`--unit`) only the unit files, for the edit loop: those of the folders below but their
 * cli.test.ts, which test functions in their own process, with no site built and no browser.
 *
 *   node --import tsx tests/run.ts [--unit] [--concurrency=N] [file or folder…]
 *
 * Processes side by side: `--concurrency`, else TEST_CONCURRENCY, else as many as the machine has
 * cores. Each file runs in a process of its own, but the unit files, a few processes for them all.
 * The longest start first, so that no long one starts at the end: as long as their files took in
 * the last run (tests/.tmp/durations.json, which only orders them), else a guess by folder. At the
 * end it prints how long the tests took, by folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { run } from "node:test";
import { spec, tap } from "node:test/reporters";
import { ensureChromium } from "./support/browser.ts";
import { removeFolder, ROOT } from "./support/build.ts";
import {
  makeSharedSite,
  SHARED_SITES,
  SHARED_SITES_DIR,
  SHARED_SITES_MADE,
  SHARED_SITES_RUNNER,
  type SharedSiteName,
} from "./support/shared-site.ts";

/** The folders of the unit files; their cli.test.ts run a command end to end again and again (new-post's builds the site too) and are not unit files. */
const UNIT_FOLDERS = ["unit", "transcript", "transcript-import", "wordpress", "new-post"];

process.chdir(ROOT);
const args = process.argv.slice(2);
const unit = args.includes("--unit");
const concurrency = Number(
  args.find((arg) => arg.startsWith("--concurrency="))?.split("=")[1] ??
    process.env.TEST_CONCURRENCY ??
    availableParallelism(),
);
const given = args.filter((arg) => !arg.startsWith("--"));

const testFiles = (folder: string) =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".test.ts"))
    .map((name) => path.join(folder, name));
let files = (given.length ? given : ["tests"]).flatMap((arg) => {
  if (!statSync(arg).isDirectory()) return [path.normalize(arg)];
  if (path.resolve(arg) !== path.join(ROOT, "tests")) return testFiles(arg);
  return readdirSync(arg, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => testFiles(path.join(arg, entry.name)));
});
/** Whether a file is a unit file: it tests functions in its own process, with no site built and no browser. */
const isUnit = (file: string) =>
  UNIT_FOLDERS.includes(path.basename(path.dirname(file))) && path.basename(file) !== "cli.test.ts";
if (unit) files = files.filter(isUnit);

/** The shared builds each file reads. */
const reads = new Map(
  files.map((file) => [
    file,
    [...readFileSync(file, "utf8").matchAll(/\bsharedSite\("([\w-]+)"\)/g)].map((m) => m[1] as SharedSiteName),
  ]),
);
const shared = [...new Set([...reads.values()].flat())].filter((name) => name in SHARED_SITES);

/** How long each file's tests took (ms), in the last run that ran it. */
const DURATIONS = "tests/.tmp/durations.json";
const readDurations = (file: string): Record<string, number> => {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
};
const durations = readDurations(DURATIONS);
/** A file's expected time: the last run's, else a guess from the folder (a fresh clone's first run). */
const GUESS: Record<string, number> = { browser: 25_000, build: 10_000 };
const expected = (file: string) =>
  durations[file] ?? GUESS[path.basename(path.dirname(file))] ?? (path.basename(file) === "cli.test.ts" ? 15_000 : 300);

// Installed here, once, where missing: files side by side would run apt-get at the same time.
if (files.some((file) => file.startsWith("tests/browser/"))) ensureChromium();

mkdirSync("tests/.tmp", { recursive: true });
const dir = path.relative(ROOT, mkdtempSync(path.join(ROOT, "tests/.tmp", "run-")));
const started = Date.now();

/**
 * The unit files run several to a process: in as many groups as files run side by side, each
 * about as long as the others. A process takes some 0.7 s to start and load the modules they
 * share, longer than most of them take (Node 20 has no --experimental-test-isolation=none). A
 * group is a file of imports in this run's folder; the others run a process each.
 */
const groups = Array.from({ length: Math.min(concurrency, files.filter(isUnit).length) }, (_, n) => ({
  entry: path.join(dir, `unit-${n + 1}.test.ts`),
  files: [] as string[],
  ms: 500,
}));
for (const file of files.filter(isUnit).sort((a, b) => expected(b) - expected(a))) {
  const group = groups.reduce((shortest, group) => (group.ms < shortest.ms ? group : shortest));
  group.files.push(file);
  group.ms += expected(file);
}
for (const { entry, files } of groups)
  writeFileSync(
    entry,
    files.map((file) => `import "${path.relative(dir, file).split(path.sep).join("/")}";\n`).join(""),
  );
const duration = (file: string) => groups.find((group) => group.entry === file)?.ms ?? expected(file);
let processes = [...files.filter((file) => !isUnit(file)), ...groups.map((group) => group.entry)].sort(
  (a, b) => duration(b) - duration(a),
);
// The first to start read no shared build: those that do would wait for the shared builds, started at the same time.
const first = processes.filter((file) => !reads.get(file)?.length).slice(0, concurrency);
processes = [...first, ...processes.filter((file) => !first.includes(file))];

// The files' processes read these (tests/support/shared-site.ts).
Object.assign(process.env, {
  [SHARED_SITES_DIR]: dir,
  [SHARED_SITES_MADE]: shared.join(","),
  [SHARED_SITES_RUNNER]: String(process.pid),
});

// One after the other, beside the test files: the files that read a build wait for it.
let failed = false;
const builds = (async () => {
  for (const name of shared) {
    await makeSharedSite(name, path.join(dir, name)).catch((error: Error) => {
      failed = true;
      console.error(`The shared build "${name}" failed (the files that read it say why): ${error.message}`);
    });
  }
})();

// Each file in a process of its own, started as this one was (`--import tsx`).
const interrupted = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => interrupted.abort());
const tests = run({ files: processes, concurrency, signal: interrupted.signal });
const took: Record<string, number> = {};
tests.on("test:fail", ({ todo }) => {
  if (todo === undefined) failed = true;
});
for (const event of ["test:pass", "test:fail"] as const) {
  tests.on(event, ({ nesting, file, details }) => {
    if (nesting === 0 && file)
      took[path.relative(ROOT, file)] = (took[path.relative(ROOT, file)] ?? 0) + details.duration_ms;
  });
}
// The reporter Node's test runner picks when none is named.
for await (const chunk of tests.compose(process.stdout.isTTY ? new spec() : tap)) process.stdout.write(chunk);
await builds;

writeFileSync(path.join(dir, "durations.json"), JSON.stringify({ ...durations, ...took }, null, 1));
renameSync(path.join(dir, "durations.json"), DURATIONS);
removeFolder(dir);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const byFolder = new Map<string, number>();
for (const [file, ms] of Object.entries(took).sort())
  byFolder.set(path.dirname(file), (byFolder.get(path.dirname(file)) ?? 0) + ms);
console.log(
  `# tests' time by folder, one file after another: ${[...byFolder].map(([folder, ms]) => `${path.basename(folder)} ${seconds(ms)}`).join(", ")}`,
);
console.log(
  `# ${files.length} files (the unit files in ${groups.length} processes), ${concurrency} side by side, in ${seconds(Date.now() - started)}${shared.length ? `; shared builds: ${shared.join(", ")}` : ""}`,
);
process.exit(interrupted.signal.aborted ? 130 : failed ? 1 : 0);
