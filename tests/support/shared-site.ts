/**
 * Builds that several test files read and none writes into, made once per `npm test`.
 *
 * Under `npm test` the runner (tests/run.ts) makes each shared build that the test files it runs
 * ask for, once, as the run starts, into a folder of this run under tests/.tmp/ that it removes at
 * the end; a file that reads one waits until it is made (`build()`), instead of building the same
 * site again. Nothing is kept from one run to the next: a run never reads a build of other sources.
 * A build that fails fails every file that reads it, with the build's error. Run on its own
 * (`node --import tsx --test tests/build/site.test.ts`), or by a runner that did not make it, a
 * file makes the build itself, into a folder of its own, as any other build of the tests.
 *
 * A build is shared only by files that read it: each file checks when it is done (`release()`)
 * that every file of the build, content and output, is still there with the same bytes and that
 * none was added, and fails if not, so that no file's result can depend on what another wrote.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSite, copyProject, listFiles, projectPaths, ROOT, tempProject } from "./build.ts";
import { addPublishingFixtures } from "./fixtures.ts";
import { addFrenchFixtures } from "./french.ts";

/** The shared builds: the project's real content, with what each adds to it, built with the default settings. */
export const SHARED_SITES = {
  /** content/ as it is. */
  content: async (_input: string): Promise<void> => {},
  /** content/ and the publishing fixtures (tests/support/fixtures.ts). */
  publishing: addPublishingFixtures,
  /** content/ and the French fixtures (tests/support/french.ts). */
  french: async (input: string): Promise<void> => addFrenchFixtures(input),
} satisfies Record<string, (input: string) => Promise<void>>;

export type SharedSiteName = keyof typeof SHARED_SITES;

/** Set by tests/run.ts for the test files: the folder of this run's shared builds, relative to the project. */
export const SHARED_SITES_DIR = "TESTS_SHARED_SITES_DIR";
/** Set by tests/run.ts: the shared builds it makes, by name, separated by commas. */
export const SHARED_SITES_MADE = "TESTS_SHARED_SITES";
/** Set by tests/run.ts: its process id, to tell a build still being made from one its maker left. */
export const SHARED_SITES_RUNNER = "TESTS_SHARED_SITES_RUNNER";

/** Marks a build as made, with the fingerprint of its output; the build's error when it failed. */
const BUILT = "built.json";
const FAILED = "failed.txt";

/** The files of the build in `root` (its copy of the content and its output) and a hash of each's bytes, by path. */
function fingerprint(root: string): Record<string, string> {
  return Object.fromEntries(
    Object.values(projectPaths(path.resolve(ROOT, root))).flatMap((folder) =>
      listFiles(folder)
        .sort()
        .map((file) => [
          path.join(path.basename(folder), file),
          createHash("sha256")
            .update(readFileSync(path.join(folder, file)))
            .digest("hex"),
        ]),
    ),
  );
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/**
 * Makes the shared build `name` in `root` (the runner does, for each build its files ask for), and
 * marks it built or failed for the files waiting for it. Rejects with the build's error.
 */
export async function makeSharedSite(name: SharedSiteName, root: string): Promise<void> {
  const { input, output } = projectPaths(root);
  try {
    copyProject(root);
    await SHARED_SITES[name](input);
    await buildSite(input, output);
    writeAtomically(path.join(ROOT, root, BUILT), JSON.stringify(fingerprint(root)));
  } catch (error) {
    const causes: string[] = [];
    // Eleventy wraps the error that stopped it as `originalError`.
    for (
      let e: unknown = error;
      e !== undefined && causes.length < 10;
      e = e instanceof Error ? (e.cause ?? (e as { originalError?: unknown }).originalError) : undefined
    )
      causes.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    writeAtomically(path.join(ROOT, root, FAILED), causes.join("\nCaused by: "));
    throw error;
  }
}

/** Whether process `pid` is running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Waits until the runner has made the build in `root`; rejects with its error if it failed. */
async function waitForSharedSite(name: SharedSiteName, root: string): Promise<void> {
  root = path.resolve(ROOT, root);
  const runner = Number(process.env[SHARED_SITES_RUNNER]);
  for (;;) {
    if (existsSync(path.join(root, BUILT))) return;
    if (existsSync(path.join(root, FAILED)))
      throw new Error(
        `The shared build "${name}" (tests/support/shared-site.ts) failed:\n${readFileSync(path.join(root, FAILED), "utf8")}`,
      );
    if (runner && !isRunning(runner))
      throw new Error(`The runner (pid ${runner}) ended before it made the shared build "${name}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The build `name` for a test file that only reads it: its `input` and `output` (relative to the
 * project, as `tempProject` gives them), `build()` to call in `before`, which resolves once the
 * output is there, and `release()` to call in `after`, which checks that the output is as built.
 */
export function sharedSite(name: SharedSiteName): {
  input: string;
  output: string;
  build(): Promise<void>;
  release(): void;
} {
  const dir = process.env[SHARED_SITES_DIR];
  if (dir && (process.env[SHARED_SITES_MADE] ?? "").split(",").includes(name)) {
    const root = path.join(dir, name);
    return {
      ...projectPaths(root),
      build: () => waitForSharedSite(name, root),
      release() {
        if (!existsSync(path.join(ROOT, root, BUILT))) return;
        const built = JSON.parse(readFileSync(path.join(ROOT, root, BUILT), "utf8")) as Record<string, string>;
        const now = fingerprint(root);
        const changed = [...new Set([...Object.keys(built), ...Object.keys(now)])]
          .filter((file) => built[file] !== now[file])
          .sort();
        if (changed.length)
          throw new Error(
            `The shared build "${name}" is read-only, but these files of it were changed, added or removed during the run (a test that writes into its content or output needs a build of its own):\n${changed.join("\n")}`,
          );
      },
    };
  }
  const project = tempProject(`shared-${name}`);
  return {
    input: project.input,
    output: project.output,
    build: async () => {
      await SHARED_SITES[name](project.input);
      await buildSite(project.input, project.output);
    },
    release: () => project.remove(),
  };
}
