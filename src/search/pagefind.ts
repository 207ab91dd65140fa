import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The `pagefind` package's own command: it finds the binary for this platform and runs it.
const PAGEFIND = fileURLToPath(new URL("./runner/bin.cjs", import.meta.resolve("pagefind")));

/**
 * Indexes the `documents` HTML files of `source` with Pagefind's CLI and writes the index into
 * `outputPath`, replacing what an earlier build wrote there. The CLI parses and writes on every
 * core, where Pagefind's Node API adds documents one at a time and took twice as long
 * (docs/benchmarks-history.md, "Build, with Pagefind's CLI"). Fails, with Pagefind's output, if it fails or indexes another number of
 * pages than it was given.
 */
export async function writeSearchIndex(source: string, documents: number, outputPath: string, language: string): Promise<void> {
  // Pagefind's file names change with the content: without this, old ones would pile up.
  rmSync(outputPath, { recursive: true, force: true });
  // Absolute: Pagefind runs in another folder.
  const args = [PAGEFIND, "--site", path.resolve(source), "--output-path", path.resolve(outputPath), "--force-language", language];
  // Run from the source folder, so that no Pagefind configuration file of the project applies.
  const child = spawn(process.execPath, args, { cwd: source, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (output += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (output += text));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`Pagefind could not index ${source} (exit code ${code}):\n${output.trim()}`);
  const indexed = Number(/Indexed (\d+) pages?\b/.exec(output)?.[1]);
  if (indexed !== documents) throw new Error(`Pagefind indexed ${Number.isNaN(indexed) ? "an unknown number of" : indexed} pages of the ${documents} search documents in ${source}:\n${output.trim()}`);
}
