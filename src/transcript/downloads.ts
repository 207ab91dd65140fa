import { toPlainText, toPodcastJSON, toSRT, toWebVTT } from "./export.ts";
import type { ParsedTranscript } from "./parse.ts";

const FORMATS = {
  vtt: { label: "WebVTT captions", type: "text/vtt", write: (t: ParsedTranscript) => toWebVTT(t) },
  srt: { label: "SRT subtitles", type: "application/x-subrip", write: (t: ParsedTranscript) => toSRT(t) },
  json: {
    label: "Podcasting 2.0 JSON",
    type: "application/json",
    write: (t: ParsedTranscript) => `${JSON.stringify(toPodcastJSON(t), null, 1)}\n`,
  },
  txt: {
    label: "Plain text",
    type: "text/plain",
    write: (t: ParsedTranscript, title: string) => toPlainText(t, title),
  },
} as const;

export type DownloadFormat = keyof typeof FORMATS;

export interface TranscriptDownload {
  format: DownloadFormat;
  label: string;
  /** MIME type, as podcast:transcript names it. */
  type: string;
  url: string;
}

/** The files a reader (or a podcast app) can download for one episode, next to its page. */
export function transcriptDownloads(pageUrl: string): TranscriptDownload[] {
  return (Object.keys(FORMATS) as DownloadFormat[]).map((format) => ({
    format,
    label: FORMATS[format].label,
    type: FORMATS[format].type,
    url: `${pageUrl}transcript.${format}`,
  }));
}

/** A download's text, written when the file is, so thousands of them never sit in memory at once. */
export function downloadBody(t: ParsedTranscript, format: DownloadFormat, title: string): string {
  return FORMATS[format].write(t, title);
}
