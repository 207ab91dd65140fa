/** Guesses the format of an input transcript from its content. Pure. */
import { BRACKET_LINE_RE } from "./brackets.ts";
import { OTTER_HEADER_RE } from "./otter.ts";
import { normalizeInput } from "./text.ts";
import type { TranscriptFormat } from "./types.ts";

const SRT_TIMING_RE = /^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]+-->[ \t]+/;

/**
 * In this order:
 * 1. starts with `WEBVTT`: `vtt` when a cue has a `<v …>` voice tag, else `zoom`;
 * 2. has a caption timing line (`00:00:01,000 --> …`): `srt`;
 * 3. at least half of the non-blank lines (and the first one) are `[hh:mm:ss] …`: `brackets`;
 * 4. a `Name  0:00` line followed by a text line: `otter`.
 * Null when none fits.
 */
export function detectFormat(input: string): TranscriptFormat | null {
  const text = normalizeInput(input);
  const lines = text.split("\n");
  if (/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? "")) return /<v[\s.][^>]*>/.test(text) ? "vtt" : "zoom";
  if (lines.some((l) => SRT_TIMING_RE.test(l))) return "srt";
  const nonBlank = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  const bracketLines = nonBlank.filter((l) => BRACKET_LINE_RE.test(l)).length;
  if (nonBlank.length > 0 && BRACKET_LINE_RE.test(nonBlank[0] ?? "") && bracketLines * 2 >= nonBlank.length)
    return "brackets";
  const otter = lines.some(
    (l, i) =>
      OTTER_HEADER_RE.test(l.trim()) &&
      (lines[i + 1] ?? "").trim().length > 0 &&
      !OTTER_HEADER_RE.test((lines[i + 1] ?? "").trim()),
  );
  if (otter) return "otter";
  return null;
}
