/**
 * Benchmark: the project's production build against a bare Eleventy 3 build of the same Markdown
 * followed by the Pagefind CLI, on generated corpora (bench/corpus.ts) of 1,000 and 10,000 posts.
 *   npm run bench [-- --sizes 1000,10000 --runs 3 --big-runs 1 --only full|bare --keep --output-dir DIR --search-shards 5,10 --cards cold|warm]
 * For each command: wall time, CPU time (user + sys of the whole process tree), peak memory (the
 * largest resident set of any one process, and the largest sum over the tree at one moment), and
 * the output's size. A third row, "search index alone", is Pagefind's CLI on the full build's own
 * search documents with nothing else running: the full build's cost beyond it is the rest of the
 * site. Sizes of 5,000 posts or more are run `--big-runs` times (default once).
 * `--search-shards N,…` adds, for each N, the same documents split into N indexes (a post's page
 * and its transcript records together), made one after another: what sharding the search index
 * would save in memory (docs/benchmarks-history.md, "Build: the search index in shards", says why the build does not do it).
 * `--cards warm` (the default) first fills the social cards' cache (`<output-dir>/…/cards-cache`,
 * kept from one command to the next) with a build that is not measured, so that the measured
 * builds find every card drawn, as a build after a build does; `--cards cold` empties it before
 * each full build, so every card is drawn. The full build's line says how many cards it wrote and
 * their bytes.
 * `--output-dir` puts the builds' output elsewhere than beside the corpus, e.g. on a tmpfs
 * (/dev/shm): on this project's machines, writing files where many were just deleted (the last
 * run's output) costs seconds of system time, more for the build that writes more. The full
 * build's temporary files (its search documents, in TMPDIR) then go there too.
 *
 * Why a Python wrapper: a process that a build starts may outlive its parent (as the binary of
 * Pagefind's Node API did), and then neither `/usr/bin/time` nor Node see its CPU time. The
 * wrapper makes itself the "child subreaper" (prctl), so such orphans are re-parented to it and
 * their usage lands in its RUSAGE_CHILDREN, and it samples /proc every 100 ms for the
 * per-process peaks. Without python3 it falls back to `/usr/bin/time -v` (and says so).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { bareConfig, bareInput } from "./bare.ts";
import { ROOT, generateCorpus, type CorpusSummary } from "./corpus.ts";
import { dirSize } from "./files.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "3" },
    "big-runs": { type: "string", default: "1" },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    "output-dir": { type: "string" },
    "cpu-prof": { type: "boolean", default: false },
    // The machine is shared: a build that would take all its memory is stopped rather than left to the OOM killer.
    "mem-cap-gb": { type: "string", default: "16" },
    // A diagnostic: NODE_OPTIONS for the full build only, e.g. --node-options=--max-old-space-size=12288.
    "node-options": { type: "string" },
    "time-limit-min": { type: "string", default: "12" },
    "search-shards": { type: "string", default: "" },
    // The social cards' cache (CARDS_CACHE_DIR, beside the output): filled by a first build that is not measured (warm: every card from the cache) or emptied before each run (cold: every card drawn).
    cards: { type: "string", default: "warm" },
  },
});
if (!["cold", "warm"].includes(values.cards)) throw new Error(`--cards is cold or warm, not ${values.cards}`);
const MEM_CAP_KB = Math.round(Number(values["mem-cap-gb"]) * 1024 * 1024);
const TIME_LIMIT_S = Number(values["time-limit-min"]) * 60;
const sizes = values.sizes.split(",").map(Number);
const TMP = path.join("bench", ".tmp");
const BIN = path.join(ROOT, "node_modules", ".bin");

const WRAPPER = `
import ctypes, json, os, resource, signal, subprocess, sys, time
out, cap_kb, limit_s, cmd = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4:]
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
me = os.getpid()
start = time.monotonic()
child = subprocess.Popen(cmd)
peaks, peak_sum, status, wall, killed, at_kill, cpu = {}, 0, None, None, None, {}, {}
ticks = os.sysconf("SC_CLK_TCK")
def tree():
    parent = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open("/proc/%s/stat" % pid) as f: parent[int(pid)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except Exception: pass
    children = {}
    for c, pp in parent.items(): children.setdefault(pp, []).append(c)
    found, todo = [], [me]
    while todo:
        kids = children.get(todo.pop(), [])
        found += kids; todo += kids
    return found
while True:
    total, now = 0, {}
    pids = tree()
    for pid in pids:
        try:
            with open("/proc/%d/status" % pid) as f: fields = dict(l.split(":", 1) for l in f if ":" in l)
            name, hwm, rss = fields["Name"].strip(), int(fields.get("VmHWM", "0 kB").split()[0]), int(fields.get("VmRSS", "0 kB").split()[0])
            peaks[name] = max(peaks.get(name, 0), hwm); total += rss; now[name] = now.get(name, 0) + rss
            with open("/proc/%d/stat" % pid) as f: stat = f.read().rsplit(")", 1)[1].split()
            cpu[pid] = (name, int(stat[11]) / ticks, int(stat[12]) / ticks)  # utime, stime: fields 14 and 15
        except Exception: pass
    peak_sum = max(peak_sum, total)
    elapsed = time.monotonic() - start
    if killed is None and (total > cap_kb or elapsed > limit_s):
        killed, at_kill = ("memory" if total > cap_kb else "time"), {"seconds": elapsed, "rssKb": now}
        for pid in pids:
            try: os.kill(pid, signal.SIGKILL)
            except Exception: pass
    try:
        while True:
            pid, st = os.waitpid(-1, os.WNOHANG)
            if pid == 0: break
            if pid == child.pid: status, wall = os.waitstatus_to_exitcode(st), time.monotonic() - start
    except ChildProcessError:
        break
    time.sleep(0.1)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
by_name = {}
for name, user, system in cpu.values():
    total_user, total_sys = by_name.get(name, (0, 0)); by_name[name] = (total_user + user, total_sys + system)
json.dump({"cpuByProcess": by_name, "status": status, "wall": wall, "user": u.ru_utime, "sys": u.ru_stime, "maxRssKb": u.ru_maxrss, "peaks": peaks, "peakSumKb": peak_sum, "tool": "python", "killed": killed, "atKill": at_kill}, open(out, "w"))
`;

interface Usage {
  status: number;
  /** Stopped by the wrapper: the process tree's resident memory passed --mem-cap-gb, or it ran past --time-limit-min. */
  killed?: "memory" | "time" | null;
  atKill?: { seconds: number; rssKb: Record<string, number> };
  wall: number;
  user: number;
  sys: number;
  maxRssKb: number;
  peaks: Record<string, number>;
  peakSumKb: number;
  /** CPU seconds (user, sys) per process name, as last sampled (up to 100 ms short of the end). */
  cpuByProcess?: Record<string, [number, number]>;
  tool: string;
}

