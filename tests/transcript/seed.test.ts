/**
 * The five real transcripts of the seed must parse as they are.
 * They are cut out of tests/fixtures/seed.txt by markers: the episode's
 * `• Title` line, then the first `Alexis:` paragraph after it, up to the
 * next `• ` line (the next post).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTranscript, turnText, type ParsedTranscript } from "../../src/transcript/parse.ts";
import { toPodcastJSON, toSRT, toWebVTT } from "../../src/transcript/export.ts";
import { renderTranscriptHtml } from "../../src/transcript/html.ts";
import { parseSrt, parseVtt } from "./helpers.ts";

const SEED = fileURLToPath(new URL("../fixtures/seed.txt", import.meta.url));
const NAMES: Record<string, string> = {
  Alexis: "Alexis Monville",
  Maria: "Maria Bracho",
  Tamar: "Tamar Bercovici",
  Bruce: "Bruce Wang",
  Tim: "Tim Beattie",
  Bella: "Bella Bardswell",
  Michael: "Michael Galloway",
};

interface Episode {
  title: string;
  labels: string[];
  turns: number;
  /** A mid-sentence mark that must stay between these two texts. */
  midMark: { before: string; seconds: number; after: string };
}

const EPISODES: Episode[] = [
  {
    title: "Exploring Leadership and Open Source with Maria Bracho",
    labels: ["Alexis", "Maria"],
    turns: 30,
    midMark: { before: "These are the flash ", seconds: 240, after: " fried. Ramen noodles" },
  },
  {
    title: "Engineering Leadership at Scale: Navigating Complexity and Change with Tamar Bercovici",
    labels: ["Alexis", "Tamar"],
    turns: 22,
    midMark: { before: "the enterprise and the core platform is ", seconds: 60, after: " the underpinning" },
  },
  {
    title: "Trust, Excellence, Customer Delight",
    labels: ["Alexis", "Bruce"],
    turns: 35,
    midMark: {
      before: "can you tell me about your key principles ",
      seconds: 60,
      after: " and how they are essential",
    },
  },
  {
    title: "Outcome-Based Leadership Without the Bureaucracy",
    labels: ["Alexis", "Tim", "Bella"],
    turns: 31,
    midMark: { before: "So", seconds: 1680, after: " I feel that" },
  },
  {
    title: "Cloud Infrastructure Leadership: What Changes When You Lead the Platform",
    labels: ["Alexis", "Michael"],
    turns: 32,
    midMark: { before: "how you approached it.", seconds: 780, after: "" },
  },
];

interface Extracted {
  body: string;
  firstLine: number;
}

function extract(lines: string[], title: string): Extracted {
  const titleAt = lines.findIndex((l) => /^\s*•\s/.test(l) && l.includes(title));
  assert.ok(titleAt >= 0, `episode "${title}" not found in the seed`);
  let start = titleAt + 1;
  while (start < lines.length && !/^\s*Alexis:/.test(lines[start] ?? "")) start++;
  let end = start;
  while (end < lines.length && !/^\s*•\s/.test(lines[end] ?? "")) end++;
  assert.ok(end > start + 10, `transcript of "${title}" is too short`);
  return { body: lines.slice(start, end).join("\n"), firstLine: start + 1 };
}

const MARK = /\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]/g;
const toSeconds = (m: RegExpExecArray | RegExpMatchArray): number =>
  m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);

/** Tokens of a text: whitespace-separated words, marks as "@<seconds>" tokens. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    out.push(...text.slice(last, m.index).split(/\s+/).filter(Boolean));
    out.push(`@${toSeconds(m)}`);
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(...text.slice(last).split(/\s+/).filter(Boolean));
  return out;
}

/** Token stream of the source, read independently of the parser. */
function sourceTokens(body: string, labels: string[]): string[] {
  const label = new RegExp(`^(\\[[\\d:]+\\]\\s*)?(${labels.join("|")}):\\s*`);
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => {
      const m = label.exec(p);
      if (!m) return tokens(p);
      // A turn: the leading mark (before or after the label) becomes its start.
      return ["<turn>", ...tokens((m[1] ?? "") + p.slice(m[0].length))];
    });
}

/** Token stream of the parsed turns, built the same way. */
function parsedTokens(t: ParsedTranscript): string[] {
  return t.turns.flatMap((turn) => [
    "<turn>",
    ...(turn.start !== null ? [`@${turn.start}`] : []),
    ...turn.paragraphs.flatMap((p) =>
      p.flatMap((i) => (i.kind === "mark" ? [`@${i.seconds}`] : i.text.split(/\s+/).filter(Boolean))),
    ),
  ]);
}

const seedLines = existsSync(SEED) ? readFileSync(SEED, "utf8").split(/\r?\n/) : [];

