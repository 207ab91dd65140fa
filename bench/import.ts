/**
 * Benchmark: import a WordPress export of 2,000 posts (the seed's 12 posts repeated, transcripts
 * and comments included) into an empty content folder, then again over the same export (which
 * must change no file).
 *   npm run bench:import [-- --posts 2000 --runs 5]
 * Prints, for each run, the wall time, the CPU time and the peak resident memory of the command
 * (measured by GNU time around `npm run import:wordpress`'s own script), then the medians.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { largeExport } from "../tests/support/wxr-fixture.ts";

const { values } = parseArgs({
  options: { posts: { type: "string", default: "2000" }, runs: { type: "string", default: "5" } },
});
const posts = Number(values.posts);
const runs = Number(values.runs);
const ROOT = path.resolve(import.meta.dirname, "..");

const work = mkdtempSync(path.join(tmpdir(), "bench-import-"));
const exportFile = path.join(work, "export.xml");
writeFileSync(exportFile, largeExport(posts));
console.log(`${posts} posts, export of ${(statSync(exportFile).size / 1e6).toFixed(1)} MB, ${runs} runs`);

interface Sample {
  wall: number;
  cpu: number;
  maxRssMb: number;
  output: string;
}

/** One run of the import's command under GNU time; its report's first lines are kept to show what it did. */
function importOnce(content: string): Sample {
  const timing = path.join(work, "time.txt");
  const output = execFileSync(
    "/usr/bin/time",
    [
      "-f",
      "%e %U %S %M",
      "-o",
      timing,
      process.execPath,
      "--import",
      "tsx",
      "scripts/import-wordpress.ts",
      exportFile,
      "--content",
      content,
    ],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 },
  );
  const [wall, user, sys, rssKb] = execFileSync("cat", [timing], { encoding: "utf8" }).trim().split(/\s+/).map(Number);
  return { wall: wall!, cpu: user! + sys!, maxRssMb: rssKb! / 1024, output };
}

function freshContent(): string {
  const content = path.join(work, "content");
  rmSync(content, { recursive: true, force: true });
  mkdirSync(path.join(content, "_data"), { recursive: true });
  cpSync(path.join(ROOT, "content/_data/site.json"), path.join(content, "_data/site.json"));
  return content;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const first: Sample[] = [];
const again: Sample[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const content = freshContent();
    first.push(importOnce(content));
    again.push(importOnce(content));
    const [a, b] = [first.at(-1)!, again.at(-1)!];
    console.log(
      `run ${run}: import ${a.wall.toFixed(2)} s wall, ${a.cpu.toFixed(2)} s CPU, ${a.maxRssMb.toFixed(0)} MB; again ${b.wall.toFixed(2)} s, ${b.maxRssMb.toFixed(0)} MB`,
    );
    if (run === 1)
      console.log(
        a.output.split("\n").slice(0, 9).join("\n"),
        "\n(again:)",
        b.output.split("\n").find((l) => l.startsWith("files:")),
      );
  }
  const row = (name: string, samples: Sample[]) =>
    `| ${name} | ${median(samples.map((s) => s.wall)).toFixed(2)} s | ${median(samples.map((s) => s.cpu)).toFixed(2)} s | ${median(samples.map((s) => s.maxRssMb)).toFixed(0)} MB |`;
  console.log(
    `\n| ${posts} posts | wall (median of ${runs}) | CPU user+sys | peak memory |\n| --- | ---: | ---: | ---: |`,
  );
  console.log(row("import into an empty folder", first));
  console.log(row("the same import again (no file changes)", again));
} finally {
  rmSync(work, { recursive: true, force: true });
}
