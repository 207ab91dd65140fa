/**
 * Imports a transcript from a recording or captioning tool into an episode's `transcript.md`.
 *
 *   npm run transcript:import -- <file> --episode <slug> [--format vtt|zoom|srt|otter|brackets] [--force]
 *
 * Options: --content <dir> (default: the project's `content`), --help.
 * Exit code 0 when the file is written, 1 on any error (nothing is written then).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { decodeUtf8, NotUtf8Error, readUtf8File } from "../src/files/utf8.ts";
import { readFrontMatter } from "../src/markdown/front-matter.ts";
import { formatTime } from "../src/text/clock.ts";
import { parseTranscript } from "../src/transcript/parse.ts";
import { FORMAT_NAMES, FORMATS, ImportError, importTranscript, isFormat } from "../src/transcript/import/index.ts";
import { callerDir, CliError, fail, projectRoot, runCli, shown } from "./cli.ts";

const NAME = "transcript:import";
const USAGE = `Usage: npm run ${NAME} -- <file> --episode <slug> [--format ${FORMATS.join("|")}] [--force] [--content <dir>]

Writes content/posts/<date>-<slug>/transcript.md from a transcript or caption file.
  <file>             the file exported by the recording tool
  --episode, -e      the episode's slug, or its whole folder name (2024-06-09-my-episode)
  --format, -f       the file's format, when detection guesses wrong:
${FORMATS.map((f) => `                       ${f.padEnd(9)} ${FORMAT_NAMES[f]}`).join("\n")}
  --force            overwrite an existing transcript.md
  --content <dir>    the content folder (default: content)
  --help, -h         this help`;

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === "ENOENT" ? `input file not found: ${file}` : `cannot read ${file}: ${(error as Error).message}`,
    );
  }
  // Some Windows tools save captions as UTF-16 with a byte order mark; anything else is UTF-8.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  return utf8OrFail(() => decodeUtf8(bytes, shown(file)));
}

/** A file's text, or the command's error saying where it is not UTF-8. */
function utf8OrFail(read: () => string): string {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotUtf8Error) return fail(error.message);
    throw error;
  }
}

/** The episode folder for a slug or a whole folder name. */
function findEpisode(contentDir: string, episode: string): string {
  const postsDir = path.join(contentDir, "posts");
  if (!existsSync(postsDir) || !statSync(postsDir).isDirectory())
    fail(`no posts folder at ${shown(postsDir)} (--content is ${shown(contentDir)})`);
  const wanted = path.basename(episode.trim().replace(/[\\/]+$/, ""));
  if (wanted.length === 0)
    fail(
      "--episode is empty: give the episode's slug, e.g. --episode exploring-leadership-and-open-source-with-maria-bracho",
    );
  const entries = readdirSync(postsDir, { withFileTypes: true });
  const slugOf = (name: string): string => name.replace(/^\d{4}-\d{2}-\d{2}-/, "");
  const matches = entries.filter((e) => {
    const name = e.isDirectory() ? e.name : e.name.replace(/\.md$/, "");
    return name === wanted || slugOf(name) === wanted;
  });
  if (matches.length === 0) {
    const near = entries
      .filter((e) => e.isDirectory() && (e.name.includes(wanted) || wanted.includes(slugOf(e.name))))
      .map((e) => e.name)
      .slice(0, 5);
    fail(
      `episode "${wanted}" not found: no folder ${shown(path.join(postsDir, wanted))} or ${shown(path.join(postsDir, `YYYY-MM-DD-${wanted}`))}.` +
        (near.length > 0 ? ` Did you mean: ${near.join(", ")}?` : " Check the slug (the folder name after its date)."),
    );
  }
  const folders = matches.filter((e) => e.isDirectory());
  if (folders.length > 1) {
    fail(`episode "${wanted}" is ambiguous: ${folders.map((e) => e.name).join(", ")}. Give the whole folder name.`);
  }
  const folder = folders[0];
  if (!folder) {
    const file = matches[0]?.name ?? wanted;
    return fail(
      `"${wanted}" is the single-file post ${shown(path.join(postsDir, file))}, not an episode folder. ` +
        `A transcript lives beside the episode's index.md in content/posts/<date>-<slug>/.`,
    );
  }
  const dir = path.join(postsDir, folder.name);
  if (!existsSync(path.join(dir, "index.md")))
    fail(`${shown(dir)} has no index.md: an episode folder holds the episode's index.md and its transcript.md.`);
  return dir;
}

