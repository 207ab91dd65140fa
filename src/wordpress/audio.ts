/**
 * An episode's audio file, from what WordPress's podcast plugins leave in an export: the
 * `enclosure` meta field (WordPress core and PowerPress: URL, size, type, then PowerPress's
 * serialized extras with the duration), an RSS <enclosure>, Podlove's and Seriously Simple
 * Podcasting's meta fields, or an <audio> element in the text.
 */
import type { WxrItem } from "./wxr.ts";

export interface FoundAudio {
  url: string;
  type: string;
  /** Bytes; 0 when the export does not say. */
  length: number;
  /** "hh:mm:ss"; "" when the export does not say. */
  duration: string;
}

const TYPES: Record<string, string> = { mp3: "audio/mpeg", m4a: "audio/mp4", mp4: "audio/mp4", aac: "audio/aac", ogg: "audio/ogg", oga: "audio/ogg", opus: "audio/ogg", wav: "audio/wav", flac: "audio/flac" };

function typeOf(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? "";
  return TYPES[extension] ?? "audio/mpeg";
}

/** "31:00", "1:02:03", "00:31:00" or a number of seconds → "hh:mm:ss"; "" when unreadable. */
export function clockDuration(value: string): string {
  const text = value.trim();
  const parts = /^\d+$/.test(text) ? [Number(text)] : /^\d{1,3}(?::\d{1,2}){1,2}$/.test(text) ? text.split(":").map(Number) : null;
  if (!parts) return "";
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  if (seconds <= 0) return "";
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

/** The duration in PowerPress's serialized extras: `a:1:{s:8:"duration";s:8:"00:31:00";}`. */
function serializedDuration(extra: string): string {
  const match = /"duration";s:\d+:"([^"]*)"/.exec(extra);
  return match ? clockDuration(match[1]!) : "";
}

const isHttp = (url: string) => /^https?:\/\/\S+$/.test(url);

function fromEnclosureMeta(value: string): FoundAudio | null {
  const [url = "", length = "", type = "", ...extra] = value.split(/\r?\n/).map((line) => line.trim());
  if (!isHttp(url)) return null;
  return { url, type: /^audio\//.test(type) ? type : typeOf(url), length: Number(length) || 0, duration: serializedDuration(extra.join("\n")) };
}

function metaDuration(item: WxrItem): string {
  for (const key of ["duration", "itunes_duration", "_podlove_duration", "_audio_duration"]) {
    const value = item.meta.get(key);
    if (value) return clockDuration(value);
  }
  return "";
}

/** The first audio file the post gives, completed with what other fields know; null if none. */
export function audioOf(item: WxrItem, inText: readonly string[]): FoundAudio | null {
  const enclosure = item.meta.get("enclosure") ?? item.meta.get("_podPressMedia_enclosure");
  const found =
    (enclosure && fromEnclosureMeta(enclosure)) ||
    (item.enclosure && isHttp(item.enclosure.url) && {
      url: item.enclosure.url,
      type: /^audio\//.test(item.enclosure.type) ? item.enclosure.type : typeOf(item.enclosure.url),
      length: Number(item.enclosure.length) || 0,
      duration: "",
    }) ||
    [item.meta.get("audio_file"), item.meta.get("_podlove_audio_url"), ...inText]
      .filter((url): url is string => !!url && isHttp(url.trim()))
      .map((url) => ({ url: url.trim(), type: typeOf(url.trim()), length: 0, duration: "" }))[0];
  if (!found) return null;
  const length = found.length || Number(item.meta.get("filesize_raw") ?? "") || 0;
  return { ...found, length, duration: found.duration || metaDuration(item) };
}

/** Whether the schema's `audio:` can be written: it needs the size in bytes and the duration. */
export function isComplete(audio: FoundAudio): boolean {
  return audio.length > 0 && audio.duration !== "";
}
