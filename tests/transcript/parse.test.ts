import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  countWords,
  paragraphText,
  parseMark,
  parseTranscript,
  turnText,
  type Inline,
  type ParsedTranscript,
} from "../../src/transcript/parse.ts";

const SPEAKERS = { Alexis: "Alexis Monville", Maria: "Maria Bracho" };
const FILE = "content/posts/maria/transcript.md";

function parse(body: string, speakers: Record<string, string> = SPEAKERS, firstLine = 1): ParsedTranscript {
  return parseTranscript(body, { file: FILE, firstLine, speakers });
}
const errors = (t: ParsedTranscript) => t.diagnostics.filter((d) => d.severity === "error");
const warnings = (t: ParsedTranscript) => t.diagnostics.filter((d) => d.severity === "warning");
const text = (s: string): Inline => ({ kind: "text", text: s });
const mark = (seconds: number): Inline => ({ kind: "mark", seconds });

describe("parseTranscript: turns", () => {
  it("starts a turn at each `Label:` paragraph, with ids, labels, full names and file lines", () => {
    const t = parse("Alexis: Welcome to the show.\n\nMaria: Thank you.\n\nAlexis: Bye.", SPEAKERS, 12);
    assert.deepEqual(
      t.turns.map((x) => [x.id, x.label, x.speaker, x.line, x.start]),
      [
        ["turn-1", "Alexis", "Alexis Monville", 12, null],
        ["turn-2", "Maria", "Maria Bracho", 14, null],
        ["turn-3", "Alexis", "Alexis Monville", 16, null],
      ],
    );
    assert.deepEqual(t.turns[0]?.paragraphs, [[text("Welcome to the show.")]]);
    assert.deepEqual(t.diagnostics, []);
  });

  it("continues the current turn with paragraphs that have no label, stray lines included", () => {
    const t = parse("Alexis: First part.\n\nSecond part of the question about\n\nculture?\n\nWait,\n\nMaria: Answer.");
    assert.equal(t.turns.length, 2);
    assert.deepEqual(t.turns[0]?.paragraphs, [
      [text("First part.")],
      [text("Second part of the question about")],
      [text("culture?")],
      [text("Wait,")],
    ]);
    assert.deepEqual(t.diagnostics, []);
  });

  it("reads a timestamp before the label or right after it as the turn's explicit start", () => {
    const t = parse("[00:01:00] Alexis: Hello there.\n\nMaria: [00:01:05] Hi.\n\nAlexis: [01:10] Yes.");
    assert.deepEqual(
      t.turns.map((x) => x.start),
      [60, 65, 70],
    );
    assert.deepEqual(t.turns[0]?.paragraphs, [[text("Hello there.")]]);
    assert.deepEqual(t.turns[1]?.paragraphs, [[text("Hi.")]]);
    assert.deepEqual(
      t.turns.map((x) => x.estimatedStart),
      [60, 65, 70],
    );
  });

  it("keeps mid-sentence and glued marks at their place in the text", () => {
    const t = parse(
      "Maria: the core platform is [00:01:00] the underpinning. What we shared.[00:01:30] Next\n\n[00:02:00] But then.",
    );
    assert.deepEqual(t.turns[0]?.paragraphs, [
      [text("the core platform is "), mark(60), text(" the underpinning. What we shared."), mark(90), text(" Next")],
      [mark(120), text(" But then.")],
    ]);
    assert.equal(t.turns[0]?.start, null);
  });

  it("accepts [hh:mm:ss], [h:mm:ss] and [mm:ss] marks", () => {
    assert.equal(parseMark("[01:02:03]"), 3723);
    assert.equal(parseMark("[1:02:03]"), 3723);
    assert.equal(parseMark("[02:03]"), 123);
    assert.equal(parseMark("[00:00:00]"), 0);
    assert.equal(parseMark("[0:13]"), null);
    assert.equal(parseMark("[00:61:00]"), null);
    assert.equal(parseMark("[00:13:0"), null);
    const t = parse("Alexis: a [1:00:00] b [59:59] c");
    assert.deepEqual(t.turns[0]?.paragraphs, [[text("a "), mark(3600), text(" b "), mark(3599), text(" c")]]);
  });

  it("treats a paragraph that is only a timestamp as a time mark at the end of the current turn", () => {
    const t = parse("Maria: Thank you. It is a pleasure.\n\n[00:31:00]\n\nAlexis: Bye.");
    assert.equal(t.turns.length, 2);
    assert.deepEqual(t.turns[0]?.paragraphs, [[text("Thank you. It is a pleasure."), text(" "), mark(1860)]]);
    assert.equal(t.turns[1]?.estimatedStart, 1860);
  });

  it("uses a timestamp-only paragraph before the first turn as that turn's start", () => {
    const t = parse("[00:00:05]\n\nAlexis: Welcome.", { Alexis: "Alexis Monville" });
    assert.equal(t.turns[0]?.start, 5);
    assert.equal(t.turns[0]?.estimatedStart, 5);
    assert.deepEqual(t.diagnostics, []);
  });

  it("joins the lines of a paragraph and starts a new turn at a line beginning with a declared label", () => {
    const t = parse("Alexis: one\ntwo\nMaria: three\n  four", SPEAKERS, 3);
    assert.deepEqual(
      t.turns.map((x) => [x.label, x.line, turnText(x)]),
      [
        ["Alexis", 3, "one two"],
        ["Maria", 5, "three four"],
      ],
    );
  });

  it("ignores indentation, non-breaking spaces and CRLF line ends (as in the dumped seed)", () => {
    const t = parse("    Alexis: Hi,\u00a0Maria.\r\n\r\n    Wait,\u00a0\r\n\r\n      Maria: Hello.\u00a0");
    assert.deepEqual(
      t.turns.map((x) => x.paragraphs),
      [[[text("Hi,\u00a0Maria.")], [text("Wait,")]], [[text("Hello.")]]],
    );
    assert.deepEqual(t.diagnostics, []);
  });

  it("does not take `Track 1:`, lowercase words or 4+ capitalized words for labels", () => {
    const t = parse(
      "Alexis: Start.\n\nTrack 1: it will probably not\n\nalexis: lowercase\n\nThe Big Bad Wolf: four words",
      {
        Alexis: "Alexis Monville",
      },
    );
    assert.equal(t.turns.length, 1);
    assert.deepEqual(t.turns[0]?.paragraphs.map(paragraphText), [
      "Start.",
      "Track 1: it will probably not",
      "alexis: lowercase",
      "The Big Bad Wolf: four words",
    ]);
    assert.deepEqual(t.diagnostics, []);
  });

  it("lets an escaped colon (`Note\\:`) stand for plain text", () => {
    const t = parse("Alexis: Start.\n\nNote\\: this is not a speaker.", { Alexis: "Alexis Monville" });
    assert.equal(t.turns.length, 1);
    assert.equal(paragraphText(t.turns[0]?.paragraphs[1] ?? []), "Note: this is not a speaker.");
    assert.deepEqual(t.diagnostics, []);
  });

  it("returns no turns and end 0 for an empty body", () => {
    const t = parse("\n  \n", { Alexis: "Alexis Monville" });
    assert.deepEqual(t.turns, []);
    assert.equal(t.end, 0);
    assert.deepEqual(
      t.diagnostics.map((d) => d.severity),
      ["warning"], // Alexis never speaks
    );
  });

  it("matches the longest declared label first", () => {
    const t = parse("Anne Marie: Hello.\n\nAnne: Hi.", { Anne: "Anne A", "Anne Marie": "Anne Marie B" });
    assert.deepEqual(
      t.turns.map((x) => x.speaker),
      ["Anne Marie B", "Anne A"],
    );
  });
});