const hasPython = spawnSync("python3", ["-c", "import ctypes, resource"]).status === 0;

/** Runs `command` in the project's folder, its output into `log`; resolves with its resource usage. */
async function measure(command: string[], log: string, env: NodeJS.ProcessEnv = {}): Promise<Usage> {
  const result = `${log}.json`;
  rmSync(result, { force: true });
  const fd = openSync(log, "w");
  const argv = hasPython
    ? ["python3", "-c", WRAPPER, result, String(MEM_CAP_KB), String(TIME_LIMIT_S), ...command]
    : [
        "/usr/bin/time",
        "-f",
        '{"status":%x,"wall":%e,"user":%U,"sys":%S,"maxRssKb":%M,"peaks":{},"peakSumKb":0,"tool":"time"}',
        "-o",
        result,
        ...command,
      ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: ROOT,
      stdio: ["ignore", fd, fd],
      env: { ...process.env, ...env },
    });
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
  return JSON.parse(readFileSync(result, "utf8")) as Usage;
}

function tail(file: string, lines = 15): string {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("[11ty] Writing ") && !/^\s*\d+: 0x/.test(l))
    .slice(-lines)
    .join("\n");
}

/** How far a failed build got: the files it wrote, and its log's last lines. */
function failure(what: string, usage: Usage, log: string, output: string): string {
  const written = existsSync(output) ? dirSize(output) : { bytes: 0, files: 0 };
  const writing = readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("[11ty] Writing ")).length;
  const stopped = usage.killed
    ? ` STOPPED BY THE BENCHMARK (${usage.killed === "memory" ? `resident memory of the process tree over ${values["mem-cap-gb"]} GB` : `over ${values["time-limit-min"]} min`}) at ${usage.atKill?.seconds.toFixed(0)} s, memory then: ${Object.entries(
        usage.atKill?.rssKb ?? {},
      )
        .map(([n, kb]) => `${n} ${mbKb(kb)}`)
        .join(", ")};`
    : "";
  const text = readFileSync(log, "utf8");
  const fatal = /^(FATAL ERROR: .*|\[11ty\] .*Error.*)$/m.exec(text)?.[1];
  const last = text
    .split("\n")
    .filter((l) => l.startsWith("[11ty] Writing "))
    .at(-1)
    ?.replace(/.* from /, "last written from ");
  return `${what} FAILED (exit ${usage.status})${stopped} after ${usage.wall?.toFixed(1)} s${fatal ? `: ${fatal}` : ""}; ${writing} "Writing" lines logged (${last ?? "none"}), ${written.files} files (${mb(written.bytes)}) on disk, peak per process ${Object.entries(
    usage.peaks,
  )
    .map(([n, kb]) => `${n} ${mbKb(kb)}`)
    .join(", ")}.\n${tail(log)}`;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e8 ? 1 : 0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  size: number;
  variant: string;
  runs: number;
  wall: number;
  cpu: number;
  maxRssKb: number;
  peakSumKb: number;
  peaks: Record<string, number>;
  output: { bytes: number; files: number };
  pagefind: number;
  steps?: string;
  failed?: string;
}

