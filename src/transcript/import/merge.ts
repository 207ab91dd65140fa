/** Cues → speaker turns. Pure. */
import { countWords } from "../parse.ts";
import { collapseSpace } from "./text.ts";
import type { Cue, ImportedTurn } from "./types.ts";

export interface MergeOptions {
  /**
   * `join` (captions, bracket lines): the texts of a speaker's consecutive
   * cues are joined with a space into one paragraph.
   * `lines` (Otter): every line of every block is its own paragraph.
   */
  paragraphs: "join" | "lines";
}

/**
 * Merges consecutive cues of the same speaker (exact name) into one turn that
 * starts at its first cue's start. Cues without any letter or digit (`♪`,
 * `...`) are left out, so they neither split a turn nor make an empty one.
 * Starts never go backwards: a turn starting before the previous one gets the
 * previous one's start (see `backwardCues`).
 */
export function mergeTurns(cues: readonly Cue[], options: MergeOptions = { paragraphs: "join" }): ImportedTurn[] {
  const turns: ImportedTurn[] = [];
  for (const cue of cues) {
    if (countWords(cue.text) === 0) continue;
    const paragraphs =
      options.paragraphs === "lines"
        ? cue.text
            .split("\n")
            .map(collapseSpace)
            .filter((p) => p.length > 0)
        : [collapseSpace(cue.text)];
    const last = turns[turns.length - 1];
    if (last && last.speaker === cue.speaker) {
      if (options.paragraphs === "join") last.paragraphs[last.paragraphs.length - 1] += ` ${paragraphs.join(" ")}`;
      else last.paragraphs.push(...paragraphs);
      if (cue.end !== undefined) last.end = Math.max(last.end ?? cue.end, cue.end);
      continue;
    }
    const turn: ImportedTurn = { speaker: cue.speaker, start: Math.max(cue.start, last?.start ?? 0), paragraphs };
    if (cue.end !== undefined) turn.end = cue.end;
    turns.push(turn);
  }
  return turns;
}

/**
 * Cues that start a turn earlier than the previous turn's start: `mergeTurns`
 * moves those turns to the previous start (the parser rejects timestamps that
 * go backwards).
 */
export function backwardCues(cues: readonly Cue[]): Cue[] {
  const out: Cue[] = [];
  let latest = -Infinity;
  let speaker: string | null = null;
  for (const cue of cues) {
    if (countWords(cue.text) === 0) continue;
    if (cue.speaker !== speaker) {
      if (cue.start < latest) out.push(cue);
      else latest = cue.start;
    }
    speaker = cue.speaker;
  }
  return out;
}

/** Time of the end of the last cue (its start when the format has no end times), seconds. */
export function duration(cues: readonly Cue[]): number {
  return cues.reduce((max, cue) => Math.max(max, cue.end ?? cue.start, cue.start), 0);
}
