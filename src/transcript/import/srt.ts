/**
 * SubRip reader: numbered cues, `00:00:01,000 --> 00:00:04,000`, text lines
 * starting with `Name: ` (a cue or line without one continues the previous
 * speaker; `- Name: ` dialogue lines split a cue). Pure.
 */
import { parseClock } from "../../text/clock.ts";
import { collapseSpace, excerpt, normalizeInput, speakerLines, speakerRules } from "./text.ts";
import { ImportError, type Cue } from "./types.ts";

const TIMING_RE = /^(\S+)[ \t]+-->[ \t]+(\S+)/;

interface SrtBlock {
  start: number;
  end: number;
  lines: string[];
  /** 1-based line of the first text line. */
  line: number;
}

function readSrtBlocks(input: string): SrtBlock[] {
  const lines = normalizeInput(input).split("\n");
  const blocks: SrtBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
    if (i >= lines.length) break;
    const first = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "") block.push((lines[i++] ?? "").trim());
    const timingIndex = (block[0] ?? "").includes("-->") ? 0 : (block[1] ?? "").includes("-->") ? 1 : -1;
    if (timingIndex < 0) {
      throw new ImportError(
        `line ${first + 1}: expected a cue number and a timing line such as "00:00:01,000 --> 00:00:04,000"; found "${excerpt(block[0] ?? "")}".`,
      );
    }
    const timingLine = first + timingIndex + 1;
    const timing = TIMING_RE.exec(block[timingIndex] ?? "");
    const start = timing ? parseClock(timing[1] ?? "") : null;
    const end = timing ? parseClock(timing[2] ?? "") : null;
    if (start === null || end === null) {
      throw new ImportError(
        `line ${timingLine}: malformed cue timing "${excerpt(block[timingIndex] ?? "")}"; expected "hh:mm:ss,ttt --> hh:mm:ss,ttt".`,
      );
    }
    // SRT styling: <i>, <b>, <u>, <font …> and ASS overrides such as {\an8}.
    const text = block
      .slice(timingIndex + 1)
      .map((l) => l.replace(/<\/?(?:i|b|u|font)\b[^>]*>/gi, "").replace(/\{\\[^}]*\}/g, ""));
    blocks.push({ start, end, lines: text, line: timingLine + 1 });
  }
  return blocks;
}

export function readSrt(input: string): Cue[] {
  const blocks = readSrtBlocks(input);
  const rules = speakerRules(blocks.map((b) => b.lines));
  const cues: Cue[] = [];
  let current: string | null = null;
  for (const block of blocks) {
    for (const part of speakerLines(block.lines, rules)) {
      if (part.speaker !== null) current = part.speaker;
      const said = collapseSpace(part.text);
      if (said.length === 0) continue;
      const line = block.line + part.offset;
      if (current === null) {
        throw new ImportError(
          `line ${line}: cannot tell who says "${excerpt(said)}": start the cue text with "Name: " (no earlier cue names a speaker).`,
        );
      }
      cues.push({ speaker: current, start: block.start, end: block.end, text: said, line });
    }
  }
  return cues;
}