/**
 * `npm run build`'s own commands (package.json: Eleventy, then the search index), without npm's
 * start-up, on another input and output; `nodeFlags` are given to the first (Eleventy's).
 */
function buildCommand(input: string, output: string, nodeFlags: string[] = []): string[] {
  const script = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { build: string } })
    .scripts.build;
  const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
  const command = script
    .replace(/^node /, `node ${nodeFlags.map(quote).join(" ")} `)
    .replaceAll("--input=content", `--input=${quote(input)}`)
    .replaceAll("--output=_site", `--output=${quote(output)}`);
  return ["sh", "-c", command];
}

const rows: Row[] = [];
const emptyConfig = bareConfig(TMP);

console.log(
  `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; measuring with ${hasPython ? "a python3 subreaper wrapper" : "/usr/bin/time -v (CPU of orphaned processes missed)"}`,
);
for (const size of sizes) {
  const dir = path.join(TMP, `build-${size}`);
  const outputs = values["output-dir"] ? path.join(values["output-dir"], `build-${size}`) : dir;
  const t = performance.now();
  const corpus: CorpusSummary = await generateCorpus(dir, { posts: size });
  console.log(
    `\n## ${size} posts: ${corpus.episodes} episodes, ${corpus.words.toLocaleString("en")} words (generated in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const runs = size >= 5000 ? Number(values["big-runs"]) : Number(values.runs);

  if (values.only !== "bare") {
    const output = path.join(outputs, "_site");
    const temporary = values["output-dir"] ? path.join(outputs, "tmp") : undefined;
    if (temporary) mkdirSync(temporary, { recursive: true });
    const samples: Usage[] = [];
    let failed: string | undefined;
    const cardsCache = path.join(outputs, "cards-cache");
    const env = {
      ...(values["node-options"] ? { NODE_OPTIONS: values["node-options"] } : {}),
      ...(temporary ? { TMPDIR: temporary } : {}),
      CARDS_CACHE_DIR: cardsCache,
    };
    if (values.cards === "warm") {
      rmSync(output, { recursive: true, force: true });
      const warmUp = await measure(buildCommand(`${dir}/content`, output), path.join(dir, "full-warm-up.log"), env);
      console.log(`full build filling the cards' cache (not counted): ${report(warmUp)}`);
    }
    for (let run = 1; run <= runs && !failed; run++) {
      rmSync(output, { recursive: true, force: true });
      if (values.cards === "cold") rmSync(cardsCache, { recursive: true, force: true });
      const log = path.join(dir, `full-${run}.log`);
      const prof = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.join(dir, "prof")}`] : [];
      const usage = await measure(buildCommand(`${dir}/content`, output, prof), log, env);
      if (usage.status !== 0) failed = failure(`full build of ${size} posts`, usage, log, output);
      else samples.push(usage);
      console.log(`full build, run ${run}: ${report(usage)}`);
      const index = /Search index: .*/.exec(readFileSync(log, "utf8"));
      if (index && run === 1) console.log(`  ${index[0]}`);
    }
    if (failed) console.log(failed);
    else
      console.log(
        `  feeds: ${["feed.xml", "feed.json", "podcast.xml"].map((feed) => `${feed} ${(statSync(path.join(output, feed)).size / 1e6).toFixed(2)} MB`).join(", ")}`,
      );
    if (!failed) console.log(`  ${cardsReport(path.join(output, "img", "cards"))}`);
    rows.push(
      row(
        size,
        `full: project build (Eleventy + search index), cards ${values.cards}${values["node-options"] ? `, NODE_OPTIONS=${values["node-options"]}` : ""}`,
        samples,
        output,
        failed,
      ),
    );
    if (!failed) rows.push(...(await searchIndexAlone(size, dir, outputs, output, runs, temporary)));
  }

  if (values.only !== "full") {
    const bare = bareInput(dir);
    const output = path.join(outputs, "_bare");
    const samples: Usage[] = [];
    const eleventySamples: Usage[] = [];
    const pagefindSamples: Usage[] = [];
    let failed: string | undefined;
    for (let run = 1; run <= runs && !failed; run++) {
      rmSync(output, { recursive: true, force: true });
      const log = path.join(dir, `bare-${run}.log`);
      const eleventy = await measure(
        [path.join(BIN, "eleventy"), `--input=${bare}`, `--output=${output}`, `--config=${emptyConfig}`],
        log,
      );
      if (eleventy.status !== 0) {
        failed = failure(`bare Eleventy build of ${size} posts`, eleventy, log, output);
        break;
      }
      const pagefind = await measure([path.join(BIN, "pagefind"), "--site", output], `${log}.pagefind`);
      if (pagefind.status !== 0) {
        failed = `Pagefind CLI on the bare build of ${size} posts FAILED (exit ${pagefind.status})\n${tail(`${log}.pagefind`)}`;
        break;
      }
      const sum: Usage = {
        status: 0,
        wall: eleventy.wall + pagefind.wall,
        user: eleventy.user + pagefind.user,
        sys: eleventy.sys + pagefind.sys,
        maxRssKb: Math.max(eleventy.maxRssKb, pagefind.maxRssKb),
        peakSumKb: Math.max(eleventy.peakSumKb, pagefind.peakSumKb),
        peaks: { ...eleventy.peaks, ...pagefind.peaks, eleventy: eleventy.maxRssKb, "pagefind CLI": pagefind.maxRssKb },
        cpuByProcess: { ...eleventy.cpuByProcess, ...pagefind.cpuByProcess },
        tool: eleventy.tool,
      };
      samples.push(sum);
      eleventySamples.push(eleventy);
      pagefindSamples.push(pagefind);
      console.log(
        `bare build, run ${run}: ${report(sum)} (Eleventy ${eleventy.wall.toFixed(1)} s, Pagefind ${pagefind.wall.toFixed(1)} s)`,
      );
    }
    if (failed) console.log(failed);
    const r = row(size, "bare: Eleventy, empty config + Pagefind CLI", samples, output, failed);
    if (samples.length)
      r.steps =
        `Eleventy ${median(eleventySamples.map((u) => u.wall)).toFixed(1)} s wall / ${median(eleventySamples.map((u) => u.user + u.sys)).toFixed(1)} s CPU / ${mbKb(median(eleventySamples.map((u) => u.maxRssKb)))}; ` +
        `Pagefind ${median(pagefindSamples.map((u) => u.wall)).toFixed(1)} s wall / ${median(pagefindSamples.map((u) => u.user + u.sys)).toFixed(1)} s CPU / ${mbKb(median(pagefindSamples.map((u) => u.maxRssKb)))}`;
    rows.push(r);
  }
  if (!values.keep) {
    // Keep the corpus's Markdown for reruns, not the gigabytes of output.
    rmSync(path.join(outputs, "_site"), { recursive: true, force: true });
    rmSync(path.join(outputs, "_bare"), { recursive: true, force: true });
  }
}

/**
 * What the full build's search index costs on its own: one more full build (not measured) keeps
 * its search documents (SEARCH_DOCUMENTS_DIR), then Pagefind's CLI indexes them as the build does,
 * alone on the machine.
 */
async function searchIndexAlone(
  size: number,
  dir: string,
  outputs: string,
  output: string,
  runs: number,
  temporary?: string,
): Promise<Row[]> {
  const documents = path.join(temporary ?? os.tmpdir(), "le-podcast-bench-search-documents");
  rmSync(output, { recursive: true, force: true });
  const log = path.join(dir, "full-documents.log");
  const build = await measure(buildCommand(`${dir}/content`, output), log, {
    SEARCH_DOCUMENTS_DIR: documents,
    CARDS_CACHE_DIR: path.join(outputs, "cards-cache"),
    ...(temporary ? { TMPDIR: temporary } : {}),
  });
  const variant = "search index alone: Pagefind CLI on the full build's search documents";
  if (build.status !== 0)
    return [
      row(
        size,
        variant,
        [],
        output,
        failure(`full build of ${size} posts keeping its search documents`, build, log, output),
      ),
    ];
  const index = path.join(outputs, "_search-alone");
  const samples: Usage[] = [];
  let failed: string | undefined;
  for (let run = 1; run <= runs && !failed; run++) {
    rmSync(index, { recursive: true, force: true });
    const runLog = path.join(dir, `search-alone-${run}.log`);
    const usage = await measure(
      [
        path.join(BIN, "pagefind"),
        "--site",
        documents,
        "--output-path",
        path.join(index, "pagefind"),
        "--force-language",
        "en",
      ],
      runLog,
    );
    if (usage.status !== 0)
      failed = `Pagefind CLI on the search documents of ${size} posts FAILED (exit ${usage.status})\n${tail(runLog)}`;
    else samples.push(usage);
    console.log(`search index alone, run ${run}: ${report(usage)}`);
  }
  if (failed) console.log(failed);
  const results = [row(size, variant, samples, index, failed)];
  for (const shards of values["search-shards"].split(",").filter(Boolean).map(Number)) {
    results.push(await searchIndexInShards(size, dir, documents, index, shards, runs));
  }
  rmSync(documents, { recursive: true, force: true });
  if (!values.keep) rmSync(index, { recursive: true, force: true });
  return results;
}

/**
 * Pagefind's CLI on the same documents split into `shards` folders (hard links), one index each,
 * made one after another as a build would to bound its memory. A post's page and its transcript
 * records (`_transcripts/<the post's path>/…`) share a shard, picked by a hash of the post's path.
 */
async function searchIndexInShards(
  size: number,
  dir: string,
  documents: string,
  index: string,
  shards: number,
  runs: number,
): Promise<Row> {
  const split = `${documents}-in-${shards}`;
  rmSync(split, { recursive: true, force: true });
  for (const entry of readdirSync(documents, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.relative(documents, path.join(entry.parentPath, entry.name));
    const post = path.dirname(file.replace(/^_transcripts\//, ""));
    const shard = createHash("sha256").update(post).digest().readUInt32BE(0) % shards;
    const to = path.join(split, String(shard), file);
    mkdirSync(path.dirname(to), { recursive: true });
    linkSync(path.join(documents, file), to);
  }
  const variant = `search index in ${shards} shards, made one after another`;
  const output = `${index}-in-${shards}`;
  const samples: Usage[] = [];
  let failed: string | undefined;
  for (let run = 1; run <= runs && !failed; run++) {
    rmSync(output, { recursive: true, force: true });
    const parts: Usage[] = [];
    for (let shard = 0; shard < shards && !failed; shard++) {
      const log = path.join(dir, `search-shard-${shard}-of-${shards}.log`);
      const usage = await measure(
        [
          path.join(BIN, "pagefind"),
          "--site",
          path.join(split, String(shard)),
          "--output-path",
          path.join(output, "pagefind", String(shard)),
          "--force-language",
          "en",
        ],
        log,
      );
      if (usage.status !== 0)
        failed = `Pagefind CLI on shard ${shard} of ${shards} FAILED (exit ${usage.status})\n${tail(log)}`;
      parts.push(usage);
    }
    if (failed) break;
    const sum: Usage = {
      ...parts[0]!,
      wall: parts.reduce((total, u) => total + u.wall, 0),
      user: parts.reduce((total, u) => total + u.user, 0),
      sys: parts.reduce((total, u) => total + u.sys, 0),
      maxRssKb: Math.max(...parts.map((u) => u.maxRssKb)),
      peakSumKb: Math.max(...parts.map((u) => u.peakSumKb)),
      peaks: { [`one shard (of ${shards})`]: Math.max(...parts.map((u) => u.maxRssKb)) },
      cpuByProcess: {},
    };
    samples.push(sum);
    console.log(
      `search index in ${shards} shards, run ${run}: ${report(sum)} (shards: ${parts.map((u) => `${u.wall.toFixed(1)} s / ${mbKb(u.maxRssKb)}`).join(", ")})`,
    );
  }
  if (failed) console.log(failed);
  const result = row(size, variant, samples, output, failed);
  rmSync(split, { recursive: true, force: true });
  if (!values.keep) rmSync(output, { recursive: true, force: true });
  return result;
}

/** How many social cards a build wrote, and their bytes: median and total. */
function cardsReport(folder: string): string {
  const sizes = existsSync(folder) ? readdirSync(folder).map((name) => statSync(path.join(folder, name)).size) : [];
  if (!sizes.length) return "social cards: none";
  const total = sizes.reduce((sum, size) => sum + size, 0);
  return `social cards: ${sizes.length}, median ${(median(sizes) / 1000).toFixed(1)} KB (${(Math.min(...sizes) / 1000).toFixed(1)}–${(Math.max(...sizes) / 1000).toFixed(1)} KB), total ${mb(total)}`;
}

function mbKb(kb: number): string {
  return kb >= 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(2)} GB` : `${Math.round(kb / 1024)} MB`;
}

function report(u: Usage): string {
  const peaks = Object.entries(u.peaks)
    .filter(([, kb]) => kb > 50 * 1024)
    .map(([name, kb]) => `${name} ${mbKb(kb)}`)
    .join(", ");
  const cpu = Object.entries(u.cpuByProcess ?? {})
    .filter(([, [user, system]]) => user + system >= 0.1)
    .map(([name, [user, system]]) => `${name} ${user.toFixed(1)} + ${system.toFixed(1)} s`)
    .join(", ");
  return `${u.wall?.toFixed(1)} s wall, ${(u.user + u.sys).toFixed(1)} s CPU (user ${u.user.toFixed(1)} + sys ${u.sys.toFixed(1)}${cpu ? `; ${cpu}` : ""}), max RSS ${mbKb(u.maxRssKb)}${u.peakSumKb ? `, tree ${mbKb(u.peakSumKb)} at once` : ""}${peaks ? ` [${peaks}]` : ""}`;
}

function row(size: number, variant: string, samples: Usage[], output: string, failed?: string): Row {
  const out = samples.length && existsSync(output) ? dirSize(output) : { bytes: 0, files: 0 };
  const pagefindDir = path.join(output, "pagefind");
  const peaks: Record<string, number> = {};
  for (const s of samples)
    for (const [name, kb] of Object.entries(s.peaks)) peaks[name] = Math.max(peaks[name] ?? 0, kb);
  return {
    size,
    variant,
    runs: samples.length,
    wall: samples.length ? median(samples.map((s) => s.wall)) : NaN,
    cpu: samples.length ? median(samples.map((s) => s.user + s.sys)) : NaN,
    maxRssKb: samples.length ? median(samples.map((s) => s.maxRssKb)) : NaN,
    peakSumKb: samples.length ? median(samples.map((s) => s.peakSumKb)) : NaN,
    peaks,
    output: out,
    pagefind: samples.length && existsSync(pagefindDir) ? dirSize(pagefindDir).bytes : 0,
    ...(failed ? { failed: failed.split("\n")[0] } : {}),
  };
}

console.log(
  "\n| posts | build | runs | wall (median) | CPU user+sys | max RSS (one process) | RSS of the tree at once | output | of which pagefind/ |",
);
console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  if (r.failed && !r.runs) {
    console.log(`| ${r.size.toLocaleString("en")} | ${r.variant} | 0 | ${r.failed} | | | | | |`);
    continue;
  }
  console.log(
    `| ${r.size.toLocaleString("en")} | ${r.variant} | ${r.runs} | ${r.wall.toFixed(1)} s | ${r.cpu.toFixed(1)} s | ${mbKb(r.maxRssKb)} | ${r.peakSumKb ? mbKb(r.peakSumKb) : "–"} | ${mb(r.output.bytes)} (${r.output.files.toLocaleString("en")} files) | ${mb(r.pagefind)} |`,
  );
}
for (const r of rows) {
  const peaks = Object.entries(r.peaks)
    .filter(([, kb]) => kb > 50 * 1024)
    .map(([name, kb]) => `${name} ${mbKb(kb)}`)
    .join(", ");
  console.log(
    `- ${r.size.toLocaleString("en")}, ${r.variant}: peak per process: ${peaks || "–"}${r.steps ? `; ${r.steps}` : ""}`,
  );
}

// Growth from the smallest to the largest size, for each build.
if (sizes.length > 1) {
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  console.log(
    `\nGrowth from ${small.toLocaleString("en")} to ${large.toLocaleString("en")} posts (×${large / small}):`,
  );
  for (const variant of new Set(rows.map((r) => r.variant))) {
    const a = rows.find((r) => r.variant === variant && r.size === small);
    const b = rows.find((r) => r.variant === variant && r.size === large);
    if (!a || !b || !a.runs || !b.runs) {
      console.log(`- ${variant}: not measured at both sizes${b?.failed ? ` (${b.failed})` : ""}`);
      continue;
    }
    console.log(
      `- ${variant}: wall ×${(b.wall / a.wall).toFixed(1)}, CPU ×${(b.cpu / a.cpu).toFixed(1)}, max RSS ×${(b.maxRssKb / a.maxRssKb).toFixed(1)}, output ×${(b.output.bytes / a.output.bytes).toFixed(1)}`,
    );
  }
}