describe("parseTranscript: diagnostics", () => {
  it("error: undeclared `Name:` label (1 to 3 capitalized words), with file, line, column and a fix", () => {
    const t = parse("Alexis: Hi.\n\n  Maira: Hello.\n\nMary Ann: Hi.\n\nDr. Jane Doe: Hey.", SPEAKERS, 40);
    const e = errors(t);
    assert.equal(e.length, 3);
    assert.deepEqual(
      e.map((d) => [d.line, d.column]),
      [
        [42, 3],
        [44, 1],
        [46, 1],
      ],
    );
    assert.equal(
      e[0]?.message,
      `${FILE}:42:3: "Maira:" is not a declared speaker (declared: Alexis, Maria). Add it under "speakers:" in the front matter or fix the label. If this is not a speaker label, escape the colon ("Maira\\: …").`,
    );
    assert.match(e[1]?.message ?? "", /"Mary Ann:" is not a declared speaker/);
    assert.match(e[2]?.message ?? "", /"Dr\. Jane Doe:" is not a declared speaker/);
    // Still a turn, so previews stay readable.
    assert.deepEqual(
      t.turns.map((x) => x.speaker),
      ["Alexis Monville", "Maira", "Mary Ann", "Dr. Jane Doe"],
    );
  });

  it("error: timestamps going backwards (the late mark is ignored for estimates)", () => {
    const t = parse("Alexis: [00:02:00] One two.\n\nMaria: three [00:01:00] four", SPEAKERS, 7);
    const e = errors(t);
    assert.equal(e.length, 1);
    assert.equal(e[0]?.line, 9);
    assert.equal(e[0]?.column, 14);
    assert.equal(
      e[0]?.message,
      `${FILE}:9:14: timestamp [00:01:00] is earlier than the previous timestamp [00:02:00] (line 7). Timestamps must not go backwards: fix the time or move the mark.`,
    );
    assert.ok((t.turns[1]?.estimatedStart ?? 0) > 120);
  });

  it("error: text before the first turn (left out of the turns)", () => {
    const t = parse("Here is the transcript\n\nof the episode\n\nAlexis: Welcome.", SPEAKERS, 20);
    const e = errors(t);
    assert.equal(e.length, 1);
    assert.equal(e[0]?.line, 20);
    assert.match(
      e[0]?.message ?? "",
      /^content\/posts\/maria\/transcript\.md:20:1: text before the first speaker turn \(2 paragraphs\)\. .*"Alexis: …"/,
    );
    assert.equal(t.turns.length, 1);
    assert.equal(turnText(t.turns[0]!), "Welcome.");
  });

  it("error: speaker declared with an empty name", () => {
    const t = parse("Alexis: Hi.\n\nMaria: Hello.", { Alexis: "Alexis Monville", Maria: "  " });
    const e = errors(t);
    assert.equal(e.length, 1);
    assert.equal(e[0]?.line, 1);
    assert.match(
      e[0]?.message ?? "",
      /^content\/posts\/maria\/transcript\.md:1: speaker "Maria" is declared with an empty name\. Give the full name/,
    );
    assert.equal(t.turns[1]?.speaker, "Maria");
  });

  it("warning: empty turn (label without words and without continuation)", () => {
    const t = parse("Alexis: Hi.\n\nMaria:\n\nAlexis: [00:00:05]\n\nMaria: Hello.", SPEAKERS, 3);
    const w = warnings(t);
    assert.deepEqual(
      w.map((d) => d.line),
      [5, 7],
    );
    assert.match(w[0]?.message ?? "", /^content\/posts\/maria\/transcript\.md:5:1: turn "Maria:" has no words\. /);
    assert.equal(errors(t).length, 0);
    // A label alone followed by a continuation paragraph is not empty.
    assert.deepEqual(parse("Alexis:\n\nWelcome.\n\nMaria: Hi.").diagnostics, []);
  });

  it("warning: malformed timestamps are reported and kept as text", () => {
    const t = parse(
      "Alexis: facedworking on that realm[00:13:0 of cloud\n\nMaria: at [0:13] and [00:61:00].",
      SPEAKERS,
      10,
    );
    const w = warnings(t);
    assert.deepEqual(
      w.map((d) => [d.line, d.column]),
      [
        [10, 35],
        [12, 11],
        [12, 22],
      ],
    );
    assert.match(
      w[0]?.message ?? "",
      /"\[00:13:0" looks like a timestamp but is malformed; it is kept as text\. Write it as \[hh:mm:ss\]/,
    );
    assert.equal(turnText(t.turns[0]!), "facedworking on that realm[00:13:0 of cloud");
    assert.equal(turnText(t.turns[1]!), "at [0:13] and [00:61:00].");
    assert.equal(errors(t).length, 0);
  });

  it("warning: speaker declared but never used", () => {
    const t = parse("Alexis: Hi.", { Alexis: "Alexis Monville", Bella: "Bella Bardswell" });
    assert.deepEqual(
      t.diagnostics.map((d) => [d.severity, d.line, d.message]),
      [
        [
          "warning",
          1,
          `${FILE}:1: speaker "Bella" is declared under "speakers:" but never speaks. Remove it from the front matter or check the labels in the transcript.`,
        ],
      ],
    );
  });

  it("reports diagnostics sorted by line", () => {
    const t = parse("Intro.\n\nAlexis: [00:01:00] a\n\nBob: b [00:00:30] c", SPEAKERS, 1);
    assert.deepEqual(
      t.diagnostics.map((d) => [d.severity, d.line, d.column]),
      [
        ["warning", 1, undefined], // Maria never speaks (front matter)
        ["error", 1, 1], // text before the first turn
        ["error", 5, 1], // "Bob:" undeclared
        ["error", 5, 8], // [00:00:30] goes backwards
      ],
    );
  });
});

