/**
 * Otter.ai text export reader:
 *
 *     Alexis Monville  0:03
 *     Welcome to the show.
 *
 *     Maria Bracho  0:12
 *     Thanks for having me.
 *
 * A header line is the speaker's name, two or more spaces and a time (`m:ss`,
 * `mm:ss` or `h:mm:ss`); the lines below it, up to the next header, are what
 * that speaker said, one paragraph per line. Otter's trailer
 * "Transcribed by https://otter.ai" is ignored. Pure.
 */
import { parseClock } from "../../text/clock.ts";
import { collapseSpace, excerpt, normalizeInput } from "./text.ts";
import { ImportError, type Cue } from "./types.ts";

export const OTTER_HEADER_RE = /^(\S.*?)[ \t]{2,}((?:\d+:)?\d{1,2}:\d{2})[ \t]*$/;
const OTTER_TRAILER_RE = /^Transcribed by\s+https?:\/\/(?:www\.)?otter\.ai\/?\s*$/i;

export function readOtter(input: string): Cue[] {
  const lines = normalizeInput(input).split("\n");
  const cues: Cue[] = [];
  let current: { cue: Cue; lines: string[] } | null = null;
  const flush = (): void => {
    if (current && current.lines.length > 0) cues.push({ ...current.cue, text: current.lines.join("\n") });
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0 || OTTER_TRAILER_RE.test(line)) return;
    const header = OTTER_HEADER_RE.exec(line);
    const start = header ? parseClock(header[2] ?? "") : null;
    if (header && start !== null) {
      flush();
      current = { cue: { speaker: collapseSpace(header[1] ?? ""), start, text: "", line: i + 1 }, lines: [] };
      return;
    }
    if (!current) {
      throw new ImportError(
        `line ${i + 1}: text before the first speaker line ("${excerpt(line)}"). An Otter export starts each block with "Name  0:00" (name, two spaces, time); remove this line or add a speaker line above it.`,
      );
    }
    current.lines.push(collapseSpace(line));
  });
  flush();
  return cues;
}