describe("seed transcripts", () => {
  it("the seed fixture is present", () => {
    assert.ok(seedLines.length > 1000, `${SEED} is missing: copy /work/shared/seeds/000_c7118029fccc8cbe.txt there`);
  });

  for (const ep of EPISODES) {
    describe(ep.title, () => {
      const parse = (): { t: ParsedTranscript; src: Extracted } => {
        const src = extract(seedLines, ep.title);
        const speakers = Object.fromEntries(ep.labels.map((l) => [l, NAMES[l] ?? l]));
        return {
          t: parseTranscript(src.body, { file: "tests/fixtures/seed.txt", firstLine: src.firstLine, speakers }),
          src,
        };
      };

      it("parses with no error and no warning, into the expected number of turns", () => {
        const { t, src } = parse();
        assert.deepEqual(
          t.diagnostics.filter((d) => d.severity === "error"),
          [],
        );
        assert.deepEqual(t.diagnostics, []);
        assert.equal(t.turns.length, ep.turns);
        assert.equal(t.turns[0]?.line, src.firstLine);
        assert.deepEqual([...new Set(t.turns.map((x) => x.label))].sort(), [...ep.labels].sort());
        for (const turn of t.turns) {
          assert.equal(turn.speaker, NAMES[turn.label]);
          assert.match(
            seedLines[turn.line - 1] ?? "",
            new RegExp(`^\\s*(\\[[\\d:]+\\]\\s*)?${turn.label}:`),
            `turn ${turn.id} line`,
          );
        }
      });

      it("keeps every word of the input, in order, and every mark at its place", () => {
        const { t, src } = parse();
        const expected = sourceTokens(src.body, ep.labels);
        assert.deepEqual(parsedTokens(t), expected);
        // every word appears in the turns' plain text too
        const words = expected.filter((w) => w !== "<turn>" && !w.startsWith("@"));
        const plain = t.turns.map(turnText).join("\n").split(/\s+/).filter(Boolean);
        assert.deepEqual(plain, words);
      });

      it("keeps a known mid-sentence mark between its words", () => {
        const { t } = parse();
        const { before, seconds, after } = ep.midMark;
        const found = t.turns.some((turn) =>
          turn.paragraphs.some((p) =>
            p.some((inline, i) => {
              if (inline.kind !== "mark" || inline.seconds !== seconds) return false;
              const prev = p[i - 1];
              const next = p[i + 1];
              const prevOk = prev?.kind === "text" && prev.text.endsWith(before);
              const nextOk = after === "" ? next === undefined : next?.kind === "text" && next.text.startsWith(after);
              return prevOk && nextOk;
            }),
          ),
        );
        assert.ok(found, `mark ${seconds}s not found between ${JSON.stringify(before)} and ${JSON.stringify(after)}`);
      });

      it("estimates start times that increase and agree with the marks", () => {
        const { t } = parse();
        const starts = t.turns.map((x) => x.estimatedStart);
        for (let i = 1; i < starts.length; i++)
          assert.ok(starts[i]! > starts[i - 1]!, `${t.turns[i]!.id} is not after the previous turn`);
        assert.ok(t.end > starts[starts.length - 1]!);
        // Each turn starts after every mark before it and before every mark after it.
        let lastMark = 0;
        for (const turn of t.turns) {
          if (turn.start !== null) assert.equal(turn.estimatedStart, turn.start);
          assert.ok(turn.estimatedStart >= lastMark, `${turn.id} starts before the mark preceding it`);
          for (const p of turn.paragraphs) for (const i of p) if (i.kind === "mark") lastMark = i.seconds;
        }
        assert.ok(t.end >= lastMark);
      });

      it("exports valid WebVTT, SRT and JSON and renders HTML for every turn", () => {
        const { t } = parse();
        const vtt = parseVtt(toWebVTT(t));
        assert.deepEqual(vtt.errors, []);
        assert.equal(vtt.cues.length, ep.turns);
        assert.equal(parseSrt(toSRT(t)).length, ep.turns);
        const json = JSON.parse(JSON.stringify(toPodcastJSON(t))) as { segments: { speaker: string }[] };
        assert.equal(json.segments.length, ep.turns);
        const html = renderTranscriptHtml(t, { personUrl: () => "/people/x/" });
        assert.equal(html.match(/<div class="turn" /g)?.length, ep.turns);
      });
    });
  }

  it("Maria's trailing [00:31:00] ends the episode at 31:00", () => {
    const src = extract(seedLines, EPISODES[0]!.title);
    const t = parseTranscript(src.body, {
      file: "seed",
      firstLine: src.firstLine,
      speakers: { Alexis: NAMES.Alexis!, Maria: NAMES.Maria! },
    });
    assert.equal(t.end, 1860);
    assert.equal(t.turns[0]?.start, null);
    assert.equal(t.turns[0]?.estimatedStart, 0);
  });
});
