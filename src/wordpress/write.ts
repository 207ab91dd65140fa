/**
 * Writes a planned import into the content folder without losing anybody's work. A manifest
 * (`.wordpress-import.json`) records the hash of every file the import wrote: a file whose bytes
 * still match was not touched since and may be replaced; any other existing file (edited by the
 * author, or never written by the import) is kept unless `force` is set. Writing the same plan
 * twice changes nothing.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PlannedFile } from "./post.ts";

export const MANIFEST_FILE = ".wordpress-import.json";

export interface WriteOutcome {
  written: string[];
  updated: string[];
  unchanged: string[];
  /** Files that exist and were edited since the import wrote them, or that it never wrote: kept. */
  kept: string[];
  /** Files replaced although edited, because of `force`. */
  forced: string[];
}

interface Manifest {
  files: Record<string, string>;
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

function readManifest(file: string): Manifest {
  if (!existsSync(file)) return { files: {} };
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    return { files: { ...data.files } };
  } catch (error) {
    throw new Error(`${file}: not the import's manifest (${(error as Error).message}); remove it to import again`);
  }
}

/** The absolute path of a planned file, which must stay inside the content folder. */
export function targetPath(contentDir: string, relative: string): string {
  const root = path.resolve(contentDir);
  const target = path.resolve(root, relative);
  if (!target.startsWith(root + path.sep))
    throw new Error(`refusing to write ${relative}: it is outside ${contentDir}`);
  return target;
}

/** The bytes of a planned file: its text, or the image it copies. */
function bytesOf(file: PlannedFile): Buffer {
  return file.copyFrom !== undefined ? readFileSync(file.copyFrom) : Buffer.from(file.text ?? "", "utf8");
}

export function writePlan(
  files: readonly PlannedFile[],
  contentDir: string,
  options: { force: boolean; dryRun: boolean },
): WriteOutcome {
  const manifestFile = path.join(contentDir, MANIFEST_FILE);
  const manifest = readManifest(manifestFile);
  const outcome: WriteOutcome = { written: [], updated: [], unchanged: [], kept: [], forced: [] };
  const next: Record<string, string> = { ...manifest.files };
  for (const file of files) {
    const target = targetPath(contentDir, file.path);
    const bytes = bytesOf(file);
    const hash = sha256(bytes);
    const current = existsSync(target) ? sha256(readFileSync(target)) : null;
    if (current === hash) {
      outcome.unchanged.push(file.path);
      next[file.path] = hash;
      continue;
    }
    const ours = current === null || manifest.files[file.path] === current;
    if (!ours && !options.force) {
      outcome.kept.push(file.path);
      continue;
    }
    (current === null ? outcome.written : ours ? outcome.updated : outcome.forced).push(file.path);
    next[file.path] = hash;
    if (options.dryRun) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  const text = `${JSON.stringify({ files: sorted }, null, 2)}\n`;
  if (!options.dryRun && (!existsSync(manifestFile) || readFileSync(manifestFile, "utf8") !== text))
    writeFileSync(manifestFile, text);
  return outcome;
}
