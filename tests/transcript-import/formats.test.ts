/** Each input format: detection, reading into cues, merging into turns, and the written Markdown. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  detectFormat,
  ImportError,
  importTranscript,
  mergeTurns,
  readBrackets,
  readOtter,
  readSrt,
  readVoiceVtt,
  readZoomVtt,
  type Cue,
} from "../../src/transcript/import/index.ts";
import { createRequire } from "node:module";
import { fixture, parseMarkdown, turnsOf } from "./helpers.ts";

/** The independent W3C `webvtt-parser` (dev dependency), to check the WebVTT fixtures are real WebVTT. */
interface VttNode {
  type: string;
  name?: string;
  value?: string;
  children?: VttNode[];
}
const require = createRequire(import.meta.url);
const { WebVTTParser } = require("webvtt-parser") as {
  WebVTTParser: new (
    entities?: Record<string, string>,
  ) => {
    parse(
      input: string,
      mode: string,
    ): { cues: { startTime: number; tree: { children: VttNode[] } }[]; errors: { message: string; line: number }[] };
  };
};
const entities = require("webvtt-parser/html-entities.json") as Record<string, string>;
const w3cVtt = (text: string) => new WebVTTParser(entities).parse(text, "metadata");

/** Cues without their input line numbers (checked separately). */
const plain = (cues: Cue[]): Omit<Cue, "line">[] => cues.map(({ line: _line, ...rest }) => rest);

/** Imports, checks the Markdown parses cleanly, returns the parsed turns. */
function importedTurns(input: string) {
  const result = importTranscript(input);
  const parsed = parseMarkdown(result.markdown);
  assert.deepEqual(parsed.diagnostics, [], "the written transcript parses without diagnostics");
  return { result, parsed, turns: turnsOf(parsed) };
}

describe("WebVTT with voice tags (Teams)", () => {
  const input = fixture("teams.vtt");

  it("is detected as vtt", () => assert.equal(detectFormat(input), "vtt"));

  it("reads one cue per voice span, strips <c>, <i> and timestamp tags, decodes &amp; &apos; &lt; &gt;", () => {
    assert.deepEqual(plain(readVoiceVtt(input)), [
      { speaker: "Alexis Monville", start: 3.48, end: 7.92, text: "Welcome to Le Podcast on Emerging Leadership." },
      {
        speaker: "Alexis Monville",
        start: 7.92,
        end: 11.35,
        text: "Today I'm with Maria Bracho & we talk about open source.",
      },
      { speaker: "Maria Bracho", start: 11.9, end: 14.2, text: "Hi, Alexis! Thanks for having me." },
      { speaker: "Maria Bracho", start: 14.2, end: 18.01, text: "Note: ramen is a good example." },
      { speaker: "Alexis Monville", start: 18.5, end: 19.1, text: "Mm-hmm." },
      { speaker: "Maria Bracho", start: 18.5, end: 19.1, text: "So, let me explain." },
      { speaker: "Maria Bracho", start: 19.1, end: 25.999, text: "It started in Yokohama, 1958 <really>." },
    ]);
  });

  it("remembers the input line of each cue's text", () => {
    assert.deepEqual(
      readVoiceVtt(input).map((c) => c.line),
      [8, 12, 17, 21, 25, 26, 30],
    );
  });

  it("merges consecutive cues of a speaker into one paragraph that starts at the first cue", () => {
    assert.deepEqual(mergeTurns(readVoiceVtt(input)), [
      {
        speaker: "Alexis Monville",
        start: 3.48,
        end: 11.35,
        paragraphs: [
          "Welcome to Le Podcast on Emerging Leadership. Today I'm with Maria Bracho & we talk about open source.",
        ],
      },
      {
        speaker: "Maria Bracho",
        start: 11.9,
        end: 18.01,
        paragraphs: ["Hi, Alexis! Thanks for having me. Note: ramen is a good example."],
      },
      { speaker: "Alexis Monville", start: 18.5, end: 19.1, paragraphs: ["Mm-hmm."] },
      {
        speaker: "Maria Bracho",
        start: 18.5,
        end: 25.999,
        paragraphs: ["So, let me explain. It started in Yokohama, 1958 <really>."],
      },
    ]);
  });

  it("writes first-name labels and marks rounded down to the second", () => {
    const { result, turns, parsed } = importedTurns(input);
    assert.deepEqual(parsed.speakers, { Alexis: "Alexis Monville", Maria: "Maria Bracho" });
    assert.equal(parsed.heading, "Transcript");
    assert.ok(result.markdown.includes("\nAlexis: [00:00:03] Welcome to Le Podcast"));
    assert.ok(result.markdown.includes("\nMaria: [00:00:11] Hi, Alexis! Thanks for having me. Note: ramen"));
    assert.deepEqual(
      turns.map((t) => [t.speaker, t.start]),
      [
        ["Alexis Monville", 3],
        ["Maria Bracho", 11],
        ["Alexis Monville", 18],
        ["Maria Bracho", 18],
      ],
    );
    assert.equal(turns[3]?.text, "So, let me explain. It started in Yokohama, 1958 <really>.");
    assert.equal(result.duration, 25.999);
  });
});

