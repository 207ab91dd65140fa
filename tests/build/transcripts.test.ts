import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { normalizeText, readDocument } from "../support/build.ts";
import { sharedSite } from "../support/shared-site.ts";
import { parseSrt, parseVtt } from "../transcript/helpers.ts";

const EPISODES = [
  { url: "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/", guests: ["Maria Bracho"] },
  {
    url: "/en/2024/05/03/engineering-leadership-at-scale-navigating-complexity-and-change-with-tamar-bercovici/",
    guests: ["Tamar Bercovici"],
  },
  { url: "/en/2024/03/15/trust-excellence-customer-delight/", guests: ["Bruce Wang"] },
  {
    url: "/en/2024/02/02/outcome-based-leadership-without-the-bureaucracy/",
    guests: ["Tim Beattie", "Bella Bardswell"],
  },
  {
    url: "/en/2024/01/24/navigating-the-evolution-of-cloud-infrastructure-insights-from-michael-galloway/",
    guests: ["Michael Galloway"],
  },
];
const HOST = "Alexis Monville";

const project = sharedSite("content");
const out = project.output;
const file = (url: string) => path.join(out, url.endsWith("/") ? `${url}index.html` : url);

/** A turn's words as a reader sees them on the page, without the quiet time marks. */
function turnWords(turn: Element): string {
  const paragraphs = [...turn.querySelectorAll("p:not(.turn-head)")].map((p) => {
    const copy = p.cloneNode(true) as Element;
    for (const mark of copy.querySelectorAll("time.mark")) mark.remove();
    return copy.textContent ?? "";
  });
  return normalizeText(paragraphs.join(" "));
}

describe("episode transcripts in the built site", () => {
  before(() => project.build());
  after(() => project.release());

  for (const episode of EPISODES) {
    describe(episode.guests.join(" and "), () => {
      const people = [HOST, ...episode.guests];

      it("renders every turn with its own id, the speaker's full name linked to their page, and a time linking to the turn", () => {
        const doc = readDocument(file(episode.url));
        const turns = [...doc.querySelectorAll(".transcript .turn")];
        assert.ok(turns.length > 15, `${turns.length} turns`);
        const ids = turns.map((t) => t.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const turn of turns) {
          const speaker = turn.querySelector(".turn-speaker")!;
          assert.ok(people.includes(speaker.textContent!), speaker.textContent!);
          assert.equal(
            speaker.getAttribute("href"),
            `/people/${speaker.textContent!.toLowerCase().replace(/ /g, "-")}/`,
          );
          const time = turn.querySelector(".turn-time")!;
          assert.equal(time.getAttribute("href"), `#${turn.id}`);
          assert.match(
            time.querySelector("time")!.getAttribute("datetime")!,
            /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$|^PT0S$/,
          );
        }
        for (const guest of episode.guests)
          assert.ok(
            doc.querySelector(`.post-people a[href="/people/${guest.toLowerCase().replace(/ /g, "-")}/"]`),
            guest,
          );
      });

      it("links four downloads that carry the same turns: WebVTT, SRT, Podcasting 2.0 JSON, plain text", () => {
        const doc = readDocument(file(episode.url));
        const links = [...doc.querySelectorAll(".transcript-downloads a")].map((a) => [
          a.getAttribute("href"),
          a.getAttribute("type"),
        ]);
        assert.deepEqual(links, [
          [`${episode.url}transcript.vtt`, "text/vtt"],
          [`${episode.url}transcript.srt`, "application/x-subrip"],
          [`${episode.url}transcript.json`, "application/json"],
          [`${episode.url}transcript.txt`, "text/plain"],
        ]);
        const turns = [...doc.querySelectorAll(".transcript .turn")].filter((t) => turnWords(t).length > 0);
        const speakers = turns.map((t) => t.querySelector(".turn-speaker")!.textContent!);
        const words = turns.map(turnWords);

        const vttText = readFileSync(file(`${episode.url}transcript.vtt`), "utf8");
        const vtt = parseVtt(vttText);
        assert.deepEqual(vtt.errors, []);
        assert.equal(vtt.cues.length, turns.length);
        vtt.cues.forEach((cue, i) => {
          assert.equal(cue.text.startsWith(`<v ${speakers[i]}>`), true, cue.text.slice(0, 40));
          assert.ok(cue.endTime > cue.startTime);
        });

        const srt = parseSrt(readFileSync(file(`${episode.url}transcript.srt`), "utf8"));
        assert.deepEqual(
          srt.map((cue) => cue.text.split(": ")[0]),
          speakers,
        );

        const json = JSON.parse(readFileSync(file(`${episode.url}transcript.json`), "utf8")) as {
          version: string;
          segments: { speaker: string; startTime: number; endTime: number; body: string }[];
        };
        assert.equal(json.version, "1.0.0");
        assert.deepEqual(
          json.segments.map((s) => s.speaker),
          speakers,
        );
        assert.deepEqual(
          json.segments.map((s) => normalizeText(s.body)),
          words,
        );
        json.segments.forEach((segment, i) => {
          assert.deepEqual(Object.keys(segment).sort(), ["body", "endTime", "speaker", "startTime"]);
          assert.ok(segment.endTime > segment.startTime);
          if (i > 0) assert.ok(segment.startTime >= json.segments[i - 1]!.startTime);
          assert.ok(Math.abs(segment.startTime - vtt.cues[i]!.startTime) < 0.002);
        });

        const text = readFileSync(file(`${episode.url}transcript.txt`), "utf8");
        for (const person of people) assert.match(text, new RegExp(`^${person} \\(~?\\d+:\\d\\d\\)$`, "m"));
        assert.equal(normalizeText(text).includes(words.at(-1)!), true);
      });
    });
  }

  it("has a page per person with their roles and every episode they appear in", () => {
    const index = readDocument(file("/people/"));
    const names = [...index.querySelectorAll(".people-list a")].map((a) => a.textContent);
    assert.deepEqual(names, [
      "Alexis Monville",
      "Bella Bardswell",
      "Bruce Wang",
      "Maria Bracho",
      "Michael Galloway",
      "Tamar Bercovici",
      "Tim Beattie",
    ]);
    const host = readDocument(file("/people/alexis-monville/"));
    assert.deepEqual(
      [...host.querySelectorAll(".post-card-title a")].map((a) => a.getAttribute("href")),
      EPISODES.map((e) => e.url),
    );
    const maria = readDocument(file("/people/maria-bracho/"));
    assert.equal(maria.querySelector("h1")!.textContent, "Maria Bracho");
    assert.deepEqual(
      [...maria.querySelectorAll(".roles li")].map((li) => li.textContent),
      ["CTO for LATAM at Red Hat"],
    );
    assert.deepEqual(
      [...maria.querySelectorAll(".post-card-title a")].map((a) => a.getAttribute("href")),
      [EPISODES[0]!.url],
    );
    assert.ok(existsSync(file("/people/bella-bardswell/")));
  });
});
