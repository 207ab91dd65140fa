/**
 * Transcript parser: turns the Markdown body of an episode transcript into
 * speaker turns with time information. Pure functions, no Eleventy.
 *
 * Input (body only; the caller has already removed the front matter):
 * - Paragraphs are separated by blank lines. Leading/trailing whitespace of
 *   every line (including U+00A0) is ignored, so indented dumps parse too.
 *   Lines of a multi-line paragraph are joined with one space.
 * - A paragraph whose text starts with `Label:` (optionally preceded by a
 *   timestamp, `[00:00:00] Label:`, or followed by one, `Label: [00:00:00]`)
 *   starts a turn. A line *inside* a paragraph that starts with a declared
 *   `Label:` also starts a new turn (transcripts pasted without blank lines).
 * - Any other paragraph continues the current turn. A paragraph made only of
 *   timestamps is a time mark at the end of the current turn.
 * - Timestamps `[hh:mm:ss]`, `[h:mm:ss]` and `[mm:ss]` may stand anywhere,
 *   glued to words or not. A mark pins the time of the word that follows it.
 * - The text is plain text (no Markdown inline syntax is interpreted).
 *
 * Speaker labels (the precise rule):
 * - A paragraph starts a turn when its text (after an optional timestamp)
 *   starts with a label declared under `speakers:` in the front matter,
 *   exactly as written (case-sensitive), followed by `:` and then whitespace
 *   or the end of the paragraph.
 * - Otherwise, when the text starts with ONE TO THREE space-separated words
 *   that each begin with an uppercase letter and continue with letters,
 *   apostrophes, hyphens or periods only (no digits: `Track 1:` is not a
 *   label), followed by `:` and whitespace or the end of the paragraph, it is
 *   treated as an undeclared speaker label: an error. It still starts a turn
 *   (speaker = the label) so that previews stay readable.
 *   To write such text on purpose (`Note: …`), escape the colon: `Note\: …`.
 *
 * Diagnostics (each message starts with `file:line[:column]:`, says what is
 * wrong and how to fix it):
 *   error   - undeclared speaker label at the start of a paragraph
 *   error   - timestamp earlier than the previous timestamp (it is ignored
 *             for time estimation)
 *   error   - text before the first turn (it is left out of the turns)
 *   error   - speaker declared in front matter with an empty name
 *   warning - empty turn: a label with no words (in it or in continuation
 *             paragraphs); it is kept in `turns` but left out of exports
 *   warning - malformed timestamp such as `[00:13:0`, `[0:13]`,
 *             `[00:61:00]` (kept as plain text)
 *   warning - speaker declared but never used
 * Front matter problems are reported at line 1 (the front matter block).
 *
 * Time estimation (`estimatedStart`, `end`):
 * - Words are whitespace-separated tokens containing a letter or a digit; a
 *   timestamp also separates words. Positions count words from the start of
 *   the first turn.
 * - Every valid mark pins the word after it (a later mark at the same
 *   position wins; marks that go backwards are ignored). Word 0 is at 0 s
 *   unless a mark pins it.
 * - Between two pins, time is interpolated linearly by word position. After
 *   the last pin, time is extrapolated with the average rate of the explicit
 *   marks (words between the first and last mark / seconds between them), or
 *   2.5 words/s when there are fewer than two marks.
 * - Times are rounded to milliseconds. Turn starts never decrease, and the
 *   start of a turn with words is at least 1 ms after the previous turn with
 *   words. `end` is the time just after the last word (position = number of
 *   words), and after every turn start.
 */

export type Inline = { kind: "text"; text: string } | { kind: "mark"; seconds: number };

export interface Turn {
  /** "turn-1", "turn-2", … in document order. */
  id: string;
  /** The label as written, e.g. "Maria". */
  label: string;
  /** Full name from front matter (the label itself when undeclared or empty). */
  speaker: string;
  /** Explicit mark at the very start of the turn, in seconds, else null. */
  start: number | null;
  /** Always set, seconds (ms precision). */
  estimatedStart: number;
  paragraphs: Inline[][];
  /** Words said in the turn (countWords of its text), counted once here for every later use. */
  words: number;
  /** 1-based line in the file where the turn starts. */
  line: number;
}

export interface Diagnostic {
  file: string;
  line: number;
  column?: number;
  severity: "error" | "warning";
  message: string;
}

export interface ParsedTranscript {
  turns: Turn[];
  diagnostics: Diagnostic[];
  /** Estimated end time of the last word, seconds. */
  end: number;
}