describe("WebVTT fixtures", () => {
  it("are valid for an independent parser, whose voices and times agree with the importer's", () => {
    for (const name of ["teams.vtt", "apple-podcasts.vtt", "zoom.vtt"]) {
      const parsed = w3cVtt(fixture(name));
      assert.deepEqual(parsed.errors, [], name);
      assert.ok(parsed.cues.length >= 4, name);
    }
    const voices = w3cVtt(fixture("teams.vtt")).cues.flatMap((cue) =>
      cue.tree.children.filter((n) => n.type === "object" && n.name === "v").map((n) => [n.value, cue.startTime]),
    );
    assert.deepEqual(
      voices,
      readVoiceVtt(fixture("teams.vtt")).map((c) => [c.speaker, c.start]),
    );
  });
});

describe("WebVTT with numbered voices (Apple Podcasts style)", () => {
  const input = fixture("apple-podcasts.vtt");

  it("is detected as vtt and skips the STYLE block and cue settings", () => {
    assert.equal(detectFormat(input), "vtt");
    assert.deepEqual(plain(readVoiceVtt(input)), [
      { speaker: "Speaker 1", start: 0, end: 4.21, text: "Hello and welcome to the show." },
      { speaker: "Speaker 2", start: 4.21, end: 8.5, text: "Thanks for having me. It’s great to be here." },
      { speaker: "Speaker 2", start: 8.5, end: 9.25, text: "♪" },
      { speaker: "Speaker 1", start: 65.04, end: 69, text: "Let’s begin." },
    ]);
  });

  it("leaves out cues without words and labels same-first-name speakers by their whole name", () => {
    const { result, turns, parsed } = importedTurns(input);
    assert.deepEqual(parsed.speakers, { Speaker1: "Speaker 1", Speaker2: "Speaker 2" });
    assert.ok(!result.markdown.includes("♪"));
    assert.deepEqual(
      turns.map((t) => [t.speaker, t.start, t.text]),
      [
        ["Speaker 1", 0, "Hello and welcome to the show."],
        ["Speaker 2", 4, "Thanks for having me. It’s great to be here."],
        ["Speaker 1", 65, "Let’s begin."],
      ],
    );
    assert.ok(result.markdown.includes("\nSpeaker1: [00:01:05] Let’s begin.\n"));
  });
});