/** Host and guest names from the episode's front matter. */
function episodePeople(indexFile: string): { kind: unknown; people: string[] } {
  const { data } = readFrontMatter(utf8OrFail(() => readUtf8File(indexFile, shown(indexFile))));
  const nameOf = (person: unknown): string | null => {
    const name = person && typeof person === "object" ? (person as { name?: unknown }).name : undefined;
    return typeof name === "string" && name.trim().length > 0 ? name.trim() : null;
  };
  const guests = Array.isArray(data.guests) ? data.guests : [];
  const people = [nameOf(data.host), ...guests.map(nameOf)].filter((n): n is string => n !== null);
  return { kind: data.kind, people };
}

const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/** A host or guest the author probably meant, for a name found in the file. */
function suggestion(name: string, people: string[]): string | null {
  const same = people.filter((p) => fold(p) === fold(name));
  if (same.length === 1) return same[0] ?? null;
  const firstWord = (s: string): string => fold(s).split(" ")[0] ?? "";
  const sameFirst = people.filter((p) => firstWord(p) === firstWord(name));
  if (sameFirst.length === 1) return sameFirst[0] ?? null;
  const contained = people.filter((p) => fold(name).includes(fold(p)));
  return contained.length === 1 ? (contained[0] ?? null) : null;
}

function main(argv: string[]): void {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    if (error instanceof CliError) throw error;
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) {
    fail(
      `${positionals.length === 0 ? "no input file given" : `one input file expected, got ${positionals.length}: ${positionals.join(", ")}`}\n\n${USAGE}`,
    );
  }
  if (values.episode === undefined) fail(`--episode is required\n\n${USAGE}`);
  const format = values.format;
  if (format !== undefined && !isFormat(format)) fail(`unknown --format "${format}": use one of ${FORMATS.join(", ")}`);

  const input = path.resolve(callerDir, positionals[0] ?? "");
  const contentDir =
    values.content !== undefined ? path.resolve(callerDir, values.content) : path.join(projectRoot, "content");
  const dir = findEpisode(contentDir, values.episode ?? "");
  const target = path.join(dir, "transcript.md");
  if (existsSync(target) && !values.force) fail(`${shown(target)} already exists. Use --force to overwrite it.`);
  const { kind, people } = episodePeople(path.join(dir, "index.md"));

  let result: ReturnType<typeof importTranscript>;
  try {
    result = importTranscript(readText(input), format !== undefined && isFormat(format) ? { format } : {});
  } catch (error) {
    if (error instanceof ImportError) fail(`${shown(input)}: ${error.message}`);
    throw error;
  }

  // The written file must read back cleanly: check it before writing.
  const relative = shown(target);
  const written = readFrontMatter(result.markdown);
  const check = parseTranscript(written.body, {
    file: relative,
    firstLine: written.bodyLine,
    speakers: result.speakers,
  });
  const errors = check.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0)
    fail(
      `the imported transcript does not read back cleanly (this is a bug in the importer):\n${errors.map((d) => `  ${d.message}`).join("\n")}`,
    );

  writeFileSync(target, result.markdown, { encoding: "utf8", flag: values.force ? "w" : "wx" });

  const warn = (message: string): void => console.error(`${NAME}: warning: ${message}`);
  for (const w of result.warnings) warn(w);
  for (const d of check.diagnostics) warn(d.message);
  if (kind !== "episode")
    warn(
      `${shown(path.join(dir, "index.md"))} has kind: ${String(kind ?? "(none)")}; the site shows transcripts for kind: episode only.`,
    );
  const indexFile = shown(path.join(dir, "index.md"));
  for (const [label, name] of Object.entries(result.speakers)) {
    if (people.includes(name)) continue;
    const guess = suggestion(name, people);
    warn(
      `speaker "${name}" (label ${label}) is neither the host nor a guest in ${indexFile} (${people.join(", ") || "nobody declared"}). ` +
        (guess
          ? `If this is ${guess}, change the name under "speakers:" in ${relative} to "${guess}"; otherwise add the guest to ${indexFile}.`
          : `Add the guest to ${indexFile} or fix the name under "speakers:" in ${relative}.`) +
        ` The site build rejects people who are not declared.`,
    );
  }

  const names = Object.values(result.speakers);
  console.log(
    `Wrote ${relative}: ${result.turns.length} turn${result.turns.length === 1 ? "" : "s"}, ` +
      `${names.length} speaker${names.length === 1 ? "" : "s"} (${names.join(", ")}), ${formatTime(result.duration)} long ` +
      `(from ${shown(input)}, ${FORMAT_NAMES[result.format]}${format === undefined ? ", detected" : ""}).`,
  );
}

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      episode: { type: "string", short: "e" },
      format: { type: "string", short: "f" },
      force: { type: "boolean", default: false },
      content: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

runCli(NAME, main);
