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
import { formatHms, parseClock } from "../text/clock.ts";

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
/* Marks (the other clock times are src/text/clock.ts's)               */
/* ------------------------------------------------------------------ */

/** "[hh:mm:ss]" as a mark is displayed (seconds floored). */
export function formatMark(seconds: number): string {
  return `[${formatHms(seconds)}]`;
}

/**
 * A mark's clock: `h:mm:ss` or `hh:mm:ss`, or `mm:ss` with two digits of minutes (`[0:13]` is
 * ambiguous: `[00:13]`), minutes below 60 either way (parseClock checks the seconds).
 */
const MARK_CLOCK = /^\[((?:\d{1,2}:)?[0-5]\d:\d{2})\]$/;

/**
 * Parses the inside of a timestamp candidate (`[..]`). Returns seconds, or
 * null when it is not a valid mark. Valid: `[h:mm:ss]`, `[hh:mm:ss]`,
 * `[mm:ss]` with minutes and seconds below 60.
 */
export function parseMark(candidate: string): number | null {
  const clock = MARK_CLOCK.exec(candidate)?.[1];
  return clock === undefined ? null : parseClock(clock);
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
      else if (!leftSpace && !rightSpace) text = ` ${text}`;
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

export function parseTranscript(body: string, options: ParseOptions): ParsedTranscript {
  const diagnostics = new Diagnostics(options.file);
  const speakers = declaredSpeakers(options.speakers ?? {}, diagnostics);
  const paras = paragraphsOf(body, options.firstLine, speakers.byLength);
  const { builders, pendingMarks } = turnBuildersOf(paras, speakers, diagnostics);
  const turns = builders.map(toTurn);
  const { anchors, turnPositions, totalWords } = wordPositions(turns, pendingMarks);
  reportEmptyTurns(builders, turns, diagnostics);
  const end = estimateTimes(turns, turnPositions, totalWords, timelineOf(anchors));
  return { turns, diagnostics: diagnostics.sorted(), end };
}

/* Shared state: one instance per call, so the parser stays pure. --- */

/** Collects the diagnostics of one file; messages start with `file:line[:column]:`. */
class Diagnostics {
  private readonly file: string;
  private readonly list: Diagnostic[] = [];

  constructor(file: string) {
    this.file = file;
  }

  report(severity: Diagnostic["severity"], line: number, column: number | undefined, message: string): void {
    const where = column === undefined ? `${this.file}:${line}` : `${this.file}:${line}:${column}`;
    const d: Diagnostic = { file: this.file, line, severity, message: `${where}: ${message}` };
    if (column !== undefined) d.column = column;
    this.list.push(d);
  }

  /** By line, then column (none counts as 0); the sort is stable, so ties keep the order found. */
  sorted(): Diagnostic[] {
    return this.list.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  }
}

/** Reports a timestamp earlier than the last valid one, in the order marks are read. */
class MarkOrder {
  private readonly diagnostics: Diagnostics;
  private last: { seconds: number; line: number } | null = null;

  constructor(diagnostics: Diagnostics) {
    this.diagnostics = diagnostics;
  }

  check(seconds: number, line: number, column: number): void {
    const last = this.last;
    if (last !== null && seconds < last.seconds) {
      this.diagnostics.report(
        "error",
        line,
        column,
        `timestamp ${formatMark(seconds)} is earlier than the previous timestamp ${formatMark(last.seconds)} (line ${last.line}). Timestamps must not go backwards: fix the time or move the mark.`,
      );
      return; // keep the previous mark as reference
    }
    this.last = { seconds, line };
  }
}

/* Declared speakers ------------------------------------------------ */

interface Speakers {
  /** Non-blank labels, in front matter order. */
  labels: string[];
  /** Longest first, so "Anne Marie" wins over "Anne". */
  byLength: string[];
  /** Label → full name (the label itself when the name is empty). */
  fullName: Map<string, string>;
}

function declaredSpeakers(speakers: Record<string, unknown>, diagnostics: Diagnostics): Speakers {
  const labels = Object.keys(speakers).filter((k) => k.trim().length > 0);
  const fullName = new Map<string, string>();
  for (const label of labels) {
    const name = speakers[label];
    if (typeof name !== "string" || name.trim().length === 0) {
      diagnostics.report(
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
  return { labels, byLength: [...labels].sort((a, b) => b.length - a.length), fullName };
}

/** `label` followed by `:` and then whitespace or the end of `text`. */
function startsWithLabel(text: string, label: string): boolean {
  return text.startsWith(`${label}:`) && (text.length === label.length + 1 || /\s/.test(text[label.length + 1] ?? ""));
}

/* 1. Lines → paragraphs -------------------------------------------- */

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

/** Blank lines separate paragraphs; a line starting with a declared label also starts one. */
function paragraphsOf(body: string, firstLine: number, labelsByLength: string[]): Para[] {
  const paras: Para[] = [];
  let current: SourceLine[] = [];
  body.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (text.length === 0) {
      if (current.length > 0) paras.push(makePara(current));
      current = [];
      return;
    }
    if (current.length > 0 && startsWithDeclaredLabel(text, labelsByLength)) {
      paras.push(makePara(current));
      current = [];
    }
    current.push({ text, line: firstLine + i, indent: raw.length - raw.trimStart().length });
  });
  if (current.length > 0) paras.push(makePara(current));
  return paras;
}

/** A line that starts a turn (transcripts pasted without blank lines): `[mark] Label:`. */
function startsWithDeclaredLabel(text: string, labelsByLength: string[]): boolean {
  const t = text.replace(/^\[\d{1,2}:\d{2}(?::\d{2})?\]\s*/, "");
  return labelsByLength.some((l) => startsWithLabel(t, l));
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
  const i = lastSegmentAtOrBefore(para.segments, offset);
  const seg = para.segments[Math.max(i, 0)] ?? { offset: 0, line: para.line, indent: 0 };
  return { line: seg.line, column: seg.indent + (offset - seg.offset) + 1 };
}

/**
 * Index of the line holding `offset` (-1 when before the first): a binary search, since a
 * paragraph pasted without blank lines can hold thousands of lines, each with marks to locate.
 */
function lastSegmentAtOrBefore(segments: Para["segments"], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid]?.offset ?? Infinity) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/* 2. Paragraphs → turns -------------------------------------------- */

/** Anything that looks like it wants to be a timestamp: `[` digits `:` … */
const MARK_CANDIDATE_RE = /\[\d+:[\d:]*\]?/g;
/** A mark-shaped token at the start of a text (its value may still be invalid). */
const LEADING_MARK_RE = /^\[\d{1,2}:\d{2}(?::\d{2})?\]/;
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

/** What a paragraph starts with: an optional valid mark, then maybe a label. */
interface Heading {
  /** Seconds of a valid leading mark, else null. */
  leading: number | null;
  /** Where the text after the leading mark (and its spaces) starts. */
  offset: number;
  /** Declared or undeclared label; null for a continuation paragraph. */
  label: string | null;
  declared: boolean;
  /** `Label\: …`: label-like text written on purpose. */
  escaped: boolean;
}

/** Phase 2 state, threaded through the functions below. */
interface TurnState {
  speakers: Speakers;
  diagnostics: Diagnostics;
  marks: MarkOrder;
  builders: Builder[];
  used: Set<string>;
  /** Marks of mark-only paragraphs before the first turn. */
  pendingMarks: number[];
  stray: { count: number; first: { line: number; column: number } | null };
}

function turnBuildersOf(
  paras: Para[],
  speakers: Speakers,
  diagnostics: Diagnostics,
): { builders: Builder[]; pendingMarks: number[] } {
  const state: TurnState = {
    speakers,
    diagnostics,
    marks: new MarkOrder(diagnostics),
    builders: [],
    used: new Set(),
    pendingMarks: [],
    stray: { count: 0, first: null },
  };
  for (const para of paras) {
    const heading = headingOf(para, speakers.byLength);
    if (heading.label === null) continueTurn(state, para, heading);
    else startTurn(state, para, heading, heading.label);
  }
  reportStrayText(state);
  reportUnusedSpeakers(state);
  return { builders: state.builders, pendingMarks: state.pendingMarks };
}

function headingOf(para: Para, labelsByLength: string[]): Heading {
  let offset = 0;
  let leading: number | null = null;
  const lead = LEADING_MARK_RE.exec(para.text);
  const leadSeconds = lead ? parseMark(lead[0]) : null;
  if (lead && leadSeconds !== null) {
    leading = leadSeconds;
    offset = skipSpaces(para.text, lead[0].length);
  }
  const rest = para.text.slice(offset);
  const declared = labelsByLength.find((l) => startsWithLabel(rest, l));
  if (declared !== undefined) return { leading, offset, label: declared, declared: true, escaped: false };
  const m = LABEL_LIKE_RE.exec(rest);
  const escaped = m !== null && m[2] === "\\";
  const label = m !== null && !escaped ? (m[1] ?? null) : null;
  return { leading, offset, label, declared: false, escaped };
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? "")) i++;
  return i;
}

