/**
 * Transcript exports, all built from the same parsed turns.
 *
 * Shared rules:
 * - One cue / segment per turn, from the turn's `estimatedStart` to the next
 *   exported turn's `estimatedStart` (the last one ends at `end`).
 * - Turns without words (reported as a warning by the parser) carry nothing
 *   to show and are left out, so every cue has text and a positive duration.
 * - Marks are dropped from the text; paragraphs are joined with "\n".
 */
import { formatClock, formatTime } from "../text/clock.ts";
import { escapeText } from "../text/escape.ts";
import { turnText, type ParsedTranscript, type Turn } from "./parse.ts";

export interface TranscriptCue {
  turn: Turn;
  text: string;
  start: number;
  end: number;
}

const cuesOf = new WeakMap<ParsedTranscript, TranscriptCue[]>();

/** The turns that have words, with their start and end times; computed once per transcript for all formats. */
export function transcriptCues(t: ParsedTranscript): TranscriptCue[] {
  const known = cuesOf.get(t);
  if (known) return known;
  const spoken = t.turns.filter((turn) => turn.words > 0);
  const cues = spoken.map((turn, i) => {
    const next = spoken[i + 1];
    return { turn, text: turnText(turn), start: turn.estimatedStart, end: next ? next.estimatedStart : t.end };
  });
  cuesOf.set(t, cues);
  return cues;
}

/** WebVTT captions: `<v Full Name>` voice spans, cue ids = turn ids. */
export function toWebVTT(t: ParsedTranscript): string {
  let out = "WEBVTT\n";
  for (const cue of transcriptCues(t)) {
    out += `\n${cue.turn.id}\n${formatClock(cue.start)} --> ${formatClock(cue.end)}\n`;
    out += `<v ${escapeText(cue.turn.speaker)}>${escapeText(cue.text)}\n`;
  }
  return out;
}

/** SubRip captions: numbered cues, `00:00:01,000` times, `Full Name: ` prefix. */
export function toSRT(t: ParsedTranscript): string {
  return transcriptCues(t)
    .map(
      (cue, i) =>
        `${i + 1}\n${formatClock(cue.start).replace(".", ",")} --> ${formatClock(cue.end).replace(".", ",")}\n` +
        `${cue.turn.speaker}: ${cue.text}\n`,
    )
    .join("\n");
}

export interface PodcastSegment {
  speaker: string;
  startTime: number;
  endTime: number;
  body: string;
}

export interface PodcastTranscriptJSON {
  version: "1.0.0";
  segments: PodcastSegment[];
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** Podcasting 2.0 JSON transcript (`application/json` transcript format). */
export function toPodcastJSON(t: ParsedTranscript): PodcastTranscriptJSON {
  return {
    version: "1.0.0",
    segments: transcriptCues(t).map((cue) => ({
      speaker: cue.turn.speaker,
      startTime: round3(cue.start),
      endTime: round3(cue.end),
      body: cue.text,
    })),
  };
}

/**
 * Readable plain text: optional title and blank line, then per turn a
 * `Full Name (mm:ss)` line (`~mm:ss` when the time is estimated) followed
 * by its paragraphs, one per line; a blank line between turns.
 */
export function toPlainText(t: ParsedTranscript, title?: string): string {
  const blocks: string[] = [];
  if (title !== undefined && title.trim().length > 0) blocks.push(title.trim());
  for (const cue of transcriptCues(t)) {
    const time = cue.turn.start !== null ? formatTime(cue.turn.start) : `~${formatTime(cue.start)}`;
    blocks.push(`${cue.turn.speaker} (${time})\n${cue.text}`);
  }
  return `${blocks.join("\n\n")}\n`;
}
