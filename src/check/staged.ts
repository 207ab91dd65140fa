import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Runs `use` on a copy of the content folder as the next commit will hold it (git's index), not
 * as the working tree does: a post staged without its new image must fail the pre-commit hook,
 * as it fails CI. `use` gets the folder that holds the copy's `content/`; the copy is removed after.
 */
export function withStagedContent<T>(repository: string, content: string, use: (root: string) => T): T {
  const root = mkdtempSync(path.join(tmpdir(), "le-podcast-staged-"));
  try {
    const git = (args: string[], input?: string) => {
      const run = spawnSync("git", args, { cwd: repository, input, encoding: "utf8", maxBuffer: 1 << 30 });
      if (run.status !== 0)
        throw new Error(`git ${args.join(" ")} failed: ${(run.stderr || run.error?.message || "").trim()}`);
      return run.stdout;
    };
    const files = git(["ls-files", "-z", "--", content]);
    if (files) git(["checkout-index", "-z", "--stdin", `--prefix=${root}${path.sep}`], files);
    return use(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