/** A paragraph without a label: more of the current turn, or text before the first turn. */
function continueTurn(state: TurnState, para: Para, heading: Heading): void {
  const inlines = inlinesOf(para, 0, state);
  if (heading.escaped) {
    // `Note\: …` is written on purpose: show it as `Note: …`.
    const firstText = inlines.find((i) => i.kind === "text");
    if (firstText && firstText.kind === "text") firstText.text = firstText.text.replace("\\:", ":");
  }
  const markOnly = inlines.every((i) => i.kind === "mark" || i.text.trim().length === 0);
  const cleaned = trimParagraph(inlines);
  const builder = state.builders[state.builders.length - 1];
  if (builder) {
    addParagraph(builder, cleaned, markOnly);
  } else if (markOnly) {
    for (const i of cleaned) if (i.kind === "mark") state.pendingMarks.push(i.seconds);
  } else {
    state.stray.count++;
    state.stray.first ??= { line: para.line, column: (para.segments[0]?.indent ?? 0) + 1 };
  }
}

function startTurn(state: TurnState, para: Para, heading: Heading, label: string): void {
  const labelPos = locate(para, heading.offset);
  if (heading.leading !== null) {
    const pos = locate(para, 0);
    state.marks.check(heading.leading, pos.line, pos.column);
  }
  if (!heading.declared) reportUndeclaredLabel(state, label, labelPos);
  state.used.add(label);
  let after = skipSpaces(para.text, heading.offset + label.length + 1);
  let start = heading.leading;
  if (start === null) {
    const mark = markAfterLabel(state, para, after);
    if (mark) {
      start = mark.seconds;
      after = mark.end;
    }
  }
  // Mark-only paragraphs before the first turn give its start.
  if (state.builders.length === 0 && state.pendingMarks.length > 0 && start === null) {
    start = state.pendingMarks[state.pendingMarks.length - 1] ?? null;
  }
  const speaker = state.speakers.fullName.get(label) ?? label;
  const builder: Builder = { label, speaker, start, paragraphs: [], line: labelPos.line, column: labelPos.column };
  state.builders.push(builder);
  addParagraph(builder, trimParagraph(inlinesOf(para, after, state)), false);
}

