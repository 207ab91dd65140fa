/** Shared types of the transcript importer (pure, no fs, no Eleventy). */

/** One timed piece of speech read from an input file, in document order. */
export interface Cue {
  /** The speaker's full name as found in the input (whitespace collapsed). */
  speaker: string;
  /** Start time in seconds (may have a fraction). */
  start: number;
  /** End time in seconds, when the format has one (captions). */
  end?: number;
  /**
   * What was said, whitespace collapsed to single spaces. Otter blocks keep
   * one `\n` between their lines: each line is a paragraph.
   */
  text: string;
  /** 1-based line of the input where the cue starts (for messages). */
  line?: number;
}

/** A speaker turn ready to be written: consecutive cues of one speaker. */
export interface ImportedTurn {
  speaker: string;
  /** Start of the turn's first cue, seconds. */
  start: number;
  /** End of the turn's last cue, when known. */
  end?: number;
  /** Plain-text paragraphs (single-line, non-empty). */
  paragraphs: string[];
}

export const FORMATS = ["vtt", "zoom", "srt", "otter", "brackets"] as const;
export type TranscriptFormat = (typeof FORMATS)[number];

export const FORMAT_NAMES: Record<TranscriptFormat, string> = {
  vtt: "WebVTT with voice tags",
  zoom: "Zoom WebVTT",
  srt: "SubRip (SRT)",
  otter: "Otter.ai text",
  brackets: "[hh:mm:ss] Speaker: lines",
};

export function isFormat(value: string): value is TranscriptFormat {
  return (FORMATS as readonly string[]).includes(value);
}

/** A problem with the input that stops the import; the message names the line. */
export class ImportError extends Error {
  override name = "ImportError";
}
