/**
 * An episode's audio file, from what WordPress's podcast plugins leave in an export: the
 * `enclosure` meta field (WordPress core and PowerPress: URL, size, type, then PowerPress's
 * serialized extras with the duration), an RSS <enclosure>, Podlove's and Seriously Simple
 * Podcasting's meta fields, or an <audio> element in the text.
 */
import { formatHms } from "../text/clock.ts";
import { AN_AUDIO_TYPE, checkedAddress, isAudioType, type Reject } from "./export-values.ts";
import type { WxrItem } from "./wxr.ts";

export interface FoundAudio {
  url: string;
  type: string;
  /** Bytes; 0 when the export does not say. */
  length: number;
  /** "hh:mm:ss"; "" when the export does not say. */
  duration: string;
}

const TYPES: Record<string, string> = {
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  mp4: "audio/mp4",
  aac: "audio/aac",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  wav: "audio/wav",
  flac: "audio/flac",
};

function typeOf(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? "";
  return TYPES[extension] ?? "audio/mpeg";
}

/** "31:00", "1:02:03", "00:31:00" or a number of seconds → "hh:mm:ss"; "" when unreadable. */
export function clockDuration(value: string): string {
  const text = value.trim();
  const parts = /^\d+$/.test(text)
    ? [Number(text)]
    : /^\d{1,3}(?::\d{1,2}){1,2}$/.test(text)
      ? text.split(":").map(Number)
      : null;
  if (!parts) return "";
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds > 0 ? formatHms(seconds) : "";
}

/** The duration in PowerPress's serialized extras: `a:1:{s:8:"duration";s:8:"00:31:00";}`. */
function serializedDuration(extra: string): string {
  const match = /"duration";s:\d+:"([^"]*)"/.exec(extra);
  return match ? clockDuration(match[1]!) : "";
}

/** A size in bytes as the export writes it, digits only ("1e9", "-5" and "Infinity" are no size); 0 when it is none. */
function byteCount(text = ""): number {
  const bytes = Number(text);
  return /^\s*\d+\s*$/.test(text) && Number.isSafeInteger(bytes) ? bytes : 0;
}

/** The export's type when it is an audio MIME type, else the address's extension's; a type given and not used is rejected. */
function audioType(value: string, url: string, field: string, reject: Reject): string {
  const type = value.trim().toLowerCase();
  if (isAudioType(type)) return type;
  if (type) reject(field, value, AN_AUDIO_TYPE);
  return typeOf(url);
}

/** WordPress's and PowerPress's `enclosure` field: the URL, the size and the type on their own lines, then PowerPress's extras. */
function fromEnclosureField(item: WxrItem, reject: Reject): FoundAudio | null {
  const key = item.meta.has("enclosure") ? "enclosure" : "_podPressMedia_enclosure";
  const [first = "", length = "", type = "", ...extra] = (item.meta.get(key) ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim());
  const url = checkedAddress(first, `${key} field's address`, reject);
  if (!url) return null;
  return {
    url,
    type: audioType(type, url, `${key} field's type`, reject),
    length: byteCount(length),
    duration: serializedDuration(extra.join("\n")),
  };
}

/** An RSS <enclosure> on the item. */
function fromRssEnclosure(item: WxrItem, reject: Reject): FoundAudio | null {
  const url = item.enclosure && checkedAddress(item.enclosure.url, "<enclosure> url", reject);
  if (!item.enclosure || !url) return null;
  return {
    url,
    type: audioType(item.enclosure.type, url, "<enclosure> type", reject),
    length: byteCount(item.enclosure.length),
    duration: "",
  };
}

function metaDuration(item: WxrItem): string {
  for (const key of ["duration", "itunes_duration", "_podlove_duration", "_audio_duration"]) {
    const value = item.meta.get(key);
    if (value) return clockDuration(value);
  }
  return "";
}

/** Podlove's and Seriously Simple Podcasting's fields, then the text's players: addresses alone, typed by their extension. */
function fromAddresses(item: WxrItem, inText: readonly string[], reject: Reject): FoundAudio | null {
  const fields: [string, string | undefined][] = [
    ["audio_file field", item.meta.get("audio_file")],
    ["_podlove_audio_url field", item.meta.get("_podlove_audio_url")],
    ...inText.map((url): [string, string] => ["audio player in the text", url]),
  ];
  for (const [field, value] of fields) {
    const url = checkedAddress(value, field, reject);
    if (url) return { url, type: typeOf(url), length: 0, duration: "" };
  }
  return null;
}

/** The first audio file the post gives, completed with what other fields know; null if none. Values that are no address or MIME type are rejected, never used. */
export function audioOf(item: WxrItem, inText: readonly string[], reject: Reject): FoundAudio | null {
  const found =
    fromEnclosureField(item, reject) ?? fromRssEnclosure(item, reject) ?? fromAddresses(item, inText, reject);
  if (!found) return null;
  const length = found.length || byteCount(item.meta.get("filesize_raw"));
  return { ...found, length, duration: found.duration || metaDuration(item) };
}

/** Whether the schema's `audio:` can be written: it needs the size in bytes and the duration. */
export function isComplete(audio: FoundAudio): boolean {
  return audio.length > 0 && audio.duration !== "";
}
