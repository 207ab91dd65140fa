import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import { parseTranscript, turnText, type ParsedTranscript } from "../../src/transcript/parse.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const POSTS = path.join(ROOT, "content/posts");
export const MARIA = "2024-06-09-exploring-leadership-and-open-source-with-maria-bracho";

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, "tests/transcript-import/fixtures", name), "utf8");
}

/** Parses a whole `transcript.md` (front matter + body) the way the site does. */
export function parseMarkdown(
  markdown: string,
  file = "transcript.md",
): ParsedTranscript & { speakers: Record<string, string>; heading: unknown } {
  const { data, body, bodyLine } = readFrontMatter(markdown);
  const speakers = data.speakers as Record<string, string>;
  return { ...parseTranscript(body, { file, firstLine: bodyLine, speakers }), speakers, heading: data.heading };
}

/** Episode folders that have a transcript. */
export function episodesWithTranscript(): string[] {
  return readdirSync(POSTS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(POSTS, e.name, "transcript.md")))
    .map((e) => e.name)
    .sort();
}

export function readEpisodeTranscript(folder: string): ParsedTranscript {
  const file = path.join(POSTS, folder, "transcript.md");
  return parseMarkdown(readFileSync(file, "utf8"), file);
}

/** Whitespace-separated words (marks are already out of `turnText`). */
export const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

/** Each turn as [speaker full name, explicit start mark, paragraphs]. */
export function turnsOf(
  t: ParsedTranscript,
): { speaker: string; start: number | null; paragraphs: string[]; text: string }[] {
  return t.turns.map((turn) => ({
    speaker: turn.speaker,
    start: turn.start,
    paragraphs: turnText(turn).split("\n"),
    text: turnText(turn),
  }));
}
