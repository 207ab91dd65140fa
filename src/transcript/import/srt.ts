/** SubRip reader: numbered cues, `00:00:01,000 --> 00:00:04,000`, text starting with `Name: `. Pure. */
import { collapseSpace, excerpt, normalizeInput, parseClock, speakerLines } from "./text.ts";
import { ImportError, type Cue } from "./types.ts";

const TIMING_RE = /^(\S+)[ \t]+-->[ \t]+(\S+)/;

export function readSrt(input: string): Cue[] {
  const lines = normalizeInput(input).split("\n");
  const cues: Cue[] = [];
  let current: string | null = null;
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
    if (i >= lines.length) break;
    const first = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "") block.push((lines[i++] ?? "").trim());
    const timingIndex = (block[0] ?? "").includes("-->") ? 0 : (block[1] ?? "").includes("-->") ? 1 : -1;
    if (timingIndex < 0) {
      throw new ImportError(`line ${first + 1}: expected a cue number and a timing line such as "00:00:01,000 --> 00:00:04,000"; found "${excerpt(block[0] ?? "")}".`);
    }
    const timingLine = first + timingIndex + 1;
    const timing = TIMING_RE.exec(block[timingIndex] ?? "");
    const start = timing ? parseClock(timing[1] ?? "") : null;
    const end = timing ? parseClock(timing[2] ?? "") : null;
    if (start === null || end === null) {
      throw new ImportError(`line ${timingLine}: malformed cue timing "${excerpt(block[timingIndex] ?? "")}"; expected "hh:mm:ss,ttt --> hh:mm:ss,ttt".`);
    }
    // SRT styling: <i>, <b>, <u>, <font …> and ASS overrides such as {\an8}.
    const text = block.slice(timingIndex + 1).map((l) => l.replace(/<\/?(?:i|b|u|font)\b[^>]*>/gi, "").replace(/\{\\[^}]*\}/g, ""));
    for (const part of speakerLines(text)) {
      if (part.speaker !== null) current = part.speaker;
      const said = collapseSpace(part.text);
      if (said.length === 0) continue;
      const line = timingLine + 1 + part.offset;
      if (current === null) {
        throw new ImportError(`line ${line}: cannot tell who says "${excerpt(said)}": start the cue text with "Name: " (no earlier cue names a speaker).`);
      }
      cues.push({ speaker: current, start, end, text: said, line });
    }
  }
  return cues;
}
