/**
 * Transcript import: a caption or transcript file from a recording tool →
 * the Markdown of an episode's `transcript.md`. Pure functions (no fs, no
 * Eleventy); `scripts/transcript-import.ts` does the file work.
 */
import { formatTime } from "../../text/clock.ts";
import { readBrackets } from "./brackets.ts";
import { detectFormat } from "./detect.ts";
import { assignLabels } from "./labels.ts";
import { toTranscriptMarkdown } from "./markdown.ts";
import { backwardCues, duration, mergeTurns, type MergeOptions } from "./merge.ts";
import { readOtter } from "./otter.ts";
import { readSrt } from "./srt.ts";
import { FORMAT_NAMES, FORMATS, ImportError, type Cue, type ImportedTurn, type TranscriptFormat } from "./types.ts";
import { readVoiceVtt, readZoomVtt } from "./vtt.ts";

export { readBrackets } from "./brackets.ts";
export { detectFormat } from "./detect.ts";
export { assignLabels } from "./labels.ts";
export { neutralizeMarks, protectParagraph, toTranscriptMarkdown } from "./markdown.ts";
export { backwardCues, duration, mergeTurns, type MergeOptions } from "./merge.ts";
export { readOtter } from "./otter.ts";
export { readSrt } from "./srt.ts";
export {
  FORMAT_NAMES,
  FORMATS,
  ImportError,
  isFormat,
  type Cue,
  type ImportedTurn,
  type TranscriptFormat,
} from "./types.ts";
export { readVoiceVtt, readZoomVtt } from "./vtt.ts";

/** Each format's reader and how its cues become paragraphs. */
export const READERS: Record<TranscriptFormat, { read(input: string): Cue[]; merge: MergeOptions }> = {
  vtt: { read: readVoiceVtt, merge: { paragraphs: "join" } },
  zoom: { read: readZoomVtt, merge: { paragraphs: "join" } },
  srt: { read: readSrt, merge: { paragraphs: "join" } },
  otter: { read: readOtter, merge: { paragraphs: "lines" } },
  brackets: { read: readBrackets, merge: { paragraphs: "join" } },
};

export interface ImportResult {
  format: TranscriptFormat;
  cues: Cue[];
  turns: ImportedTurn[];
  /** Label → full name, in order of first appearance. */
  speakers: Record<string, string>;
  /** The whole `transcript.md`. */
  markdown: string;
  /** End of the last cue, seconds. */
  duration: number;
  /** Things the author should know (the file is still usable). */
  warnings: string[];
}

export interface ImportOptions {
  /** Skip detection. */
  format?: TranscriptFormat;
  /** Front matter `heading`, default "Transcript". */
  heading?: string;
}

/** Reads `input` (detecting its format unless given), merges turns, labels speakers and writes the Markdown. */
export function importTranscript(input: string, options: ImportOptions = {}): ImportResult {
  const format = options.format ?? detectFormat(input);
  if (format === null) {
    throw new ImportError(
      `cannot tell the format of this file. Supported: ${FORMATS.map((f) => `${f} (${FORMAT_NAMES[f]})`).join(", ")}. ` +
        `Check the file, or name its format with --format.`,
    );
  }
  const reader = READERS[format];
  const cues = reader.read(input);
  const turns = mergeTurns(cues, reader.merge);
  if (turns.length === 0) {
    throw new ImportError(`no speech found: the file has no ${FORMAT_NAMES[format]} cue with words in it.`);
  }
  const speakers = assignLabels(turns.map((t) => t.speaker));
  const markdown = toTranscriptMarkdown(
    turns,
    speakers,
    options.heading === undefined ? {} : { heading: options.heading },
  );

  const warnings: string[] = [];
  const backward = backwardCues(cues);
  if (backward.length > 0) {
    const first = backward[0];
    warnings.push(
      `${backward.length} turn${backward.length === 1 ? " starts" : "s start"} before the previous turn ` +
        `(first at input line ${first?.line ?? "?"}, ${formatTime(first?.start ?? 0)}); ` +
        `${backward.length === 1 ? "it was" : "they were"} given the previous turn's time, as timestamps must not go backwards.`,
    );
  }
  const marks = turns.flatMap((t) => t.paragraphs).reduce((n, p) => n + (p.match(/\[\d+:[\d:]*\]?/g)?.length ?? 0), 0);
  if (marks > 0) {
    warnings.push(
      `${marks} timestamp${marks === 1 ? "" : "s"} inside the spoken text (such as "[12:30]") ${marks === 1 ? "was" : "were"} written with parentheses, "(12:30)", so that the site does not read ${marks === 1 ? "it" : "them"} as time marks.`,
    );
  }
  return { format, cues, turns, speakers, markdown, duration: duration(cues), warnings };
}