describe("Zoom WebVTT", () => {
  const input = fixture("zoom.vtt");

  it("is detected as zoom (WebVTT without voice tags)", () => assert.equal(detectFormat(input), "zoom"));

  it("reads the `Name: ` prefix and keeps later colons in the text", () => {
    assert.deepEqual(plain(readZoomVtt(input)), [
      { speaker: "Alexis Monville", start: 1.02, end: 4.5, text: "Welcome to Le Podcast on Emerging Leadership." },
      {
        speaker: "Alexis Monville",
        start: 4.5,
        end: 9.12,
        text: "Today my guest is Maria Bracho, CTO for LATAM at Red Hat.",
      },
      { speaker: "Maria Bracho", start: 9.9, end: 12.3, text: "Hi, Alexis. It's a pleasure." },
      { speaker: "Maria Bracho", start: 12.3, end: 16, text: "The ratio is 3:1 in our team." },
      { speaker: "Alexis Monville", start: 62.75, end: 65, text: "Right: that makes sense." },
    ]);
  });

  it("merges into three turns", () => {
    const { turns } = importedTurns(input);
    assert.deepEqual(
      turns.map((t) => [t.speaker, t.start, t.text]),
      [
        [
          "Alexis Monville",
          1,
          "Welcome to Le Podcast on Emerging Leadership. Today my guest is Maria Bracho, CTO for LATAM at Red Hat.",
        ],
        ["Maria Bracho", 9, "Hi, Alexis. It's a pleasure. The ratio is 3:1 in our team."],
        ["Alexis Monville", 62, "Right: that makes sense."],
      ],
    );
  });

  it("accepts a display name typed in lowercase when it starts several cues, but not a one-off sentence", () => {
    const zoom = [
      "WEBVTT",
      "",
      "00:00:01.000 --> 00:00:02.000",
      "alexis: Hello there.",
      "",
      "00:00:02.000 --> 00:00:03.000",
      "so we said: yes, of course.",
      "",
      "00:00:03.000 --> 00:00:04.000",
      "Maria Bracho: Hi!",
      "",
      "00:00:04.000 --> 00:00:05.000",
      "alexis: Welcome.",
      "",
    ].join("\n");
    assert.deepEqual(
      readZoomVtt(zoom).map((c) => [c.speaker, c.text]),
      [
        ["alexis", "Hello there."],
        ["alexis", "so we said: yes, of course."],
        ["Maria Bracho", "Hi!"],
        ["alexis", "Welcome."],
      ],
    );
  });

  it("fails with the line when the first cue names nobody", () => {
    const zoom = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHello there.\n";
    assert.throws(
      () => readZoomVtt(zoom),
      (e: Error) => e instanceof ImportError && /^line 5: cannot tell who says "Hello there\."/.test(e.message),
    );
  });
});

describe("SubRip (SRT) with name prefixes", () => {
  const input = fixture("captions.srt");

  it("is detected as srt (CRLF line endings)", () => {
    assert.ok(input.includes("\r\n"));
    assert.equal(detectFormat(input), "srt");
  });

  it("reads cues: a cue without a name continues the speaker, `- Name:` lines split a cue, <i> is stripped", () => {
    assert.deepEqual(plain(readSrt(input)), [
      { speaker: "Alexis Monville", start: 0, end: 3.2, text: "Welcome back to Le Podcast." },
      { speaker: "Alexis Monville", start: 3.2, end: 6.9, text: "Today we talk about outcome-based leadership." },
      { speaker: "Tim Beattie", start: 7.1, end: 10.45, text: "Thanks, Alexis. Great to be here." },
      { speaker: "Bella Bardswell", start: 10.45, end: 13, text: "And thank you from me too." },
      { speaker: "Tim Beattie", start: 13, end: 15.5, text: "Shall I start?" },
      { speaker: "Bella Bardswell", start: 13, end: 15.5, text: "Go ahead." },
    ]);
  });

  it("merges into five turns with three speakers", () => {
    const { turns, parsed } = importedTurns(input);
    assert.deepEqual(parsed.speakers, { Alexis: "Alexis Monville", Tim: "Tim Beattie", Bella: "Bella Bardswell" });
    assert.deepEqual(
      turns.map((t) => [t.speaker, t.start, t.text]),
      [
        ["Alexis Monville", 0, "Welcome back to Le Podcast. Today we talk about outcome-based leadership."],
        ["Tim Beattie", 7, "Thanks, Alexis. Great to be here."],
        ["Bella Bardswell", 10, "And thank you from me too."],
        ["Tim Beattie", 13, "Shall I start?"],
        ["Bella Bardswell", 13, "Go ahead."],
      ],
    );
  });

  it("keeps `Track 1: …` on a cue's second line as text", () => {
    const srt =
      "1\n00:00:01,000 --> 00:00:05,000\nBruce Wang: I will not have 800 meetings.\nTrack 1: it will probably not\n";
    assert.deepEqual(
      readSrt(srt).map((c) => [c.speaker, c.text]),
      [["Bruce Wang", "I will not have 800 meetings. Track 1: it will probably not"]],
    );
  });

  it("fails on a malformed timing line, naming the line", () => {
    const srt = "1\n00:00:01,000 --> 00:00:05,000\nA B: Hi.\n\n2\n00:00:05,000 --> 00:61:00,000\nA B: Bye.\n";
    assert.throws(() => readSrt(srt), /^ImportError: line 6: malformed cue timing "00:00:05,000 --> 00:61:00,000"/);
  });
});

