import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseTranscript, turnText, type ParsedTranscript } from "../../src/transcript/parse.ts";
import { parseSrt, parseVtt } from "./helpers.ts";
import { toPlainText, toPodcastJSON, toSRT, toWebVTT, transcriptCues } from "../../src/transcript/export.ts";

const SPEAKERS = { Alexis: "Alexis Monville", Maria: "Maria Bracho" };
const BODY = [
  "Alexis: [00:00:00] Welcome to Le Podcast. I'm your host.",
  "",
  "Today, R&D <tools> --> \"quotes\" and 'single'.",
  "",
  "Maria: Thanks, Alexis. The core platform is [00:00:10] the underpinning.",
  "",
  "Second paragraph.[00:00:20] After the mark.",
  "",
  "Alexis: Bye.",
].join("\n");

function sample(): ParsedTranscript {
  return parseTranscript(BODY, { file: "t.md", firstLine: 1, speakers: SPEAKERS });
}

describe("toWebVTT", () => {
  it("is valid WebVTT for an independent parser, one cue per turn with ids, voices and times", () => {
    const t = sample();
    const vtt = toWebVTT(t);
    assert.ok(vtt.startsWith("WEBVTT\n\n"));
    const parsed = parseVtt(vtt);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.cues.map((c) => c.id),
      ["turn-1", "turn-2", "turn-3"],
    );
    const times = parsed.cues.map((c) => [c.startTime, c.endTime]);
    const starts = t.turns.map((x) => x.estimatedStart);
    assert.deepEqual(times, [
      [starts[0], starts[1]],
      [starts[1], starts[2]],
      [starts[2], t.end],
    ]);
    parsed.cues.forEach((cue, i) => {
      const turn = t.turns[i]!;
      const voice = cue.tree.children[0];
      assert.equal(voice?.name, "v");
      assert.equal(voice?.value, turn.speaker);
      assert.equal(voice?.children?.[0]?.value, turnText(turn), "decoded text equals the turn text");
    });
  });

  it("escapes & < > (so `-->` cannot break a cue), joins paragraphs with a newline and drops marks", () => {
    const vtt = toWebVTT(sample());
    assert.ok(
      vtt.includes(
        "<v Alexis Monville>Welcome to Le Podcast. I'm your host.\nToday, R&amp;D &lt;tools&gt; --&gt; \"quotes\" and 'single'.\n",
      ),
    );
    assert.ok(
      vtt.includes(
        "<v Maria Bracho>Thanks, Alexis. The core platform is the underpinning.\nSecond paragraph. After the mark.\n",
      ),
    );
    assert.ok(!vtt.includes("[00:00:10]"));
  });

  it("escapes the voice name too", () => {
    const t = parseTranscript("A: Hi.", { file: "t.md", firstLine: 1, speakers: { A: "Tom <&> Jerry" } });
    const vtt = toWebVTT(t);
    assert.ok(vtt.includes("<v Tom &lt;&amp;&gt; Jerry>Hi."));
    assert.deepEqual(parseVtt(vtt).errors, []);
  });
});

describe("toSRT", () => {
  it("gives numbered cues with comma times and `Full Name: ` prefixes", () => {
    const t = sample();
    const srt = toSRT(t);
    const cues = parseSrt(srt);
    assert.equal(cues.length, 3);
    assert.deepEqual(
      cues.map((c) => [c.start, c.end]),
      transcriptCues(t).map((c) => [c.start, c.end]),
    );
    for (let i = 0; i < cues.length; i++) {
      const c = cues[i]!;
      assert.ok(c.end > c.start, "positive duration");
      if (i > 0) assert.ok(c.start >= cues[i - 1]!.end, "no overlap");
      assert.equal(c.text, `${t.turns[i]!.speaker}: ${turnText(t.turns[i]!)}`);
    }
    assert.ok(srt.startsWith("1\n00:00:00,000 --> 00:00:"));
  });
});

