import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseTranscript } from "../../src/transcript/parse.ts";

// The same inputs on every run, so that a run fails for a reason, not by chance; change the seed to look further.
fc.configureGlobal({ seed: 20261206 });

const SPEAKERS = { Alexis: "Alexis Monville", Maria: "Maria Bracho" };
const parse = (body: string) =>
  parseTranscript(body, { file: "content/posts/x/transcript.md", firstLine: 5, speakers: SPEAKERS });

/** A timestamp as authors write them, valid or not: [hh:mm:ss], [mm:ss], out of range, unclosed. */
const mark = fc.oneof(
  fc
    .tuple(fc.nat(99), fc.nat(99), fc.nat(99))
    .map(([h, m, s]) => `[${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}]`),
  fc.tuple(fc.nat(99), fc.nat(99)).map(([m, s]) => `[${m}:${String(s).padStart(2, "0")}]`),
  fc.constantFrom("[00:13:0", "[0:13]", "[00:61:00]", "[]", "[::]"),
);
const label = fc.constantFrom("Alexis:", "Maria:", "Bruce Wang:", "Note\\:", "Track 1:", "");
const words = fc.array(
  fc.oneof(fc.constantFrom("ramen", "noodle", "the", "—", "…", "Momofuku", "", "\u00a0"), fc.string({ maxLength: 8 })),
  { maxLength: 12 },
);
/** A paragraph of a transcript: maybe a mark, maybe a label, words with marks among them. */
const paragraph = fc
  .tuple(fc.option(mark), label, words, fc.option(mark), fc.boolean())
  .map(([before, name, said, inside, markOnly]) =>
    markOnly
      ? (before ?? "")
      : [before, name, ...said.slice(0, 3), inside, ...said.slice(3)].filter((part) => part !== null).join(" "),
  );
const transcript = fc
  .tuple(fc.array(paragraph, { maxLength: 30 }), fc.constantFrom("\n\n", "\n", "\r\n\r\n", "\n\n\n"))
  .map(([paragraphs, between]) => paragraphs.join(between));

/** What holds for every parse: it returns, and every turn's time stands within the transcript's length, in order. */
function holds(body: string): void {
  const { turns, end } = parse(body);
  assert.ok(Number.isFinite(end) && end >= 0, `end ${end}`);
  let previous = 0;
  for (const turn of turns) {
    assert.ok(Number.isFinite(turn.estimatedStart), `${turn.id} starts at ${turn.estimatedStart}`);
    assert.ok(
      turn.estimatedStart >= previous,
      `${turn.id} starts at ${turn.estimatedStart}, before the turn ahead of it (${previous})`,
    );
    assert.ok(turn.estimatedStart <= end, `${turn.id} starts at ${turn.estimatedStart}, after the end (${end})`);
    if (turn.start !== null)
      assert.ok(turn.start >= 0 && turn.start <= end, `${turn.id}'s mark ${turn.start} is outside 0–${end}`);
    previous = turn.estimatedStart;
  }
}

describe("the transcript parser, on any text", () => {
  it("never throws, and keeps every turn's time within the transcript, on any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: "grapheme" }), (body) => holds(body)),
      { numRuns: 300 },
    );
  });

  it("never throws, and keeps every turn's time within the transcript, on text shaped like a transcript", () => {
    fc.assert(
      fc.property(transcript, (body) => holds(body)),
      { numRuns: 500 },
    );
  });
});
