/**
 * Benchmark: parse and render 1,000 transcripts of about 9,000 words each, built from the seed's
 * real transcripts (their paragraphs repeated with advancing timestamps).
 *   npm run bench:transcripts [-- --count 1000 --words 9000 --runs 5]
 * Prints, for each run, the time to parse all transcripts, to render them to HTML, and to write
 * the four downloads, and the process's peak resident memory; then the medians.
 *   npm run bench:transcripts -- --turns 12500,100000 [--runs 5]
 * Parses instead one transcript of each number of turns (`[hh:mm:ss] Label: ` and the start of a seed
 * paragraph) and prints the median time of each, and how it grows with the turns.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readFrontMatter } from "../src/markdown/front-matter.ts";
import { formatHms } from "../src/text/clock.ts";
import { downloadBody, transcriptDownloads } from "../src/transcript/downloads.ts";
import { renderTranscriptHtml } from "../src/transcript/html.ts";
import { parseTranscript } from "../src/transcript/parse.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    words: { type: "string", default: "9000" },
    runs: { type: "string", default: "5" },
    turns: { type: "string" },
  },
});
const count = Number(values.count);
const targetWords = Number(values.words);
const runs = Number(values.runs);

const POSTS = "content/posts";
const sources = readdirSync(POSTS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => readFrontMatter(readFileSync(path.join(POSTS, entry.name, "transcript.md"), "utf8")));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One transcript of `count` turns, alternating the first seed's two speakers, a mark every 3 s (under 100 hours). */
function turnsTranscript(count: number): { body: string; speakers: Record<string, string> } {
  const source = sources[0]!;
  const speakers = source.data.speakers as Record<string, string>;
  const labels = Object.keys(speakers);
  const texts = source.body.split(/\n\s*\n/).map((p) =>
    p
      .replace(/\[\d\d:\d\d:\d\d\]|^\w+: /g, "")
      .trim()
      .split(/\s+/)
      .slice(0, 12)
      .join(" "),
  );
  const turns = Array.from(
    { length: count },
    (_, i) => `[${formatHms(i * 3)}] ${labels[i % labels.length]}: ${texts[i % texts.length]}`,
  );
  return { body: turns.join("\n\n"), speakers };
}

if (values.turns) {
  let first: { turns: number; ms: number } | undefined;
  for (const turns of values.turns.split(",").map(Number)) {
    const { body, speakers } = turnsTranscript(turns);
    const parse = () => parseTranscript(body, { file: "bench/turns.md", firstLine: 1, speakers });
    if (parse().diagnostics.length) throw new Error(`diagnostics in the generated transcript of ${turns} turns`); // and a warm-up
    const times = Array.from({ length: runs }, () => {
      const t = performance.now();
      parse();
      return performance.now() - t;
    });
    const ms = median(times);
    first ??= { turns, ms };
    const growth = `${(turns / first.turns).toFixed(1)} times the turns, ${(ms / first.ms).toFixed(1)} times as long`;
    console.log(
      `${turns} turns: parse median ${ms.toFixed(0)} ms (runs ${times.map((x) => x.toFixed(0)).join(", ")}); ${growth}`,
    );
  }
  process.exit(0);
}

/** One synthetic transcript: a seed transcript's paragraphs, repeated until `targetWords`, marks re-timed to keep rising. */
function makeTranscript(index: number): { body: string; speakers: Record<string, string> } {
  const source = sources[index % sources.length]!;
  const paragraphs = source.body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\[\d\d:\d\d:\d\d\]/g, "").trim())
    .filter(Boolean);
  const out: string[] = [];
  let words = 0;
  let seconds = 0;
  for (let i = 0; words < targetWords; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!;
    const n = paragraph.split(/\s+/).length;
    const withMark =
      i % 4 === 0 ? paragraph.replace(/^([A-Z][a-z]+: )?/, (label) => `${label}[${formatHms(seconds)}] `) : paragraph;
    out.push(withMark);
    words += n;
    seconds += Math.round(n / 2.5);
  }
  return { body: out.join("\n\n"), speakers: source.data.speakers as Record<string, string> };
}

const inputs = Array.from({ length: count }, (_, i) => makeTranscript(i));
const totalWords = inputs.reduce((sum, t) => sum + t.body.split(/\s+/).length, 0);
console.log(
  `${count} transcripts, ${Math.round(totalWords / count)} words each on average (${totalWords} in all), ${runs} runs`,
);

const results: { parse: number; html: number; downloads: number; rss: number }[] = [];
for (let run = 1; run <= runs; run++) {
  let t = performance.now();
  const parsed = inputs.map((input, i) =>
    parseTranscript(input.body, { file: `bench/${i}.md`, firstLine: 1, speakers: input.speakers }),
  );
  const parse = performance.now() - t;
  const errors = parsed.reduce((n, p) => n + p.diagnostics.filter((d) => d.severity === "error").length, 0);
  if (errors) throw new Error(`${errors} parse errors in the generated corpus`);
  t = performance.now();
  let bytes = 0;
  for (const p of parsed) bytes += renderTranscriptHtml(p, { personUrl: (name) => `/people/${name}/` }).length;
  const html = performance.now() - t;
  t = performance.now();
  for (const p of parsed)
    for (const d of transcriptDownloads("/en/x/")) bytes += downloadBody(p, d.format, "Title").length;
  const downloads = performance.now() - t;
  const rss = process.resourceUsage().maxRSS / 1024;
  results.push({ parse, html, downloads, rss });
  console.log(
    `run ${run}: parse ${parse.toFixed(0)} ms, HTML ${html.toFixed(0)} ms, downloads ${downloads.toFixed(0)} ms, peak RSS ${rss.toFixed(0)} MB (${(bytes / 1e6).toFixed(0)} MB written)`,
  );
}
console.log(
  `median: parse ${median(results.map((r) => r.parse)).toFixed(0)} ms, HTML ${median(results.map((r) => r.html)).toFixed(0)} ms, ` +
    `downloads ${median(results.map((r) => r.downloads)).toFixed(0)} ms, peak RSS ${Math.max(...results.map((r) => r.rss)).toFixed(0)} MB`,
);
