/** Small text helpers shared by the format readers. */

/** Drops a byte order mark and normalises line breaks to `\n`. */
export function normalizeInput(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Collapses every run of whitespace (including line breaks and U+00A0) to one space, trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
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

function prefixCandidate(text: string): { speaker: string; text: string } | null {
  const m = /^([\p{L}\p{N}][^:]{0,79}?)\s*:(?:\s+|$)/u.exec(text);
  if (!m) return null;
  const speaker = collapseSpace(m[1] ?? "");
  if (!/\p{L}/u.test(speaker) || speaker.split(" ").length > 6 || /[[\]<>]/.test(speaker)) return null;
  return { speaker, text: text.slice(m[0].length) };
}

/**
 * A `Name: text` speaker prefix, as Zoom, SRT and bracket lines write it.
 * The name is the text before the first colon that is followed by whitespace
 * (or ends the text); it starts with a letter or digit, contains a letter and
 * has at most 6 words and 80 characters. A name starting with a lowercase
 * letter only counts when it is in `lowercase` (see `lowercaseNames`), so
 * that ordinary sentences (`so we said: yes`) are not taken for names.
 */
export function splitSpeaker(
  text: string,
  lowercase: ReadonlySet<string> = new Set(),
): { speaker: string; text: string } | null {
  const found = prefixCandidate(text);
  if (!found || (/^\p{Ll}/u.test(found.speaker) && !lowercase.has(found.speaker))) return null;
  return found;
}

const DIALOGUE_DASH = /^[-–—]\s+/;

/** What counts as a speaker prefix in one file (see `speakerRules`). */
export interface SpeakerRules {
  /** Lowercase names accepted (they start at least two lines). */
  lowercase: ReadonlySet<string>;
  /** Names that start a cue's first line somewhere in the file. */
  cueStarters: ReadonlySet<string>;
}

/**
 * Learns from the whole file (each item: one cue's lines) which prefixes are
 * names: a lowercase one (`alexis: …`) must start at least two lines (a
 * display name typed in lowercase, not a sentence with a colon); the names
 * found at the start of cues are remembered so that a later line of a cue
 * starts a new speaker only with one of them or after a dialogue dash.
 */
export function speakerRules(cues: readonly (readonly string[])[]): SpeakerRules {
  const counts = new Map<string, number>();
  for (const raw of cues.flat()) {
    const found = prefixCandidate(raw.trim().replace(DIALOGUE_DASH, ""));
    if (found && /^\p{Ll}/u.test(found.speaker)) counts.set(found.speaker, (counts.get(found.speaker) ?? 0) + 1);
  }
  const lowercase = new Set([...counts].filter(([, n]) => n >= 2).map(([name]) => name));
  const cueStarters = new Set<string>();
  for (const lines of cues) {
    const found = splitSpeaker((lines[0] ?? "").trim().replace(DIALOGUE_DASH, ""), lowercase);
    if (found) cueStarters.add(found.speaker);
  }
  return { lowercase, cueStarters };
}

/**
 * Splits one cue's lines at speaker prefixes. The first line starts a part
 * when it begins with `Name: ` (or `- Name: `); a later line does when it
 * begins with `- Name: ` (dialogue dash) or with the name of a speaker that
 * starts a cue elsewhere, so that text such as `Track 1: …` on a second line
 * stays text. Other lines continue the current part (speaker null = the
 * previous speaker).
 */
export function speakerLines(
  lines: readonly string[],
  rules: SpeakerRules,
): { speaker: string | null; text: string; offset: number }[] {
  const parts: { speaker: string | null; text: string; offset: number }[] = [];
  lines.forEach((raw, offset) => {
    const line = raw.trim();
    const dashed = DIALOGUE_DASH.test(line) ? splitSpeaker(line.replace(DIALOGUE_DASH, ""), rules.lowercase) : null;
    const plain = dashed ? null : splitSpeaker(line, rules.lowercase);
    const named = dashed ?? (plain && (offset === 0 || rules.cueStarters.has(plain.speaker)) ? plain : null);
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
