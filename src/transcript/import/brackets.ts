/**
 * Timestamped lines reader: one `[hh:mm:ss] Speaker: text` per line
 * (`[mm:ss]`, `[h:mm:ss]` and a fraction `[00:01:02.500]` too). A line with a
 * timestamp but no `Speaker:` continues the previous speaker; a line without
 * a timestamp continues the previous line (wrapped text). Pure.
 */
import { parseClock } from "../../text/clock.ts";
import { collapseSpace, excerpt, normalizeInput, speakerRules, splitSpeaker } from "./text.ts";
import { ImportError, type Cue } from "./types.ts";

export const BRACKET_LINE_RE = /^\[((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\][ \t]*(.*)$/;

export function readBrackets(input: string): Cue[] {
  const cues: Cue[] = [];
  let current: string | null = null;
  const lines = normalizeInput(input).split("\n");
  const { lowercase } = speakerRules(lines.map((l) => [BRACKET_LINE_RE.exec(l.trim())?.[2] ?? ""]));
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    const m = BRACKET_LINE_RE.exec(line);
    const last = cues[cues.length - 1];
    if (!m) {
      if (!last) {
        throw new ImportError(`line ${i + 1}: expected "[hh:mm:ss] Speaker: text"; found "${excerpt(line)}".`);
      }
      last.text = collapseSpace(`${last.text} ${line}`);
      return;
    }
    const start = parseClock(m[1] ?? "");
    if (start === null) {
      throw new ImportError(`line ${i + 1}: malformed timestamp "[${m[1]}]"; minutes and seconds must be 00-59.`);
    }
    const rest = m[2] ?? "";
    const named = splitSpeaker(rest, lowercase);
    if (named) current = named.speaker;
    const text = collapseSpace(named ? named.text : rest);
    if (current === null) {
      throw new ImportError(
        `line ${i + 1}: cannot tell who speaks in "${excerpt(line)}": write "[hh:mm:ss] Speaker: text".`,
      );
    }
    cues.push({ speaker: current, start, text, line: i + 1 });
  });
  return cues.filter((cue) => cue.text.length > 0);
}
