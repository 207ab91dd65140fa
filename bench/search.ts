/**
 * Benchmark: what a reader's search costs, in bytes and in time, on a blog of 1,000 posts.
 *   npm run bench:search [-- --posts 1000 --rounds 7 --q1 ramen --q2 "humble gardener" --q3 "Momofuko Ando" --q3-right "Momofuku Ando" --no-build]
 *   French: [--french 1000 --fr-q1 organisation --fr-q2 "nouilles instantanées" --fr-q3 fondatoins --fr-q3-right fondations]
 * Generates 1,000 posts (400 episodes with ~8,000-word transcripts) into bench/.tmp/search, and
 * 1,000 French posts made the same way from the French fixtures (`--french 0` for none), builds
 * them with the project's build, serves `_site` on 127.0.0.1 as a static host would (gzip for
 * text, Pagefind's already-compressed index files as they are, ETag revalidation), and in
 * headless Chromium opens /search/ and types a first query, then a second one. For each query:
 * the bytes transferred (Playwright's `request.sizes()`: response body as sent + response
 * headers) from the moment typing starts until the first result is on screen (its link,
 * .search-result-link), and the time
 * between the two. Then a third query with a misspelled word (--q3), which the page corrects, and
 * in another fresh context the same three queries with the third spelled right (--q3-right): what
 * a correction adds is the difference, and the bytes of the correction files themselves (the
 * corrections script and the word lists). Each round uses a fresh browser context, so the first
 * query starts cold. With French posts, the same on /fr/search/ with the French queries: its own
 * Pagefind index, posts file and word lists.
 */
import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page, Request } from "playwright-core";
import { launchChromium } from "../tests/support/browser.ts";
import { CONTENT_TYPES, resolveStaticFile } from "../tests/support/static-server.ts";
import { ROOT, generateCorpus } from "./corpus.ts";
import { dirSize } from "./files.ts";
import { getOrMake } from "../src/maps/get-or-make.ts";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "1000" },
    rounds: { type: "string", default: "7" },
    q1: { type: "string", default: "ramen" },
    q2: { type: "string", default: "humble gardener" },
    q3: { type: "string", default: "Momofuko Ando" },
    "q3-right": { type: "string", default: "Momofuku Ando" },
    french: { type: "string", default: "1000" },
    "fr-q1": { type: "string", default: "organisation" },
    "fr-q2": { type: "string", default: "nouilles instantanées" },
    "fr-q3": { type: "string", default: "fondatoins" },
    "fr-q3-right": { type: "string", default: "fondations" },
    "no-build": { type: "boolean", default: false },
  },
});
const DIR = path.join("bench", ".tmp", "search");
const SITE = path.resolve(ROOT, DIR, "_site");
const rounds = Math.max(1, Number(values.rounds));
const GOALS = {
  firstBytes: 150_000,
  firstMs: 300,
  secondBytes: 30_000,
  correctionBytes: Number(values.posts) > 1000 ? 80_000 : 40_000,
};
/** The files a corrected word fetches, which an ordinary search never does (words.json, or words.fr.json, and the lists). */
const isCorrectionFile = (url: string) =>
  /\/assets\/search-corrections\.js$|\/pagefind\/words(\.[\w-]+)?(\.json$|\/)/.test(new URL(url).pathname);

// --- the corpus and its build -------------------------------------------------------------

