/**
 * Loaded (`--import`) into `npm start`'s build loop as the tests run it (`watchSite` in build.ts),
 * a process that leads a process group of its own:
 *
 * - it prints "[test] watcher ready" once Eleventy's file watcher has made its first scan of the
 *   files, from when an edit is seen. Eleventy prints "Watching…" before that, and an edit saved in
 *   between is missed: a test waits for this line rather than for a while. Eleventy loads the
 *   watcher from this package with `import()`, which gives the same `module.exports` as `require`;
 * - it ends its whole group (itself and the Pagefind it may be running, which would go on writing
 *   into a folder the test is removing) when its standard input closes: when the test stops it, or
 *   when the test's process ends in any way, so that no watcher outlives its test.
 */
import { createRequire } from "node:module";
import path from "node:path";

type Watcher = { once(event: "ready", listener: () => void): unknown };
const fromEleventy = createRequire(
  path.resolve(import.meta.dirname, "../../node_modules/@11ty/eleventy/src/Eleventy.js"),
);
const chokidar = fromEleventy("@11ty/chokidar-with-glob-support") as { watch: (...args: unknown[]) => Watcher };
const watch = chokidar.watch;
chokidar.watch = (...args: unknown[]) => {
  const watcher = watch(...args);
  watcher.once("ready", () => console.log("[test] watcher ready"));
  return watcher;
};

process.stdin.on("end", () => process.kill(-process.pid, "SIGTERM"));
process.stdin.resume();
