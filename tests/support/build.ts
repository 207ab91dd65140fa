import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";
import { indexSearchDocuments } from "../../src/search/index-documents.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * A copy of the project's content in a temporary folder, laid out like the project
 * (content/ beside layouts/), so a test can add or break files without touching the real ones.
 */
export function tempProject(prefix: string): { root: string; input: string; output: string; remove(): void } {
  // Inside the project: Eleventy resolves directory data and ignores relative to the working directory.
  mkdirSync(path.join(ROOT, "tests/.tmp"), { recursive: true });
  const root = path.relative(ROOT, mkdtempSync(path.join(ROOT, "tests/.tmp", `${prefix}-`)));
  copyProject(root);
  return { root, ...projectPaths(root), remove: () => removeFolder(root) };
}

/** Where a test project under `root` (relative to the project's root) has its content and its output. */
export function projectPaths(root: string): { input: string; output: string } {
  return { input: path.join(root, "content"), output: path.join(root, "_site") };
}

/** Lays out a copy of the project's content in the empty or missing folder `root`: content/ copied, layouts/ linked, an empty _site/. */
export function copyProject(root: string): void {
  mkdirSync(root, { recursive: true });
  cpSync(path.join(ROOT, "content"), path.join(root, "content"), { recursive: true });
  symlinkSync(path.join(ROOT, "layouts"), path.join(root, "layouts"));
  mkdirSync(path.join(root, "_site"));
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/** What `npm run build` does, in this process: the project's real Eleventy configuration on `input`, writing to `output`, then the search index. */
export async function buildSite(input: string, output: string, env: Record<string, string> = {}): Promise<void> {
  // The build reads its settings (PATH_PREFIX, CARDS_CACHE_DIR…) from the environment: set for this build only.
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const { default: Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy(input, output, { configPath: path.join(ROOT, ".eleventy.ts"), quietMode: true });
    await eleventy.write();
    await indexSearchDocuments(output);
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * `npm run build`'s two commands, each in a process of its own as they are: to build again what
 * was built before, since Eleventy caches what it read within a process. `env` is added to the
 * environment.
 */
export function buildSiteInChild(input: string, output: string, env: Record<string, string> = {}): void {
  for (const command of [
    ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--input=${input}`],
    ["scripts/search-index.ts"],
  ]) {
    const run = spawnSync(process.execPath, ["--import", "tsx", ...command, `--output=${output}`], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    if (run.status !== 0) throw new Error(`${command[0]} failed (exit ${run.status}):\n${run.stderr}`);
  }
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

export function readDocument(file: string): Document {
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

/** Text as a reader sees it: one space between words, whatever the markup or the source's line breaks. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** What `watchSite`'s process prints once its watcher has made its first scan (tests/support/watcher-under-test.ts). */
const WATCHER_READY = /^\[test\] watcher ready$/m;

/**
 * `npm start`'s build loop (Eleventy's watch mode, without the server) on a temporary project, run
 * as `npm start` runs it (`node --import tsx`); `env` is added to the environment.
 */
export function watchSite(input: string, output: string, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      pathToFileURL(path.join(ROOT, "tests/support/watcher-under-test.ts")).href,
      path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--config=.eleventy.ts",
      `--input=${input}`,
      `--output=${output}`,
      "--watch",
      "--incremental",
    ],
    // A process group of its own, which it ends when its standard input closes (watcher-under-test.ts).
    { cwd: ROOT, env: { ...process.env, ...env }, detached: true },
  );
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  /**
   * Waits until `predicate` holds, looking every 50 ms: for a state of the build, however long a
   * busy machine takes to get there, up to `timeout` ms, or until the process ends.
   */
  const waitFor = async (predicate: () => boolean, what: string, timeout = 180_000): Promise<void> => {
    const deadline = Date.now() + timeout;
    while (!predicate()) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the watcher ended (${child.exitCode ?? child.signalCode}) before ${what}; output:\n${log}`);
      if (Date.now() > deadline)
        throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}; output:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    child,
    log: () => log,
    waitFor,
    /** Resolves once the watcher has made its first scan of the files: an edit saved from then on is seen (Eleventy prints "Watching…" before). */
    waitForWatcher: () => waitFor(() => WATCHER_READY.test(log), "the watcher's first scan of the files"),
    /** Stops the watcher, and the Pagefind it may be running, and waits until it has exited, so its folder can be removed. */
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          child.kill();
        }
      }),
  };
}