async function build(): Promise<number> {
  const corpus = await generateCorpus(path.join(ROOT, DIR), {
    posts: Number(values.posts),
    french: Number(values.french),
  });
  console.log(
    `corpus: ${corpus.posts} posts (${corpus.french} in French), ${corpus.episodes} episodes, ${corpus.words.toLocaleString("en")} words in ${DIR}`,
  );
  rmSync(SITE, { recursive: true, force: true });
  const log = path.join(ROOT, DIR, "build.log");
  const started = performance.now();
  const logFd = openSync(log, "w");
  const run = (args: string[]) =>
    new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", logFd, logFd] });
      child.on("error", reject);
      child.on("exit", resolve);
    });
  // What `npm run build` runs, on the generated input: Eleventy, then the search index.
  let status = await run([
    "--import",
    "tsx",
    "node_modules/@11ty/eleventy/cmd.cjs",
    "--config=.eleventy.ts",
    `--input=${DIR}/content`,
    `--output=${DIR}/_site`,
  ]);
  if (status === 0) status = await run(["--import", "tsx", "scripts/search-index.ts", `--output=${DIR}/_site`]);
  const ms = performance.now() - started;
  const summary = readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => /Search index|Wrote \d+ files|Error/.test(l));
  if (status !== 0) throw new Error(`the build failed (exit ${status}), see ${log}:\n${summary.join("\n")}`);
  console.log(`build: ${(ms / 1000).toFixed(1)} s wall (${summary.map((l) => l.replace("[11ty] ", "")).join("; ")})`);
  return ms;
}

// --- a static host ------------------------------------------------------------------------

/** Compressed on the fly (level 6, cached), as hosts do for text. */
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg"]);

/** Serves `root` like a static host: `/x/` → `/x/index.html`, gzip for text, ETag and 304s. */
async function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const gzipped = new Map<string, Buffer>();
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const { file, found } = resolveStaticFile(root, request.url ?? "/");
    const ext = path.extname(file);
    const stat = statSync(file);
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
    // Pagefind's .pf_* and .pagefind files are gzipped by Pagefind itself: served as bytes.
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream",
      "cache-control": "public, max-age=0, must-revalidate",
      etag,
    };
    if (found && request.headers["if-none-match"] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    let body: Buffer = readFileSync(file);
    if (COMPRESSIBLE.has(ext)) {
      headers.vary = "Accept-Encoding";
      if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
        body = getOrMake(gzipped, file, () => gzipSync(body, { level: 6 }));
        headers["content-encoding"] = "gzip";
      }
    }
    headers["content-length"] = String(body.length);
    response.writeHead(found ? 200 : 404, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  };
  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// --- measuring in Chromium ----------------------------------------------------------------

interface Seen {
  request: Request;
  phase: string;
}

interface Transfer {
  url: string;
  bytes: number;
  status: number;
  encoding: string;
  /** Epoch ms, and ms after it. */
  start: number;
  end: number;
}

async function transfers(list: Seen[], phase: string, until = Infinity): Promise<Transfer[]> {
  const out: Transfer[] = [];
  for (const { request, phase: p } of list) {
    if (p !== phase) continue;
    const start = request.timing().startTime;
    if (start > until) continue;
    const response = await request.response();
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
    out.push({
      url: request.url(),
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      status: response?.status() ?? 0,
      encoding: (await response?.headerValue("content-encoding")) ?? "",
      start,
      end: request.timing().responseEnd,
    });
  }
  return out;
}

const sum = (ts: Transfer[]) => ts.reduce((n, t) => n + t.bytes, 0);