describe("parseTranscript: time estimates", () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(" ");

  it("uses 2.5 words/s from 0 s without marks", () => {
    const t = parse(`Alexis: ${words(5)}\n\nMaria: ${words(10)}`);
    assert.deepEqual(
      t.turns.map((x) => x.estimatedStart),
      [0, 2],
    );
    assert.equal(t.end, 6);
  });

  it("interpolates by word position between marks", () => {
    const t = parse(`Alexis: [00:00:00] ${words(4)}\n\nMaria: ${words(6)} [00:00:10] ${words(2)}`);
    assert.equal(t.turns[1]?.estimatedStart, 4);
  });

  it("pins word 0 at 0 s when no mark precedes it", () => {
    const t = parse(`Alexis: ${words(5)}\n\nMaria: ${words(5)} [00:00:20] ${words(2)}`);
    assert.equal(t.turns[0]?.estimatedStart, 0);
    assert.equal(t.turns[1]?.estimatedStart, 10);
  });

  it("extrapolates after the last mark with the average rate of the marks", () => {
    // marks at word 0 (0 s) and word 20 (10 s): 2 words/s
    const t = parse(`Alexis: [00:00:00] ${words(20)} [00:00:10] ${words(10)}\n\nMaria: ${words(4)}`);
    assert.equal(t.turns[1]?.estimatedStart, 15);
    assert.equal(t.end, 17);
  });

  it("extrapolates at 2.5 words/s after a single mark", () => {
    const t = parse(`Alexis: [00:01:00] ${words(5)}\n\nMaria: ${words(5)}`);
    assert.deepEqual(
      t.turns.map((x) => x.estimatedStart),
      [60, 62],
    );
    assert.equal(t.end, 64);
  });

  it("gives an explicit start as the estimate and lets a trailing mark pin the end", () => {
    const t = parse(`Alexis: [00:00:00] ${words(3)}\n\nMaria: [00:00:07] ${words(3)} [00:00:12]`);
    assert.equal(t.turns[1]?.estimatedStart, 7);
    assert.equal(t.end, 12);
  });

  it("is strictly increasing between turns with words, even when marks repeat", () => {
    const t = parse("Alexis: [00:00:05] a\n\nMaria: [00:00:05] b\n\nAlexis: [00:00:05] c");
    const s = t.turns.map((x) => x.estimatedStart);
    assert.deepEqual(s, [5, 5.001, 5.002]);
    assert.ok(t.end > 5.002);
  });

  it("is non-decreasing across empty turns and ignores backwards marks", () => {
    const t = parse(
      `Alexis: [00:00:10] ${words(5)}\n\nMaria:\n\nAlexis: ${words(5)} [00:00:04] ${words(5)}\n\nMaria: ${words(2)}`,
    );
    const s = t.turns.map((x) => x.estimatedStart);
    for (let i = 1; i < s.length; i++)
      assert.ok((s[i] ?? 0) >= (s[i - 1] ?? 0), `turn ${i + 1} goes back: ${s.join(", ")}`);
    assert.equal(s[1], s[2]); // the empty turn sits where the next words start
    assert.equal(s[2], 12); // 5 words after the single valid mark, 2.5 words/s
    assert.equal(s[3], 16);
  });

  it("counts words as tokens with a letter or digit; a mark separates words", () => {
    assert.equal(countWords("Hello , world — 42 !"), 3);
    const t = parse("Alexis: [00:00:00] a[00:00:02]b , c\n\nMaria: d");
    // marks: word 0 ("a") at 0 s, word 1 ("b") at 2 s → 0.5 words/s; "c" at 4 s, "d" (word 3) at 6 s
    assert.equal(t.turns[1]?.estimatedStart, 6);
  });
});

