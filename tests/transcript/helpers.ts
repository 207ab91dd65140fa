import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { WebVTTParser } = require("webvtt-parser") as typeof import("webvtt-parser");
// The full entity table: the parser's default one decodes `&amp;` wrongly.
const entities = require("webvtt-parser/html-entities.json") as Record<string, string>;

/** Parses WebVTT with the independent `webvtt-parser` (W3C validator). */
export function parseVtt(vtt: string) {
  return new WebVTTParser(entities).parse(vtt, "metadata");
}

export interface SrtCue {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** A small, strict SubRip reader written for the tests (independent of the exporter). */
export function parseSrt(srt: string): SrtCue[] {
  assert.ok(srt.endsWith("\n"), "SRT ends with a newline");
  assert.ok(!/\n\n\n/.test(srt), "SRT has no double blank lines");
  const time = (s: string): number => {
    const m = /^(\d{2,}):([0-5]\d):([0-5]\d),(\d{3})$/.exec(s);
    assert.ok(m, `bad SRT time ${JSON.stringify(s)}`);
    return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
  };
  return srt
    .trimEnd()
    .split("\n\n")
    .map((block, i) => {
      const [indexLine = "", timing = "", ...textLines] = block.split("\n");
      assert.equal(indexLine, String(i + 1), "cues are numbered from 1 without gaps");
      const m = /^(\S+) --> (\S+)$/.exec(timing);
      assert.ok(m, `bad SRT timing line ${JSON.stringify(timing)}`);
      assert.ok(textLines.length > 0 && textLines.every((l) => l.trim().length > 0), "cue has non-blank text");
      return { index: i + 1, start: time(m[1] ?? ""), end: time(m[2] ?? ""), text: textLines.join("\n") };
    });
}