export interface ParseOptions {
  /** Path used in diagnostics, e.g. "content/posts/x/transcript.md". */
  file: string;
  /** 1-based line number, in the file, of the first line of `body`. */
  firstLine: number;
  /** Front matter `speakers`: label → full name. */
  speakers: Record<string, string>;
}

/** Default speaking rate when the transcript has fewer than two marks. */
export const DEFAULT_WORDS_PER_SECOND = 2.5;

/* ------------------------------------------------------------------ */
/* Time helpers                                                        */
/* ------------------------------------------------------------------ */

function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds + 1e-9) : 0;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** "mm:ss" under an hour, "h:mm:ss" from an hour on (seconds are floored). */
export function formatTime(seconds: number): string {
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${pad2(m)}:${pad2(s)}`;
}

/** "hh:mm:ss.mmm" (caption clock; rounded to the millisecond). */
export function formatClock(seconds: number): string {
  const ms = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const milli = ms % 1000;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}.${String(milli).padStart(3, "0")}`;
}

/** "[hh:mm:ss]" as a mark is displayed (seconds floored). */
export function formatMark(seconds: number): string {
  const total = wholeSeconds(seconds);
  return `[${pad2(Math.floor(total / 3600))}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}]`;
}

/** ISO 8601 duration for `<time datetime>`: "PT12M34S", "PT1H", "PT0S". */
export function isoDuration(seconds: number): string {
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (total === 0) return "PT0S";
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
}

/**
 * Parses the inside of a timestamp candidate (`[..]`). Returns seconds, or
 * null when it is not a valid mark. Valid: `[h:mm:ss]`, `[hh:mm:ss]`,
 * `[mm:ss]` with minutes and seconds below 60.
 */
export function parseMark(candidate: string): number | null {
  const m = /^\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]$/.exec(candidate);
  if (!m) return null;
  const [, a = "", b = "", c] = m;
  let h: number, min: number, s: number;
  if (c === undefined) {
    if (a.length !== 2) return null; // `[0:13]` is ambiguous: require `[00:13]`
    h = 0;
    min = Number(a);
    s = Number(b);
  } else {
    h = Number(a);
    min = Number(b);
    s = Number(c);
  }
  if (min > 59 || s > 59) return null;
  return h * 3600 + min * 60 + s;
}

/* ------------------------------------------------------------------ */
/* Text helpers (also used by exports and HTML)                        */
/* ------------------------------------------------------------------ */

const WORD_RE = /[\p{L}\p{N}]/u;

/** Number of words in a text (tokens with at least one letter or digit). */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (WORD_RE.test(token)) n++;
  return n;
}

/** Plain text of a paragraph: marks dropped, spacing around them repaired. */
export function paragraphText(paragraph: Inline[]): string {
  let out = "";
  let afterMark = false;
  for (const inline of paragraph) {
    if (inline.kind === "mark") {
      afterMark = out.length > 0;
      continue;
    }
    let text = inline.text;
    if (afterMark && text.length > 0) {
      const leftSpace = /\s$/.test(out);
      const rightSpace = /^\s/.test(text);
      if (leftSpace && rightSpace) text = text.trimStart();
      else if (!leftSpace && !rightSpace) text = " " + text;
    }
    out += text;
    afterMark = false;
  }
  return out.trim();
}

/** Plain text of a turn: paragraphs (without marks) joined by "\n". */
export function turnText(turn: Turn): string {
  return turn.paragraphs
    .map(paragraphText)
    .filter((p) => p.length > 0)
    .join("\n");
}

/* ------------------------------------------------------------------ */
/* Parser                                                              */
/* ------------------------------------------------------------------ */

interface SourceLine {
  text: string; // trimmed
  line: number; // file line
  indent: number; // leading characters removed
}

/** A paragraph: trimmed lines joined by " ", with a position map. */
interface Para {
  text: string;
  line: number;
  segments: { offset: number; line: number; indent: number }[];
}

function makePara(lines: SourceLine[]): Para {
  let text = "";
  const segments: Para["segments"] = [];
  for (const l of lines) {
    if (text.length > 0) text += " ";
    segments.push({ offset: text.length, line: l.line, indent: l.indent });
    text += l.text;
  }
  return { text, line: lines[0]?.line ?? 0, segments };
}

function locate(para: Para, offset: number): { line: number; column: number } {
  let seg = para.segments[0] ?? { offset: 0, line: para.line, indent: 0 };
  for (const s of para.segments) if (s.offset <= offset) seg = s;
  return { line: seg.line, column: seg.indent + (offset - seg.offset) + 1 };
}