describe("text helpers (the clock's are tests/unit/clock.test.ts)", () => {
  it("paragraphText drops marks and repairs spacing", () => {
    assert.equal(paragraphText([text("is "), mark(60), text(" the")]), "is the");
    assert.equal(paragraphText([text("shared."), mark(60), text(" Next")]), "shared. Next");
    assert.equal(paragraphText([text("a"), mark(60), text("b")]), "a b");
    assert.equal(paragraphText([mark(1), text(" lead")]), "lead");
    assert.equal(paragraphText([text("end. "), mark(1)]), "end.");
  });
});

describe("parseTranscript: time in proportion to the input", () => {
  // Issue #23: each turn's time scanned every mark, so 100,000 turns took 9 to 12 s and 12,500 took 0.3 s.
  const N = 5_000;
  const stamp = (s: number) =>
    [s / 3600, (s % 3600) / 60, s % 60].map((n) => String(Math.floor(n)).padStart(2, "0")).join(":");
  const turns = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `[${stamp(i * 4)}] ${i % 2 ? "Maria" : "Alexis"}: some words said in turn ${i}`,
    ).join("\n\n");
  const pastedLines = (n: number) =>
    `Alexis: Hello.\n${Array.from({ length: n }, (_, i) => `[${stamp(i * 4)}] some words said in line ${i}`).join("\n")}`;

  /**
   * CPU ms per parse of `times` parses, all kept until the end, as a build keeps them: 10 of N then
   * hold as much as one of 10×N for the garbage collector to copy. CPU rather than wall time, so
   * other processes on a shared machine count less.
   */
  function cpuMs(body: string, times: number): number {
    const kept: ParsedTranscript[] = [];
    const before = process.cpuUsage();
    for (let i = 0; i < times; i++) kept.push(parse(body));
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / kept.length;
  }

  /** Time of 10×N over time of N: the fastest of 5 runs of each, alternating; N is parsed 10 times a run. */
  function fastestRatio(small: string, large: string): number {
    let s = Infinity;
    let l = Infinity;
    for (let run = 0; run < 5; run++) {
      s = Math.min(s, cpuMs(small, 10));
      l = Math.min(l, cpuMs(large, 1));
    }
    return l / s;
  }

  /** After a warm-up; a ratio just over `limit` gets two more tries (a busy machine), one twice as large is no noise. */
  function growth(make: (n: number) => string, limit: number): number {
    const small = make(N);
    const large = make(10 * N);
    cpuMs(small, 10);
    cpuMs(large, 1);
    let ratio = fastestRatio(small, large);
    for (let tries = 1; tries < 3 && ratio > limit && ratio < 2 * limit; tries++)
      ratio = Math.min(ratio, fastestRatio(small, large));
    return ratio;
  }

  it("takes at most 15 times as long for 10 times the turns", () => {
    const ratio = growth(turns, 15);
    assert.ok(ratio <= 15, `${10 * N} turns took ${ratio.toFixed(1)} times as long as ${N}`);
  });

  it("takes at most 20 times as long for 10 times the lines of a turn pasted without blank lines", () => {
    // Not 15: the one paragraph keeps its 100,000 inlines alive, so collecting garbage costs more per line (9 to 14 times measured).
    const ratio = growth(pastedLines, 20);
    assert.ok(ratio <= 20, `${10 * N} lines took ${ratio.toFixed(1)} times as long as ${N}`);
  });
});