/** `Label: [00:01:05] …`: a valid mark right after the label is the turn's start. */
function markAfterLabel(state: TurnState, para: Para, after: number): { seconds: number; end: number } | null {
  const m = LEADING_MARK_RE.exec(para.text.slice(after));
  const seconds = m ? parseMark(m[0]) : null;
  if (!m || seconds === null) return null;
  const pos = locate(para, after);
  state.marks.check(seconds, pos.line, pos.column);
  return { seconds, end: after + m[0].length };
}

/** Splits the paragraph text from `offset` into text and marks; a malformed mark stays text. */
function inlinesOf(para: Para, offset: number, state: TurnState): Inline[] {
  const text = para.text.slice(offset);
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(MARK_CANDIDATE_RE)) {
    const candidate = m[0];
    const index = m.index ?? 0;
    const pos = locate(para, offset + index);
    const seconds = parseMark(candidate);
    if (seconds === null) {
      reportMalformedMark(state.diagnostics, candidate, pos);
      continue;
    }
    const before = text.slice(last, index);
    if (before.length > 0) out.push({ kind: "text", text: before });
    out.push({ kind: "mark", seconds });
    state.marks.check(seconds, pos.line, pos.column);
    last = index + candidate.length;
  }
  const after = text.slice(last);
  if (after.length > 0) out.push({ kind: "text", text: after });
  return out;
}