describe("Otter.ai text export", () => {
  const input = fixture("otter.txt");

  it("is detected as otter", () => assert.equal(detectFormat(input), "otter"));

  it("reads blocks (m:ss and h:mm:ss headers), one line per paragraph, without Otter's trailer", () => {
    assert.deepEqual(plain(readOtter(input)), [
      {
        speaker: "Alexis Monville",
        start: 0,
        text: "Welcome to Le Podcast on Emerging Leadership. Today I'm talking with Tamar Bercovici.",
      },
      {
        speaker: "Tamar Bercovici",
        start: 9,
        text: "Thanks for having me, Alexis.\nNote: I joined Box in 2011, when we were about 150 people.",
      },
      { speaker: "Tamar Bercovici", start: 21, text: "Alexis: you asked me about scale, so let me start there." },
      { speaker: "Alexis Monville", start: 3725, text: "That's a great story." },
    ]);
  });

  it("merges a speaker's blocks into one turn, one paragraph per line", () => {
    assert.deepEqual(mergeTurns(readOtter(input), { paragraphs: "lines" })[1], {
      speaker: "Tamar Bercovici",
      start: 9,
      paragraphs: [
        "Thanks for having me, Alexis.",
        "Note: I joined Box in 2011, when we were about 150 people.",
        "Alexis: you asked me about scale, so let me start there.",
      ],
    });
  });

  it("escapes paragraphs that would read as speaker labels, and they read back unescaped", () => {
    const { result, turns } = importedTurns(input);
    assert.ok(result.markdown.includes("\n\nNote\\: I joined Box in 2011"), "Note\\: escaped");
    assert.ok(result.markdown.includes("\n\nAlexis\\: you asked me"), "a declared label is escaped too");
    assert.deepEqual(
      turns.map((t) => [t.speaker, t.start, t.paragraphs]),
      [
        [
          "Alexis Monville",
          0,
          ["Welcome to Le Podcast on Emerging Leadership. Today I'm talking with Tamar Bercovici."],
        ],
        [
          "Tamar Bercovici",
          9,
          [
            "Thanks for having me, Alexis.",
            "Note: I joined Box in 2011, when we were about 150 people.",
            "Alexis: you asked me about scale, so let me start there.",
          ],
        ],
        ["Alexis Monville", 3725, ["That's a great story."]],
      ],
    );
    assert.ok(result.markdown.includes("\nAlexis: [01:02:05] That's a great story.\n"));
  });

  it("fails on text before the first speaker line", () => {
    assert.throws(
      () => readOtter("My interview\n\nAlexis Monville  0:00\nHello.\n"),
      /^ImportError: line 1: text before the first speaker line \("My interview"\)/,
    );
  });
});

