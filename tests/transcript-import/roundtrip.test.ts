/**
 * Round trips through every supported format: a real transcript is exported
 * (WebVTT and SRT by the site's own exporters, Zoom VTT / Otter / bracket
 * lines by the small writers below), imported back, and the imported
 * Markdown is parsed by the site's parser.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { toSRT, toWebVTT, transcriptCues, type TranscriptCue } from "../../src/transcript/export.ts";
import { formatClock } from "../../src/text/clock.ts";
import type { ParsedTranscript } from "../../src/transcript/parse.ts";
import { importTranscript, type TranscriptFormat } from "../../src/transcript/import/index.ts";
import { MARIA, episodesWithTranscript, parseMarkdown, readEpisodeTranscript, turnsOf, words } from "./helpers.ts";

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** Zoom: `Full Name: text` cues of at most 12 words; a long turn becomes several cues of the same speaker. */
function toZoomVtt(t: ParsedTranscript): string {
  let out = "WEBVTT\n";
  let n = 0;
  for (const cue of transcriptCues(t)) {
    const all = words(cue.text);
    for (let i = 0; i < all.length; i += 12) {
      const start = cue.start + ((cue.end - cue.start) * i) / all.length;
      const end = cue.start + ((cue.end - cue.start) * Math.min(i + 12, all.length)) / all.length;
      out += `\n${++n}\n${formatClock(start)} --> ${formatClock(end)}\n${cue.turn.speaker}: ${all.slice(i, i + 12).join(" ")}\n`;
    }
  }
  return out;
}

/** Otter: `Full Name  m:ss` (h:mm:ss from an hour on), then one line per paragraph. */
function otterTime(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s % 60)}` : `${m}:${pad2(s % 60)}`;
}
function toOtter(t: ParsedTranscript): string {
  return `${transcriptCues(t)
    .map((cue) => `${cue.turn.speaker}  ${otterTime(cue.start)}\n${cue.text}\n`)
    .join("\n")}\n\nTranscribed by https://otter.ai\n`;
}

/** Bracket lines: one `[hh:mm:ss] Full Name: paragraph` per paragraph, times interpolated by words. */
function bracket(seconds: number): string {
  const s = Math.floor(seconds);
  return `[${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}]`;
}
function toBrackets(t: ParsedTranscript): string {
  const lines: string[] = [];
  for (const cue of transcriptCues(t)) {
    const total = words(cue.text).length;
    let before = 0;
    for (const paragraph of cue.text.split("\n")) {
      lines.push(`${bracket(cue.start + ((cue.end - cue.start) * before) / total)} ${cue.turn.speaker}: ${paragraph}`);
      before += words(paragraph).length;
    }
  }
  return `${lines.join("\n")}\n`;
}

const WRITERS: Record<TranscriptFormat, (t: ParsedTranscript) => string> = {
  vtt: toWebVTT,
  srt: toSRT,
  zoom: toZoomVtt,
  otter: toOtter,
  brackets: toBrackets,
};

/** Exported cues grouped like the importer groups them: consecutive cues of one speaker are one turn. */
function expectedTurns(
  cues: TranscriptCue[],
): { speaker: string; start: number; text: string; paragraphs: string[] }[] {
  const out: { speaker: string; start: number; text: string; paragraphs: string[] }[] = [];
  for (const cue of cues) {
    const last = out[out.length - 1];
    if (last && last.speaker === cue.turn.speaker) {
      last.text += `\n${cue.text}`;
      last.paragraphs.push(...cue.text.split("\n"));
    } else out.push({ speaker: cue.turn.speaker, start: cue.start, text: cue.text, paragraphs: cue.text.split("\n") });
  }
  return out;
}

function roundTrip(folder: string, format: TranscriptFormat): void {
  const source = readEpisodeTranscript(folder);
  const exported = WRITERS[format](source);
  const result = importTranscript(exported);
  assert.equal(result.format, format, "the format is detected");
  assert.deepEqual(result.warnings, []);
  const imported = parseMarkdown(result.markdown);
  assert.deepEqual(imported.diagnostics, [], "the imported transcript parses without errors or warnings");

  const expected = expectedTurns(transcriptCues(source));
  const got = turnsOf(imported);
  assert.deepEqual(
    got.map((t) => t.speaker),
    expected.map((t) => t.speaker),
    "same sequence of speakers (full names)",
  );
  got.forEach((turn, i) => {
    const want = expected[i]!;
    assert.deepEqual(words(turn.text), words(want.text), `turn ${i + 1}: same words`);
    assert.ok(turn.start !== null, `turn ${i + 1} starts with a mark`);
    assert.ok(
      turn.start <= want.start + 1e-6 && want.start - turn.start < 1,
      `turn ${i + 1}: start ${turn.start} is the exported ${want.start} rounded down`,
    );
    // Otter keeps paragraphs; caption formats join a turn into one paragraph.
    if (format === "otter") assert.deepEqual(turn.paragraphs, want.paragraphs, `turn ${i + 1}: same paragraphs`);
    else assert.equal(turn.paragraphs.length, 1, `turn ${i + 1}: one paragraph`);
  });
  // Whole-transcript word sequence too (nothing lost between turns).
  assert.deepEqual(
    got.flatMap((t) => words(t.text)),
    transcriptCues(source).flatMap((c) => words(c.text)),
  );
  // Full names in front matter; the first name as label.
  const names = [...new Set(expected.map((t) => t.speaker))];
  assert.deepEqual(Object.values(imported.speakers), names);
  for (const [label, name] of Object.entries(imported.speakers)) assert.equal(label, name.split(" ")[0]);
}

describe("round trip of the Maria Bracho episode", () => {
  for (const format of Object.keys(WRITERS) as TranscriptFormat[]) {
    it(`through ${format}`, () => roundTrip(MARIA, format));
  }
});

describe("round trip of every other episode transcript", () => {
  const others = episodesWithTranscript().filter((f) => f !== MARIA);
  it("has other episodes to try", () => assert.ok(others.length >= 3, `found ${others.join(", ")}`));
  for (const folder of others) {
    for (const format of Object.keys(WRITERS) as TranscriptFormat[]) {
      it(`${folder} through ${format}`, () => roundTrip(folder, format));
    }
  }
});

describe("a long turn split into many Zoom cues", () => {
  it("comes back as one turn, with the first cue's time", () => {
    const source = readEpisodeTranscript(MARIA);
    const zoom = toZoomVtt(source);
    const cueCount = (zoom.match(/ --> /g) ?? []).length;
    const result = importTranscript(zoom);
    assert.ok(cueCount > result.turns.length * 2, `${cueCount} cues for ${result.turns.length} turns`);
    assert.equal(result.turns.length, transcriptCues(source).length);
  });
});
