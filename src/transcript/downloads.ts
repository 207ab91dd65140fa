import { toPlainText, toPodcastJSON, toSRT, toWebVTT } from "./export.ts";
import type { ParsedTranscript } from "./parse.ts";

export interface TranscriptDownload {
  format: string;
  label: string;
  /** MIME type, as podcast:transcript names it. */
  type: string;
  url: string;
  body: string;
}

/** The files a reader (or a podcast app) can download for one episode, next to its page. */
export function transcriptDownloads(t: ParsedTranscript, pageUrl: string, title: string): TranscriptDownload[] {
  return [
    { format: "vtt", label: "WebVTT captions", type: "text/vtt", body: toWebVTT(t) },
    { format: "srt", label: "SRT subtitles", type: "application/x-subrip", body: toSRT(t) },
    { format: "json", label: "Podcasting 2.0 JSON", type: "application/json", body: `${JSON.stringify(toPodcastJSON(t), null, 1)}\n` },
    { format: "txt", label: "Plain text", type: "text/plain", body: toPlainText(t, title) },
  ].map((file) => ({ ...file, url: `${pageUrl}transcript.${file.format}` }));
}