describe("[hh:mm:ss] Speaker: lines", () => {
  const input = fixture("brackets.txt");

  it("is detected as brackets", () => assert.equal(detectFormat(input), "brackets"));

  it("reads one cue per line; a line without a timestamp continues the previous one", () => {
    assert.deepEqual(plain(readBrackets(input)), [
      { speaker: "Alexis Monville", start: 0, text: "Welcome to Le Podcast on Emerging Leadership." },
      { speaker: "Alexis Monville", start: 4, text: "My guest today is Michael Galloway." },
      { speaker: "Michael Galloway", start: 7, text: "Thanks, Alexis. Great to be here." },
      { speaker: "Michael Galloway", start: 10, text: "I started at Yahoo in the early days, then Netflix." },
      { speaker: "Alexis Monville", start: 62, text: "What did Netflix teach you?" },
      { speaker: "Michael Galloway", start: 3663, text: "Freedom and responsibility." },
    ]);
  });

  it("merges into four turns", () => {
    const { turns } = importedTurns(input);
    assert.deepEqual(
      turns.map((t) => [t.speaker, t.start, t.text]),
      [
        ["Alexis Monville", 0, "Welcome to Le Podcast on Emerging Leadership. My guest today is Michael Galloway."],
        [
          "Michael Galloway",
          7,
          "Thanks, Alexis. Great to be here. I started at Yahoo in the early days, then Netflix.",
        ],
        ["Alexis Monville", 62, "What did Netflix teach you?"],
        ["Michael Galloway", 3663, "Freedom and responsibility."],
      ],
    );
  });

  it("accepts [mm:ss] and fractions, and a timestamp without a name continues the speaker", () => {
    const text = "[00:05] Ana Lopez: Hola.\n[00:09.750] And welcome.\n[1:02:03.500] Bo Li: Thanks!\n";
    assert.equal(detectFormat(text), "brackets");
    assert.deepEqual(plain(readBrackets(text)), [
      { speaker: "Ana Lopez", start: 5, text: "Hola." },
      { speaker: "Ana Lopez", start: 9.75, text: "And welcome." },
      { speaker: "Bo Li", start: 3723.5, text: "Thanks!" },
    ]);
  });

  it("fails on a first line without a speaker", () => {
    assert.throws(
      () => readBrackets("[00:00:01] hello there\n"),
      /^ImportError: line 1: cannot tell who speaks in "\[00:00:01\] hello there"/,
    );
  });
});

describe("detectFormat", () => {
  it("recognises none of the formats in prose or in a transcript.md body", () => {
    assert.equal(detectFormat("Just some notes about the episode.\nNothing timed here.\n"), null);
    assert.equal(detectFormat("Alexis: [00:00:00] Welcome.\n\nMaria: [00:00:12] Hi.\n"), null);
    assert.equal(detectFormat(""), null);
  });

  it("looks past a byte order mark", () => {
    assert.equal(detectFormat(`\uFEFF${fixture("zoom.vtt")}`), "zoom");
    assert.equal(detectFormat(`\uFEFF${fixture("brackets.txt")}`), "brackets");
  });

  it("makes importTranscript fail with the list of formats", () => {
    assert.throws(
      () => importTranscript("Hello world\n"),
      (e: Error) => {
        assert.ok(e instanceof ImportError);
        assert.match(e.message, /cannot tell the format of this file/);
        for (const f of ["vtt", "zoom", "srt", "otter", "brackets", "--format"]) assert.ok(e.message.includes(f), f);
        return true;
      },
    );
  });

  it("lets --format override detection, and a forced format still checks its input", () => {
    assert.equal(importTranscript(fixture("zoom.vtt"), { format: "zoom" }).format, "zoom");
    assert.throws(
      () => importTranscript(fixture("brackets.txt"), { format: "vtt" }),
      /^ImportError: line 1: a WebVTT file starts with "WEBVTT"/,
    );
  });

  it("fails when the file has no speech", () => {
    assert.throws(() => importTranscript("WEBVTT\n\nNOTE nothing here\n"), /^ImportError: no speech found/);
  });
});

describe("timing problems", () => {
  it("keeps turn starts from going backwards, with a warning", () => {
    const text = "[00:00:10] Ana Lopez: First.\n[00:00:05] Bo Li: Earlier?\n[00:00:20] Ana Lopez: Later.\n";
    const { result, turns } = importedTurns(text);
    assert.deepEqual(
      turns.map((t) => t.start),
      [10, 10, 20],
    );
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0] ?? "", /^1 turn starts before the previous turn \(first at input line 2, 00:05\)/);
  });

  it("writes timestamps found inside the text with parentheses, with a warning", () => {
    const text = "[00:01:00] Ana Lopez: As I said at [00:00:30], and at [12:30 too.\n";
    const { result, turns } = importedTurns(text);
    assert.equal(turns[0]?.text, "As I said at (00:00:30), and at (12:30 too.");
    assert.equal(turns[0]?.start, 60);
    assert.match(result.warnings[0] ?? "", /^2 timestamps inside the spoken text/);
  });
});