/** A mark-only paragraph is a time mark at the end of the turn's last paragraph. */
function addParagraph(builder: Builder, paragraph: Inline[], markOnly: boolean): void {
  if (paragraph.length === 0) return;
  const prev = builder.paragraphs[builder.paragraphs.length - 1];
  if (markOnly && prev) prev.push({ kind: "text", text: " " }, ...paragraph);
  else builder.paragraphs.push(paragraph);
}

/** Drops leading/trailing whitespace-only text and trims the ends. */
function trimParagraph(inlines: Inline[]): Inline[] {
  const out = inlines.map((i) => (i.kind === "text" ? { ...i } : i));
  const firstText = out.find((i) => i.kind === "text");
  if (firstText && firstText.kind === "text" && out.indexOf(firstText) === 0)
    firstText.text = firstText.text.trimStart();
  const last = out[out.length - 1];
  if (last && last.kind === "text") last.text = last.text.trimEnd();
  return out.filter((i) => i.kind === "mark" || i.text.length > 0);
}

function reportMalformedMark(diagnostics: Diagnostics, candidate: string, pos: { line: number; column: number }): void {
  diagnostics.report(
    "warning",
    pos.line,
    pos.column,
    `"${candidate}" looks like a timestamp but is malformed; it is kept as text. Write it as [hh:mm:ss] (minutes and seconds 00-59), e.g. [00:13:00].`,
  );
}

function reportUndeclaredLabel(state: TurnState, label: string, pos: { line: number; column: number }): void {
  const declaredList = state.speakers.labels.length > 0 ? state.speakers.labels.join(", ") : "none";
  state.diagnostics.report(
    "error",
    pos.line,
    pos.column,
    `"${label}:" is not a declared speaker (declared: ${declaredList}). Add it under "speakers:" in the front matter or fix the label. If this is not a speaker label, escape the colon ("${label}\\: …").`,
  );
}

/** One error for all the text before the first turn, at its first paragraph. */
function reportStrayText({ stray, speakers, diagnostics }: TurnState): void {
  if (stray.count === 0 || stray.first === null) return;
  const example = speakers.labels[0] ?? "Name";
  diagnostics.report(
    "error",
    stray.first.line,
    stray.first.column,
    `text before the first speaker turn (${stray.count} paragraph${stray.count === 1 ? "" : "s"}). Every paragraph must belong to a turn: start the transcript with a speaker label such as "${example}: …", or move this text out of the transcript.`,
  );
}

function reportUnusedSpeakers({ speakers, used, diagnostics }: TurnState): void {
  for (const label of speakers.labels) {
    if (used.has(label)) continue;
    diagnostics.report(
      "warning",
      1,
      undefined,
      `speaker "${label}" is declared under "speakers:" but never speaks. Remove it from the front matter or check the labels in the transcript.`,
    );
  }
}

/* 3. Turns, word positions, anchors --------------------------------- */

/** A word position pinned to a time. */
interface Anchor {
  pos: number;
  seconds: number;
}

function toTurn(b: Builder, i: number): Turn {
  return {
    id: `turn-${i + 1}`,
    label: b.label,
    speaker: b.speaker,
    start: b.start,
    estimatedStart: 0,
    paragraphs: b.paragraphs,
    words: 0,
    line: b.line,
  };
}

/** Counts each turn's words and pins every valid mark to the word after it. */
function wordPositions(
  turns: Turn[],
  pendingMarks: number[],
): { anchors: Anchor[]; turnPositions: number[]; totalWords: number } {
  const anchors = new AnchorList();
  for (const s of pendingMarks) anchors.add(0, s);
  let pos = 0;
  const turnPositions: number[] = [];
  for (const turn of turns) {
    if (turn.start !== null) anchors.add(pos, turn.start);
    turnPositions.push(pos);
    for (const paragraph of turn.paragraphs) {
      for (const inline of paragraph) {
        if (inline.kind === "mark") {
          anchors.add(pos, inline.seconds);
        } else {
          const words = countWords(inline.text);
          turn.words += words;
          pos += words;
        }
      }
    }
  }
  return { anchors: anchors.list, turnPositions, totalWords: pos };
}