/** Anything that looks like it wants to be a timestamp: `[` digits `:` … */
const MARK_CANDIDATE_RE = /\[\d+:[\d:]*\]?/g;
const LABEL_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const LABEL_LIKE_RE = new RegExp(String.raw`^(${LABEL_WORD}(?: ${LABEL_WORD}){0,2})(\\?):(?=\s|$)`, "u");

interface Builder {
  label: string;
  speaker: string;
  start: number | null;
  paragraphs: Inline[][];
  line: number;
  column: number;
}

interface ParaItem {
  paragraph: Inline[];
  markOnly: boolean;
}

export function parseTranscript(body: string, options: ParseOptions): ParsedTranscript {
  const { file, firstLine } = options;
  const speakers: Record<string, unknown> = options.speakers ?? {};
  const diagnostics: Diagnostic[] = [];
  const where = (line: number, column?: number): string =>
    column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  const report = (severity: Diagnostic["severity"], line: number, column: number | undefined, message: string): void => {
    const d: Diagnostic = { file, line, severity, message: `${where(line, column)}: ${message}` };
    if (column !== undefined) d.column = column;
    diagnostics.push(d);
  };

  // Declared speakers.
  const declared = Object.keys(speakers).filter((k) => k.trim().length > 0);
  const declaredList = declared.length > 0 ? declared.join(", ") : "none";
  const fullName = new Map<string, string>();
  for (const label of declared) {
    const name = speakers[label];
    if (typeof name !== "string" || name.trim().length === 0) {
      report(
        "error",
        1,
        undefined,
        `speaker "${label}" is declared with an empty name. Give the full name in the front matter, e.g. speakers: { ${label}: "Full Name" }.`,
      );
      fullName.set(label, label);
    } else {
      fullName.set(label, name.trim());
    }
  }
  // Longest first, so "Anne Marie" wins over "Anne".
  const declaredByLength = [...declared].sort((a, b) => b.length - a.length);

  // 1. Lines → paragraphs (blank lines separate; a line starting with a
  //    declared label also starts a new paragraph).
  const startsWithDeclared = (text: string): boolean => {
    const t = text.replace(/^\[\d{1,2}:\d{2}(?::\d{2})?\]\s*/, "");
    return declaredByLength.some((l) => t.startsWith(l + ":") && (t.length === l.length + 1 || /\s/.test(t[l.length + 1] ?? "")));
  };
  const paras: Para[] = [];
  let current: SourceLine[] = [];
  const rawLines = body.split(/\r\n|\r|\n/);
  rawLines.forEach((raw, i) => {
    const text = raw.trim();
    if (text.length === 0) {
      if (current.length > 0) paras.push(makePara(current));
      current = [];
      return;
    }
    const line: SourceLine = { text, line: firstLine + i, indent: raw.length - raw.trimStart().length };
    if (current.length > 0 && startsWithDeclared(text)) {
      paras.push(makePara(current));
      current = [];
    }
    current.push(line);
  });
  if (current.length > 0) paras.push(makePara(current));

  // 2. Paragraphs → turns.
  const builders: Builder[] = [];
  const used = new Set<string>();
  const pendingMarks: number[] = []; // mark-only paragraphs before the first turn
  let strayCount = 0;
  let strayFirst: { line: number; column: number } | null = null;
  let lastMark: { seconds: number; line: number } | null = null;

  const checkOrder = (seconds: number, line: number, column: number): void => {
    if (lastMark !== null && seconds < lastMark.seconds) {
      report(
        "error",
        line,
        column,
        `timestamp ${formatMark(seconds)} is earlier than the previous timestamp ${formatMark(lastMark.seconds)} (line ${lastMark.line}). Timestamps must not go backwards: fix the time or move the mark.`,
      );
      return; // keep the previous mark as reference
    }
    lastMark = { seconds, line };
  };

  /** Splits `text` (starting at `offset` in the paragraph) into inlines. */
  const inlinesOf = (para: Para, offset: number): Inline[] => {
    const text = para.text.slice(offset);
    const out: Inline[] = [];
    let buf = "";
    let last = 0;
    MARK_CANDIDATE_RE.lastIndex = 0;
    for (let m = MARK_CANDIDATE_RE.exec(text); m !== null; m = MARK_CANDIDATE_RE.exec(text)) {
      const candidate = m[0];
      const pos = locate(para, offset + m.index);
      const seconds = parseMark(candidate);
      if (seconds === null) {
        report(
          "warning",
          pos.line,
          pos.column,
          `"${candidate}" looks like a timestamp but is malformed; it is kept as text. Write it as [hh:mm:ss] (minutes and seconds 00-59), e.g. [00:13:00].`,
        );
        continue;
      }
      buf += text.slice(last, m.index);
      if (buf.length > 0) out.push({ kind: "text", text: buf });
      buf = "";
      out.push({ kind: "mark", seconds });
      checkOrder(seconds, pos.line, pos.column);
      last = m.index + candidate.length;
    }
    buf += text.slice(last);
    if (buf.length > 0) out.push({ kind: "text", text: buf });
    return out;
  };

  const addParagraph = (builder: Builder, item: ParaItem): void => {
    if (item.paragraph.length === 0) return;
    const prev = builder.paragraphs[builder.paragraphs.length - 1];
    if (item.markOnly && prev) prev.push({ kind: "text", text: " " }, ...item.paragraph);
    else builder.paragraphs.push(item.paragraph);
  };

  for (const para of paras) {
    let offset = 0;
    let leading: { seconds: number; offset: number } | null = null;
    const lead = /^\[\d{1,2}:\d{2}(?::\d{2})?\]/.exec(para.text);
    if (lead) {
      const seconds = parseMark(lead[0]);
      if (seconds !== null) {
        leading = { seconds, offset: 0 };
        offset = lead[0].length;
        while (offset < para.text.length && /\s/.test(para.text[offset] ?? "")) offset++;
      }
    }
    const rest = para.text.slice(offset);

    // Which label, if any?
    let label: string | null = null;
    let declaredLabel = false;
    for (const l of declaredByLength) {
      if (rest.startsWith(l + ":") && (rest.length === l.length + 1 || /\s/.test(rest[l.length + 1] ?? ""))) {
        label = l;
        declaredLabel = true;
        break;
      }
    }
    let escapedColonAt = -1;
    if (label === null) {
      const m = LABEL_LIKE_RE.exec(rest);
      if (m) {
        if (m[2] === "\\") escapedColonAt = offset + (m[1] ?? "").length;
        else label = m[1] ?? null;
      }
    }

    if (label === null) {
      // Continuation paragraph (or stray text before the first turn).
      const inlines = inlinesOf(para, 0);
      if (escapedColonAt >= 0) {
        // `Note\: …` is written on purpose: show it as `Note: …`.
        const firstText = inlines.find((i) => i.kind === "text");
        if (firstText && firstText.kind === "text") firstText.text = firstText.text.replace("\\:", ":");
      }
      const markOnly = inlines.every((i) => i.kind === "mark" || i.text.trim().length === 0);
      const cleaned = trimParagraph(inlines);
      const builder = builders[builders.length - 1];
      if (builder) {
        addParagraph(builder, { paragraph: cleaned, markOnly });
      } else if (markOnly) {
        for (const i of cleaned) if (i.kind === "mark") pendingMarks.push(i.seconds);
      } else {
        strayCount++;
        if (!strayFirst) strayFirst = { line: para.line, column: (para.segments[0]?.indent ?? 0) + 1 };
      }
      continue;
    }

    // A new turn.
    const labelPos = locate(para, offset);
    if (leading) {
      const pos = locate(para, 0);
      checkOrder(leading.seconds, pos.line, pos.column);
    }
    if (!declaredLabel) {
      report(
        "error",
        labelPos.line,
        labelPos.column,
        `"${label}:" is not a declared speaker (declared: ${declaredList}). Add it under "speakers:" in the front matter or fix the label. If this is not a speaker label, escape the colon ("${label}\\: …").`,
      );
    }
    used.add(label);
    let after = offset + label.length + 1;
    while (after < para.text.length && /\s/.test(para.text[after] ?? "")) after++;
    let start: number | null = leading ? leading.seconds : null;
    if (start === null) {
      const m = /^\[\d{1,2}:\d{2}(?::\d{2})?\]/.exec(para.text.slice(after));
      const seconds = m ? parseMark(m[0]) : null;
      if (m && seconds !== null) {
        const pos = locate(para, after);
        checkOrder(seconds, pos.line, pos.column);
        start = seconds;
        after += m[0].length;
      }
    }
    if (builders.length === 0 && pendingMarks.length > 0 && start === null) {
      start = pendingMarks[pendingMarks.length - 1] ?? null;
    }
    const builder: Builder = {
      label,
      speaker: fullName.get(label) ?? label,
      start,
      paragraphs: [],
      line: labelPos.line,
      column: labelPos.column,
    };
    builders.push(builder);
    const inlines = trimParagraph(inlinesOf(para, after));
    addParagraph(builder, { paragraph: inlines, markOnly: false });
  }

  if (strayCount > 0 && strayFirst) {
    const first: { line: number; column: number } = strayFirst;
    const example = declared[0] ?? "Name";
    report(
      "error",
      first.line,
      first.column,
      `text before the first speaker turn (${strayCount} paragraph${strayCount === 1 ? "" : "s"}). Every paragraph must belong to a turn: start the transcript with a speaker label such as "${example}: …", or move this text out of the transcript.`,
    );
  }

  for (const label of declared) {
    if (!used.has(label)) {
      report(
        "warning",
        1,
        undefined,
        `speaker "${label}" is declared under "speakers:" but never speaks. Remove it from the front matter or check the labels in the transcript.`,
      );
    }
  }

  // 3. Turns, word positions, anchors.
  const turns: Turn[] = builders.map((b, i) => ({
    id: `turn-${i + 1}`,
    label: b.label,
    speaker: b.speaker,
    start: b.start,
    estimatedStart: 0,
    paragraphs: b.paragraphs,
    words: 0,
    line: b.line,
  }));

  const anchors: { pos: number; seconds: number }[] = [];
  let reference = -Infinity;
  const addAnchor = (pos: number, seconds: number): void => {
    if (seconds < reference) return; // backwards: reported, ignored
    reference = seconds;
    const last = anchors[anchors.length - 1];
    if (last && last.pos === pos) last.seconds = seconds;
    else anchors.push({ pos, seconds });
  };
  for (const s of pendingMarks) addAnchor(0, s);
  let pos = 0;
  const turnPos: number[] = [];
  for (const turn of turns) {
    if (turn.start !== null) addAnchor(pos, turn.start);
    turnPos.push(pos);
    for (const p of turn.paragraphs) {
      for (const inline of p) {
        if (inline.kind === "mark") addAnchor(pos, inline.seconds);
        else {
          const words = countWords(inline.text);
          turn.words += words;
          pos += words;
        }
      }
    }
  }
  builders.forEach((b, i) => {
    if (turns[i]?.words === 0) {
      report(
        "warning",
        b.line,
        b.column,
        `turn "${b.label}:" has no words. Add what was said, merge it with the neighbouring turn, or remove the label.`,
      );
    }
  });
  const totalWords = pos;
  const explicitCount = anchors.length;
  const first = anchors[0];
  const lastA = anchors[anchors.length - 1];
  let rate = DEFAULT_WORDS_PER_SECOND;
  if (explicitCount >= 2 && first && lastA) {
    const dp = lastA.pos - first.pos;
    const dt = lastA.seconds - first.seconds;
    if (dp > 0 && dt > 0) rate = dp / dt;
  }
  if (!first || first.pos > 0) anchors.unshift({ pos: 0, seconds: 0 });

  const timeAt = (p: number): number => {
    let prev = anchors[0] ?? { pos: 0, seconds: 0 };
    for (const a of anchors) {
      if (a.pos === p) return a.seconds;
      if (a.pos > p) {
        return prev.seconds + ((a.seconds - prev.seconds) * (p - prev.pos)) / (a.pos - prev.pos);
      }
      prev = a;
    }
    return prev.seconds + (p - prev.pos) / rate;
  };
  const toMs = (s: number): number => Math.round(s * 1000);

  let prevMs = 0;
  let prevWordMs = -1;
  turns.forEach((turn, i) => {
    let ms = Math.max(toMs(timeAt(turnPos[i] ?? 0)), prevMs);
    if (turn.words > 0) {
      if (ms <= prevWordMs) ms = prevWordMs + 1;
      prevWordMs = ms;
    }
    prevMs = ms;
    turn.estimatedStart = ms / 1000;
  });
  let endMs = Math.max(toMs(timeAt(totalWords)), prevMs);
  if (prevWordMs >= 0 && endMs <= prevWordMs) endMs = prevWordMs + 1;

  diagnostics.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { turns, diagnostics, end: endMs / 1000 };
}

/** Drops leading/trailing whitespace-only text and trims the ends. */
function trimParagraph(inlines: Inline[]): Inline[] {
  const out = inlines.map((i) => (i.kind === "text" ? { ...i } : i));
  const firstText = out.find((i) => i.kind === "text");
  if (firstText && firstText.kind === "text" && out.indexOf(firstText) === 0) firstText.text = firstText.text.trimStart();
  const last = out[out.length - 1];
  if (last && last.kind === "text") last.text = last.text.trimEnd();
  return out.filter((i) => i.kind === "mark" || i.text.length > 0);
}