describe("toPodcastJSON", () => {
  it("round-trips through JSON.parse with exactly the Podcasting 2.0 fields", () => {
    const t = sample();
    const json = JSON.parse(JSON.stringify(toPodcastJSON(t))) as unknown;
    assert.ok(typeof json === "object" && json !== null);
    assert.deepEqual(Object.keys(json).sort(), ["segments", "version"]);
    const doc = json as { version: string; segments: Record<string, unknown>[] };
    assert.equal(doc.version, "1.0.0");
    assert.equal(doc.segments.length, 3);
    doc.segments.forEach((seg, i) => {
      assert.deepEqual(Object.keys(seg).sort(), ["body", "endTime", "speaker", "startTime"]);
      assert.equal(seg.speaker, t.turns[i]!.speaker);
      assert.equal(seg.body, turnText(t.turns[i]!));
      for (const k of ["startTime", "endTime"]) {
        const v = seg[k];
        assert.equal(typeof v, "number");
        assert.equal(Math.round((v as number) * 1000) / 1000, v, `${k} rounded to 3 decimals`);
      }
      assert.ok((seg.endTime as number) > (seg.startTime as number));
      if (i > 0) assert.equal(seg.startTime, doc.segments[i - 1]!.endTime);
    });
    assert.equal(
      doc.segments[1]!.body,
      "Thanks, Alexis. The core platform is the underpinning.\nSecond paragraph. After the mark.",
    );
  });

  it("rounds times to 3 decimals", () => {
    const t = parseTranscript("A: [00:00:00] one two three\n\nB: four [00:00:10]\n\nA: five", {
      file: "t.md",
      firstLine: 1,
      speakers: { A: "Ann", B: "Bob" },
    });
    const seg = toPodcastJSON(t).segments;
    assert.deepEqual(
      seg.map((s) => [s.startTime, s.endTime]),
      [
        [0, 7.5],
        [7.5, 10],
        [10, 12.5],
      ],
    );
    const t2 = parseTranscript("A: [00:00:00] a b c\n\nB: d e f g h i [00:00:10]", {
      file: "t.md",
      firstLine: 1,
      speakers: { A: "Ann", B: "Bob" },
    });
    assert.equal(toPodcastJSON(t2).segments[1]?.startTime, 3.333);
  });
});

describe("toPlainText", () => {
  it("gives `Full Name (mm:ss)` lines, paragraphs, blank lines between turns", () => {
    assert.equal(
      toPlainText(sample(), "Exploring Leadership"),
      [
        "Exploring Leadership",
        "",
        "Alexis Monville (00:00)",
        "Welcome to Le Podcast. I'm your host.",
        "Today, R&D <tools> --> \"quotes\" and 'single'.",
        "",
        "Maria Bracho (~00:06)", // word 13 of 19 before the 10 s mark: 6.84 s
        "Thanks, Alexis. The core platform is the underpinning.",
        "Second paragraph. After the mark.",
        "",
        "Alexis Monville (~00:22)", // 3 words after the 20 s mark at 23 words / 20 s
        "Bye.",
        "",
      ].join("\n"),
    );
    assert.ok(toPlainText(sample()).startsWith("Alexis Monville (00:00)\n"));
  });
});

describe("exports of an empty transcript", () => {
  it("are still valid documents", () => {
    const t = parseTranscript("", { file: "t.md", firstLine: 1, speakers: {} });
    assert.equal(toWebVTT(t), "WEBVTT\n");
    assert.deepEqual(parseVtt(toWebVTT(t)).errors, []);
    assert.equal(toSRT(t), "");
    assert.deepEqual(toPodcastJSON(t), { version: "1.0.0", segments: [] });
    assert.equal(toPlainText(t, "Title"), "Title\n");
  });
});

describe("exports and empty turns", () => {
  it("leave out turns without words so every cue has text and a positive duration", () => {
    const t = parseTranscript("A: [00:00:00] Hello there.\n\nB:\n\nA: [00:00:05] Still here.", {
      file: "t.md",
      firstLine: 1,
      speakers: { A: "Ann", B: "Bob" },
    });
    assert.equal(t.turns.length, 3);
    const vtt = parseVtt(toWebVTT(t));
    assert.deepEqual(vtt.errors, []);
    assert.deepEqual(
      vtt.cues.map((c) => [c.id, c.startTime, c.endTime]),
      [
        ["turn-1", 0, 5],
        ["turn-3", 5, 10],
      ],
    );
    assert.equal(parseSrt(toSRT(t)).length, 2);
    assert.equal(toPodcastJSON(t).segments.length, 2);
    assert.ok(!toPlainText(t).includes("Bob"));
  });
});
