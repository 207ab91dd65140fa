/**
 * WebVTT readers: voice tags (Teams, Apple Podcasts, our own export) and
 * Zoom (`Name: text` cue text). Pure functions.
 */
import { parseClock } from "../../text/clock.ts";
import { collapseSpace, decodeEntities, excerpt, normalizeInput, speakerLines, speakerRules } from "./text.ts";
import { ImportError, type Cue } from "./types.ts";

/** A WebVTT cue before speakers are worked out. */
export interface VttBlock {
  start: number;
  end: number;
  /** Cue payload lines joined with `\n`, tags and character references untouched. */
  payload: string;
  /** 1-based line of the first payload line. */
  line: number;
}

const TIMING_RE = /^(\S+)[ \t]+-->[ \t]+(\S+)/;

/** Splits a WebVTT file into cues (NOTE, STYLE and REGION blocks are skipped). */
export function readVttBlocks(input: string): VttBlock[] {
  const lines = normalizeInput(input).split("\n");
  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? "")) {
    throw new ImportError(`line 1: a WebVTT file starts with "WEBVTT"; found "${excerpt(lines[0] ?? "")}".`);
  }
  const blocks: VttBlock[] = [];
  let i = 0;
  // The header runs to the first blank line.
  while (i < lines.length && (lines[i] ?? "").trim() !== "") i++;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
    if (i >= lines.length) break;
    const first = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "") block.push(lines[i++] ?? "");
    const head = block[0] ?? "";
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(head)) continue;
    const timingIndex = head.includes("-->") ? 0 : (block[1] ?? "").includes("-->") ? 1 : -1;
    if (timingIndex < 0) {
      throw new ImportError(
        `line ${first + 1}: expected a cue timing line such as "00:00:01.000 --> 00:00:04.000"; found "${excerpt(head)}".`,
      );
    }
    const timingLine = first + timingIndex + 1;
    const timing = TIMING_RE.exec((block[timingIndex] ?? "").trim());
    const start = timing ? parseClock(timing[1] ?? "") : null;
    const end = timing ? parseClock(timing[2] ?? "") : null;
    if (start === null || end === null) {
      throw new ImportError(
        `line ${timingLine}: malformed cue timing "${excerpt(block[timingIndex] ?? "")}"; expected "hh:mm:ss.ttt --> hh:mm:ss.ttt".`,
      );
    }
    blocks.push({ start, end, payload: block.slice(timingIndex + 1).join("\n"), line: timingLine + 1 });
  }
  return blocks;
}

/** Removes every tag (`<c>`, `<i>`, `<00:00:01.000>`, `<v …>`…) and decodes character references. */
export function vttPlainText(payload: string): string {
  return decodeEntities(payload.replace(/<[^>]*>/g, ""));
}

const VOICE_RE = /^v(?:\.[^\s>]*)?(?:[ \t\n]+([\s\S]*))?$/;

/**
 * WebVTT with voice spans: `<v Full Name>text</v>`, `<v.loud Name>text`.
 * A cue may hold several voices (one cue each, same times). Text outside any
 * voice span belongs to the previous speaker.
 */
export function readVoiceVtt(input: string): Cue[] {
  const cues: Cue[] = [];
  let current: string | null = null;
  for (const block of readVttBlocks(input)) {
    const segments: { speaker: string | null; text: string; offset: number }[] = [
      { speaker: null, text: "", offset: 0 },
    ];
    let last = 0;
    const TAG = /<([^>]*)>/g;
    for (let m = TAG.exec(block.payload); m !== null; m = TAG.exec(block.payload)) {
      const segment = segments[segments.length - 1];
      if (segment) segment.text += block.payload.slice(last, m.index);
      last = m.index + m[0].length;
      const voice = VOICE_RE.exec(m[1] ?? "");
      if (voice) {
        const name = collapseSpace(decodeEntities(voice[1] ?? ""));
        const offset = block.payload.slice(0, m.index).split("\n").length - 1;
        segments.push({ speaker: name.length > 0 ? name : null, text: "", offset });
      }
    }
    const tail = segments[segments.length - 1];
    if (tail) tail.text += block.payload.slice(last);
    for (const segment of segments) {
      if (segment.speaker !== null) current = segment.speaker;
      const text = collapseSpace(decodeEntities(segment.text));
      if (text.length === 0) continue;
      const line = block.line + segment.offset;
      if (current === null) {
        throw new ImportError(
          `line ${line}: cannot tell who says "${excerpt(text)}": the cue has no <v Name> voice tag and no earlier cue names a speaker.`,
        );
      }
      cues.push({ speaker: current, start: block.start, end: block.end, text, line });
    }
  }
  return cues;
}

/**
 * Zoom WebVTT: the cue text starts with `Name: ` (no voice tags). A cue (or
 * cue line) without a name continues the previous speaker.
 */
export function readZoomVtt(input: string): Cue[] {
  const cues: Cue[] = [];
  let current: string | null = null;
  const blocks = readVttBlocks(input).map((block) => ({ ...block, lines: vttPlainText(block.payload).split("\n") }));
  const rules = speakerRules(blocks.map((b) => b.lines));
  for (const block of blocks) {
    for (const part of speakerLines(block.lines, rules)) {
      if (part.speaker !== null) current = part.speaker;
      const text = collapseSpace(part.text);
      if (text.length === 0) continue;
      if (current === null) {
        throw new ImportError(
          `line ${block.line + part.offset}: cannot tell who says "${excerpt(text)}": Zoom captions start with "Name: " and no earlier cue names a speaker. ` +
            `If this WebVTT file has no speaker names at all, it cannot be imported as is.`,
        );
      }
      cues.push({ speaker: current, start: block.start, end: block.end, text, line: block.line + part.offset });
    }
  }
  return cues;
}
