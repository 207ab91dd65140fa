/** Speaker labels, the written `transcript.md` (front matter and body) and text safety. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import {
  assignLabels,
  neutralizeMarks,
  protectParagraph,
  readVoiceVtt,
  toTranscriptMarkdown,
  type ImportedTurn,
} from "../../src/transcript/import/index.ts";
import { parseMarkdown, turnsOf } from "./helpers.ts";

describe("assignLabels", () => {
  it("uses the first name, in order of appearance", () => {
    assert.deepEqual(Object.entries(assignLabels(["Maria Bracho", "Alexis Monville", "Maria Bracho"])), [
      ["Maria", "Maria Bracho"],
      ["Alexis", "Alexis Monville"],
    ]);
  });

  it("uses the whole name without spaces for speakers sharing a first name (case-insensitively)", () => {
    assert.deepEqual(assignLabels(["Maria Bracho", "Alexis Monville", "maria silva"]), {
      MariaBracho: "Maria Bracho",
      Alexis: "Alexis Monville",
      mariasilva: "maria silva",
    });
  });

  it("numbers labels that would still be the same", () => {
    assert.deepEqual(Object.keys(assignLabels(["Li Na", "Li, Na", "Bo"])), ["LiNa", "LiNa2", "Bo"]);
  });

  it("keeps only letters, digits and ' ’ . - _ and never returns an empty or numeric label", () => {
    assert.deepEqual(
      Object.keys(assignLabels(['Jean "JJ" O\'Brien', "- Dash", "Ana: Lopez", "2024 Guest", "—", "Zoë Ünal"])),
      ["Jean", "Dash", "Ana", "Speaker2024", "Speaker", "Zoë"],
    );
  });
});

describe("toTranscriptMarkdown", () => {
  const turns: ImportedTurn[] = [
    { speaker: "Alexis Monville", start: 0, paragraphs: ["Welcome."] },
    { speaker: "Maria Bracho", start: 59.999, paragraphs: ["Hi.", "A second paragraph."] },
    { speaker: "Alexis Monville", start: 3600.5, paragraphs: ["An hour later."] },
  ];

  it("writes the documented layout: front matter, then `Label: [hh:mm:ss] text` turns separated by blank lines", () => {
    const markdown = toTranscriptMarkdown(turns, { Alexis: "Alexis Monville", Maria: "Maria Bracho" });
    assert.equal(
      markdown,
      [
        "---",
        'heading: "Transcript"',
        "speakers:",
        '  Alexis: "Alexis Monville"',
        '  Maria: "Maria Bracho"',
        "---",
        "",
        "Alexis: [00:00:00] Welcome.",
        "",
        "Maria: [00:00:59] Hi.",
        "",
        "A second paragraph.",
        "",
        "Alexis: [01:00:00] An hour later.",
        "",
      ].join("\n"),
    );
  });

  it("keeps names with quotes, colons, hashes, dashes and backslashes intact through YAML", () => {
    const names = [
      'Jean "JJ" O\'Brien',
      "Ana: Lopez",
      "# Hash",
      "- Dash",
      "yes",
      "@at home",
      "Zoë \\ Back",
      "2024-01-01",
    ];
    const tricky: ImportedTurn[] = names.map((speaker, i) => ({
      speaker,
      start: i * 10,
      paragraphs: [`Words number ${i}.`],
    }));
    const speakers = assignLabels(names);
    const markdown = toTranscriptMarkdown(tricky, speakers);
    const { data } = readFrontMatter(markdown);
    assert.deepEqual(data.speakers, speakers);
    assert.deepEqual(Object.values(data.speakers as Record<string, string>), names);
    const parsed = parseMarkdown(markdown);
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual(
      turnsOf(parsed).map((t) => [t.speaker, t.start, t.text]),
      names.map((n, i) => [n, i * 10, `Words number ${i}.`]),
    );
  });

  it("uses the heading given", () => {
    const markdown = toTranscriptMarkdown(
      turns,
      { Alexis: "Alexis Monville", Maria: "Maria Bracho" },
      { heading: "Here is: the transcript" },
    );
    assert.equal(readFrontMatter(markdown).data.heading, "Here is: the transcript");
  });

  it("refuses a speaker without a label", () => {
    assert.throws(
      () => toTranscriptMarkdown(turns, { Alexis: "Alexis Monville" }),
      /no label for speaker "Maria Bracho"/,
    );
  });
});

describe("text safety", () => {
  it("escapes the colon of a paragraph that would read as a speaker label", () => {
    assert.equal(protectParagraph("Note: this matters.", ["Alexis"]), "Note\\: this matters.");
    assert.equal(protectParagraph("Maria Bracho: said it.", ["Maria"]), "Maria Bracho\\: said it.");
    assert.equal(protectParagraph("Alexis: you asked.", ["Alexis"]), "Alexis\\: you asked.");
    assert.equal(protectParagraph("Note:", []), "Note\\:");
  });

  it("leaves alone text the parser does not take for a label", () => {
    for (const text of [
      "Track 1: it will probably not",
      "so: lowercase",
      "Note:no space",
      "Four Capital Words Here: x",
      "Ratio 3:1.",
    ]) {
      assert.equal(protectParagraph(text, ["Alexis"]), text);
    }
  });

  it("returns null (join to the previous paragraph) when the escape would not work", () => {
    assert.equal(
      protectParagraph("Speaker1: again", ["Speaker1"]),
      null,
      "declared label the escape rule does not cover",
    );
    assert.equal(protectParagraph("Note\\: already escaped", []), null, "the parser would drop the backslash");
  });

  it("joins such paragraphs, so the text reads back exactly", () => {
    const turns: ImportedTurn[] = [
      { speaker: "Speaker 1", start: 0, paragraphs: ["First.", "Speaker1: second.", "Note\\: third."] },
      { speaker: "Speaker 2", start: 5, paragraphs: ["Yes.", "Note: fourth."] },
    ];
    const parsed = parseMarkdown(toTranscriptMarkdown(turns, assignLabels(["Speaker 1", "Speaker 2"])));
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual(
      turnsOf(parsed).map((t) => t.paragraphs),
      [["First. Speaker1: second. Note\\: third."], ["Yes.", "Note: fourth."]],
    );
  });

  it("writes timestamp-like text with parentheses so it is not a time mark", () => {
    assert.equal(
      neutralizeMarks("at [00:12:30] and [12:30] and [1:2 and [Music]"),
      "at (00:12:30) and (12:30) and (1:2 and [Music]",
    );
    const parsed = parseMarkdown(
      toTranscriptMarkdown([{ speaker: "Bo Li", start: 100, paragraphs: ["Back at [00:00:30] we said [0:13]."] }], {
        Bo: "Bo Li",
      }),
    );
    assert.deepEqual(parsed.diagnostics, [], "no backwards or malformed timestamp");
    assert.equal(turnsOf(parsed)[0]?.text, "Back at (00:00:30) we said (0:13).");
  });

  it("never starts a paragraph with a line break or stray spaces", () => {
    const markdown = toTranscriptMarkdown(
      [{ speaker: "Bo Li", start: 0, paragraphs: ["  one\ntwo  ", "\u00A0three\u00A0"] }],
      { Bo: "Bo Li" },
    );
    assert.ok(markdown.endsWith("Bo: [00:00:00] one two\n\nthree\n"));
  });
});

describe("WebVTT voice details", () => {
  it("decodes the voice name, and text outside a voice span belongs to the previous speaker", () => {
    const vtt = [
      "WEBVTT",
      "",
      "00:00:01.000 --> 00:00:02.000",
      "<v Tom &amp; Jerry>Hello</v>",
      "",
      "00:00:02.000 --> 00:00:03.000",
      "again &#8212; and again",
    ].join("\n");
    assert.deepEqual(
      readVoiceVtt(vtt).map((c) => [c.speaker, c.text]),
      [
        ["Tom & Jerry", "Hello"],
        ["Tom & Jerry", "again — and again"],
      ],
    );
  });

  it("fails, naming the line, when the first cue has no voice", () => {
    const vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nWho am I?\n\n00:00:02.000 --> 00:00:03.000\n<v A B>Hi\n";
    assert.throws(
      () => readVoiceVtt(vtt),
      /^ImportError: line 4: cannot tell who says "Who am I\?": the cue has no <v Name> voice tag/,
    );
  });

  it("fails on a block without a timing line", () => {
    assert.throws(
      () => readVoiceVtt("WEBVTT\n\nonly an id\n<v A B>Hi\n"),
      /^ImportError: line 3: expected a cue timing line/,
    );
  });
});