/** Waits until no request has been in flight for `quiet` ms. */
async function settle(
  inFlight: () => number,
  lastActivity: () => number,
  quiet = 500,
  timeout = 10_000,
): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (inFlight() === 0 && Date.now() - lastActivity() >= quiet) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** In the page: notes when typing starts (focus or input) and when a result of `query` is first on screen. */
function watchForResults(page: Page, query: string) {
  return page.evaluate((q) => {
    type Bench = { start: number | null; shown: number | null; ms: number | null; count: number };
    const w = window as unknown as { __bench: Bench };
    const now = () => performance.timeOrigin + performance.now();
    // A result is on screen once its link is.
    const LINKS = ".search-result-link";
    const before = new Set(document.querySelectorAll(LINKS));
    const bench: Bench = { start: null, shown: null, ms: null, count: 0 };
    w.__bench = bench;
    const input = document.querySelector("#search-input")!;
    const begin = () => {
      bench.start ??= now();
    };
    input.addEventListener("focus", begin, { once: true });
    input.addEventListener("input", begin, { once: true, capture: true });
    const check = () => {
      if (bench.start === null || bench.shown !== null) return;
      const summary = document.querySelector(".search-summary")?.textContent ?? "";
      const links = [...document.querySelectorAll(LINKS)].filter((a) => !before.has(a));
      if (links.length && summary.includes(q)) {
        bench.shown = now();
        bench.ms = bench.shown - bench.start;
        bench.count = links.length;
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, query);
}

interface QueryResult {
  /** Epoch ms of the first focus or input event. */
  typed: number;
  ms: number;
  bytes: number;
  requests: number;
  settledBytes: number;
  settledRequests: number;
  list: Transfer[];
}

interface Round {
  loadList: Transfer[];
  loadBytes: number;
  loadRequests: number;
  loadMs: number;
  q1: QueryResult;
  q2: QueryResult;
  q3: QueryResult;
}

/** A search page and the queries typed into it: a first, a second, a third misspelled and the same spelled right. */
interface Queries {
  page: string;
  q1: string;
  q2: string;
  q3: string;
  q3right: string;
}

async function round(context: BrowserContext, url: string, queries: Queries, third: string): Promise<Round> {
  const seen: Seen[] = [];
  let phase = "load";
  let inFlight = 0;
  let lastActivity = Date.now();
  context.on("request", (request) => {
    seen.push({ request, phase });
    inFlight++;
    lastActivity = Date.now();
  });
  const done = () => {
    inFlight--;
    lastActivity = Date.now();
  };
  context.on("requestfinished", done);
  context.on("requestfailed", done);

  // tsx (esbuild) names functions with a `__name` helper that functions sent to the page lack.
  await context.addInitScript("globalThis.__name = (f) => f;");
  const page = await context.newPage();
  const loadStart = performance.now();
  await page.goto(`${url}${queries.page}`, { waitUntil: "load" });
  const loadMs = performance.now() - loadStart;
  await page.locator("#search-input").waitFor();
  await settle(
    () => inFlight,
    () => lastActivity,
  );
  const load = await transfers(seen, "load");

  const query = async (name: string, text: string): Promise<QueryResult> => {
    await watchForResults(page, text);
    phase = name;
    await page.locator("#search-input").fill(text);
    const handle = await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench: { shown: number | null; ms: number | null; count: number } })
          .__bench;
        return b.shown !== null ? b : null;
      },
      undefined,
      { timeout: 30_000, polling: "raf" },
    );
    const shown = (await handle.jsonValue()) as { start: number; shown: number; ms: number; count: number };
    await settle(
      () => inFlight,
      () => lastActivity,
    );
    phase = `${name}-after`;
    const all = await transfers(seen, name);
    const untilShown = all.filter((t) => t.start <= shown.shown);
    return {
      typed: shown.start,
      ms: shown.ms,
      bytes: sum(untilShown),
      requests: untilShown.length,
      settledBytes: sum(all),
      settledRequests: all.length,
      list: untilShown,
    };
  };
  const q1 = await query("q1", queries.q1);
  const q2 = await query("q2", queries.q2);
  const q3 = await query("q3", third);
  await page.close();
  return { loadList: load, loadBytes: sum(load), loadRequests: load.length, loadMs, q1, q2, q3 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");

// --- main ---------------------------------------------------------------------------------

const buildMs = values["no-build"] && existsSync(SITE) ? null : await build();
const pagefind = dirSize(path.join(SITE, "pagefind"));
const parts = ["index", "fragment", "filter"].map(
  (d) =>
    `${d}/ ${kb(dirSize(path.join(SITE, "pagefind", d)).bytes)} (${dirSize(path.join(SITE, "pagefind", d)).files} files)`,
);
console.log(`_site/pagefind: ${(pagefind.bytes / 1e6).toFixed(1)} MB in ${pagefind.files} files: ${parts.join(", ")}`);
const wasm = readdirSync(path.join(SITE, "pagefind")).filter((f) => f.endsWith(".pagefind") || f.endsWith(".pf_meta"));
console.log(`  ${wasm.map((f) => `${f} ${kb(statSync(path.join(SITE, "pagefind", f)).size)}`).join(", ")}`);

const site = await serve(SITE);
const browser = await launchChromium();
try {
  await measure({ page: "/search/", q1: values.q1, q2: values.q2, q3: values.q3, q3right: values["q3-right"] });
  if (existsSync(path.join(SITE, "fr", "search", "index.html")))
    await measure({
      page: "/fr/search/",
      q1: values["fr-q1"],
      q2: values["fr-q2"],
      q3: values["fr-q3"],
      q3right: values["fr-q3-right"],
    });
} finally {
  await browser.close();
  await site.close();
}

/** The rounds on one search page, their medians against the goals, and the largest requests. */
async function measure(queries: Queries): Promise<void> {
  const results: Round[] = [];
  const rightly: Round[] = [];
  console.log(
    `\n${queries.page}: ${rounds} rounds, fresh browser context each: open ${queries.page}, type "${queries.q1}", then "${queries.q2}" (Playwright fill: one input event; the search field waits 100 ms after typing, included)`,
  );
  for (let i = 1; i <= rounds; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const r = await round(context, site.url, queries, queries.q3);
    await context.close();
    results.push(r);
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    rightly.push(await round(other, site.url, queries, queries.q3right));
    await other.close();
    console.log(
      `round ${i}: page load ${kb(r.loadBytes)} (${r.loadRequests} requests); ` +
        `"${queries.q1}" ${r.q1.ms.toFixed(0)} ms, ${kb(r.q1.bytes)} in ${r.q1.requests} requests (${kb(r.q1.settledBytes)} in ${r.q1.settledRequests} once settled); ` +
        `"${queries.q2}" ${r.q2.ms.toFixed(0)} ms, ${kb(r.q2.bytes)} in ${r.q2.requests} requests (${kb(r.q2.settledBytes)} in ${r.q2.settledRequests} once settled); ` +
        `"${queries.q3}" ${r.q3.ms.toFixed(0)} ms, ${kb(r.q3.bytes)} in ${r.q3.requests} requests, against "${queries.q3right}" ${kb(rightly.at(-1)!.q3.bytes)}`,
    );
  }

  const m = (f: (r: Round) => number) => median(results.map(f));
  const q1Bytes = m((r) => r.q1.bytes);
  const q1Ms = m((r) => r.q1.ms);
  const q2Bytes = m((r) => r.q2.bytes);
  console.log(`\n${queries.page}, medians of ${rounds} rounds:`);
  console.log(`| measure | median | goal |`);
  console.log(`| --- | ---: | --- |`);
  console.log(
    `| page load of ${queries.page} (until the network is idle) | ${kb(m((r) => r.loadBytes))}, ${m((r) => r.loadRequests)} requests | |`,
  );
  console.log(
    `| first query "${queries.q1}": bytes until the first result shows | ${kb(q1Bytes)}, ${m((r) => r.q1.requests)} requests | ≤ 150 KB: ${verdict(q1Bytes <= GOALS.firstBytes)} |`,
  );
  console.log(
    `| first query: time from typing to the first result | ${q1Ms.toFixed(0)} ms (of which 100 ms debounce) | ≤ 300 ms: ${verdict(q1Ms <= GOALS.firstMs)} |`,
  );
  console.log(
    `| first query: bytes once the results settle | ${kb(m((r) => r.q1.settledBytes))}, ${m((r) => r.q1.settledRequests)} requests | |`,
  );
  console.log(
    `| second query "${queries.q2}": bytes until the first result shows | ${kb(q2Bytes)}, ${m((r) => r.q2.requests)} requests | ≤ 30 KB: ${verdict(q2Bytes <= GOALS.secondBytes)} |`,
  );
  console.log(`| second query: time from typing to the first result | ${m((r) => r.q2.ms).toFixed(0)} ms | |`);
  console.log(
    `| second query: bytes once the results settle | ${kb(m((r) => r.q2.settledBytes))}, ${m((r) => r.q2.settledRequests)} requests | |`,
  );
  const correctionFiles = (r: Round) => sum(r.q3.list.filter((t) => isCorrectionFile(t.url)));
  const added = m((r) => r.q3.bytes) - median(rightly.map((r) => r.q3.bytes));
  console.log(
    `| third query "${queries.q3}", corrected: bytes until the first result shows | ${kb(m((r) => r.q3.bytes))}, ${m((r) => r.q3.requests)} requests; "${queries.q3right}" in its place: ${kb(median(rightly.map((r) => r.q3.bytes)))}, ${median(rightly.map((r) => r.q3.requests))} requests | |`,
  );
  console.log(
    `| what the correction adds: the difference / the correction files alone | ${kb(added)} / ${kb(m(correctionFiles))} in ${m((r) => r.q3.list.filter((t) => isCorrectionFile(t.url)).length)} requests | ≤ ${kb(GOALS.correctionBytes)}: ${verdict(Math.max(added, m(correctionFiles)) <= GOALS.correctionBytes)} |`,
  );
  console.log(
    `| third query: time from typing to the first result, corrected / spelled right | ${m((r) => r.q3.ms).toFixed(0)} ms / ${median(rightly.map((r) => r.q3.ms)).toFixed(0)} ms | |`,
  );
  console.log(
    `| correction files fetched by the first two queries | ${kb(m((r) => sum([...r.q1.list, ...r.q2.list].filter((t) => isCorrectionFile(t.url)))))} | none |`,
  );
  if (buildMs !== null) console.log(`| build of the corpus (npm run build) | ${(buildMs / 1000).toFixed(1)} s | |`);
  console.log(
    `| _site/pagefind | ${(pagefind.bytes / 1e6).toFixed(1)} MB, ${pagefind.files.toLocaleString("en")} files | |`,
  );

  /** The largest requests of a query, from the round closest to the median. */
  function largest(key: "q1" | "q2" | "q3", n: number): void {
    const target = median(results.map((r) => r[key].bytes));
    const r = results.reduce((best, x) =>
      Math.abs(x[key].bytes - target) < Math.abs(best[key].bytes - target) ? x : best,
    );
    const by = new Map<string, number>();
    for (const t of r[key].list) {
      const kind = new URL(t.url).pathname.replace(/[^/]*$/, "").replace(/^\/pagefind\/$/, "/pagefind/ (top)") || "/";
      by.set(kind, (by.get(kind) ?? 0) + t.bytes);
    }
    console.log(
      `\nLargest requests of "${queries[key]}" until its first result (round nearest the median, ${kb(r[key].bytes)}):`,
    );
    for (const t of [...r[key].list].sort((a, b) => b.bytes - a.bytes).slice(0, n))
      console.log(`  ${kb(t.bytes).padStart(9)}  ${t.status} ${t.encoding.padEnd(4)}  ${new URL(t.url).pathname}`);
    if (key === "q1") {
      console.log(`  timeline (ms after typing starts; first result at +${r[key].ms.toFixed(0)}):`);
      for (const t of [...r[key].list].sort((a, b) => a.start - b.start))
        console.log(
          `    +${(t.start - r[key].typed).toFixed(0).padStart(4)} → +${(t.start + t.end - r[key].typed).toFixed(0).padStart(4)}  ${new URL(t.url).pathname}`,
        );
    }
    console.log(
      `  by folder: ${[...by]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(", ")}`,
    );
  }
  // The page's own files, apart from what the searches fetch.
  console.log(`\nPage load of ${queries.page} by file (round 1, gzip where the host compresses):`);
  for (const t of results[0]!.loadList)
    console.log(`  ${kb(t.bytes).padStart(9)}  ${t.status} ${t.encoding.padEnd(4)}  ${new URL(t.url).pathname}`);
  largest("q1", 12);
  largest("q2", 8);
  largest("q3", 10);
}
