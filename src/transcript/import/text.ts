/** Small text helpers shared by the format readers. */

/** Drops a byte order mark and normalises line breaks to `\n`. */
export function normalizeInput(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Collapses every run of whitespace (including line breaks and U+00A0) to one space, trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Caption clock to seconds: `hh:mm:ss.ttt`, `mm:ss.ttt`, `h:mm:ss,ttt`, `mm:ss`…
 * (minutes and seconds below 60 when hours are given). Null when malformed.
 */
export function parseClock(value: string): number | null {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!m) return null;
  const [, h, min = "0", s = "0", frac] = m;
  if (Number(s) > 59 || (h !== undefined && Number(min) > 59)) return null;
  const fraction = frac === undefined ? 0 : Number(frac.padEnd(3, "0")) / 1000;
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s) + fraction;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  lrm: "",
  rlm: "",
};

/** Decodes the character references WebVTT files use (`&amp;`, `&lt;`, `&#39;`, `&#x2019;`, `&nbsp;`…). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? whole;
  });
}

/**
 * A `Name: text` speaker prefix, as Zoom, SRT and bracket lines write it.
 * The name is the text before the first colon that is followed by whitespace
 * (or ends the text); it must contain a letter, not start with a lowercase
 * letter, and have at most 6 words and 80 characters, so that ordinary
 * sentences (`so we said: yes`) are not taken for names.
 */
export function splitSpeaker(text: string): { speaker: string; text: string } | null {
  const m = /^([^\s:][^:]{0,79}?)\s*:(?:\s+|$)/.exec(text);
  if (!m) return null;
  const speaker = collapseSpace(m[1] ?? "");
  if (!/\p{L}/u.test(speaker) || /^\p{Ll}/u.test(speaker) || speaker.split(" ").length > 6 || /[[\]<>]/.test(speaker)) return null;
  return { speaker, text: text.slice(m[0].length) };
}

/**
 * Splits caption lines at speaker prefixes: a line starting with `Name: `
 * (optionally after a dialogue dash, `- Name: `) starts a new part; other
 * lines continue the current part (speaker null = the previous speaker).
 */
export function speakerLines(lines: string[]): { speaker: string | null; text: string; offset: number }[] {
  const parts: { speaker: string | null; text: string; offset: number }[] = [];
  lines.forEach((raw, offset) => {
    const line = raw.trim();
    const named = splitSpeaker(line) ?? (/^[-–]\s+/.test(line) ? splitSpeaker(line.replace(/^[-–]\s+/, "")) : null);
    const last = parts[parts.length - 1];
    if (named) parts.push({ speaker: named.speaker, text: named.text, offset });
    else if (last) last.text += ` ${line}`;
    else parts.push({ speaker: null, text: line, offset });
  });
  return parts;
}

/** A short, one-line excerpt of input for messages. */
export function excerpt(text: string, max = 60): string {
  const flat = collapseSpace(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