/** Anchors in word order; a later mark at the same position wins, a backwards one is ignored. */
class AnchorList {
  readonly list: Anchor[] = [];
  private reference = -Infinity;

  add(pos: number, seconds: number): void {
    if (seconds < this.reference) return; // backwards: reported in phase 2, ignored here
    this.reference = seconds;
    const last = this.list[this.list.length - 1];
    if (last && last.pos === pos) last.seconds = seconds;
    else this.list.push({ pos, seconds });
  }
}

function reportEmptyTurns(builders: Builder[], turns: Turn[], diagnostics: Diagnostics): void {
  builders.forEach((b, i) => {
    if (turns[i]?.words !== 0) return;
    diagnostics.report(
      "warning",
      b.line,
      b.column,
      `turn "${b.label}:" has no words. Add what was said, merge it with the neighbouring turn, or remove the label.`,
    );
  });
}

/** Pins to interpolate between (word 0 at 0 s unless a mark pins it) and the rate after the last one. */
interface Timeline {
  anchors: Anchor[];
  wordsPerSecond: number;
}

function timelineOf(explicit: Anchor[]): Timeline {
  const wordsPerSecond = speakingRate(explicit);
  const first = explicit[0];
  const anchors = !first || first.pos > 0 ? [{ pos: 0, seconds: 0 }, ...explicit] : explicit;
  return { anchors, wordsPerSecond };
}

/** Words between the first and last mark / seconds between them; the default under two marks. */
function speakingRate(explicit: Anchor[]): number {
  const first = explicit[0];
  const last = explicit[explicit.length - 1];
  if (explicit.length < 2 || !first || !last) return DEFAULT_WORDS_PER_SECOND;
  const dp = last.pos - first.pos;
  const dt = last.seconds - first.seconds;
  return dp > 0 && dt > 0 ? dp / dt : DEFAULT_WORDS_PER_SECOND;
}

/** Seconds at word position `p`: linear between pins, extrapolated after the last one. */
function timeAt({ anchors, wordsPerSecond }: Timeline, p: number): number {
  const i = firstPinAtOrAfter(anchors, p);
  const a = anchors[i];
  const prev = anchors[i - 1] ?? anchors[0] ?? { pos: 0, seconds: 0 };
  if (a === undefined) return prev.seconds + (p - prev.pos) / wordsPerSecond;
  if (a.pos === p) return a.seconds;
  return prev.seconds + ((a.seconds - prev.seconds) * (p - prev.pos)) / (a.pos - prev.pos);
}

/**
 * Index of the first pin at or after word `p` (`anchors.length` when none): a binary search,
 * since pins are in increasing word order and every turn asks, so a scan would be quadratic.
 */
function firstPinAtOrAfter(anchors: Anchor[], p: number): number {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((anchors[mid]?.pos ?? Infinity) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const toMs = (s: number): number => Math.round(s * 1000);

/**
 * Sets each turn's `estimatedStart` and returns `end` (ms precision): starts never
 * decrease, a turn with words starts at least 1 ms after the previous one with words,
 * and `end` comes after every start.
 */
function estimateTimes(turns: Turn[], turnPositions: number[], totalWords: number, timeline: Timeline): number {
  let prevMs = 0;
  let prevWordMs = -1;
  turns.forEach((turn, i) => {
    let ms = Math.max(toMs(timeAt(timeline, turnPositions[i] ?? 0)), prevMs);
    if (turn.words > 0) {
      if (ms <= prevWordMs) ms = prevWordMs + 1;
      prevWordMs = ms;
    }
    prevMs = ms;
    turn.estimatedStart = ms / 1000;
  });
  let endMs = Math.max(toMs(timeAt(timeline, totalWords)), prevMs);
  if (prevWordMs >= 0 && endMs <= prevWordMs) endMs = prevWordMs + 1;
  return endMs / 1000;
}
