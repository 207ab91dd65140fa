import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { documentFile, groupTurns, pageForIndex, transcriptDocuments, turnTitle } from "../../src/search/documents.ts";
import { parsePost } from "../../src/posts/schema.ts";
import { parseTranscript } from "../../src/transcript/parse.ts";

const post = parsePost(
  {
    title: 'Ramen & "open" <source>',
    date: "2024-06-09",
    kind: "episode",
    tags: ["Open source"],
    host: { name: "Alexis Monville" },
    guests: [{ name: "Maria Bracho", role: "CTO" }],
  },
  "episode.md",
  "America/Los_Angeles",
);
const speakers = { Alexis: "Alexis Monville", Maria: "Maria Bracho" };
const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(" ");

function transcript(body: string) {
  const parsed = parseTranscript(body, { file: "t.md", firstLine: 1, speakers });
  assert.deepEqual(
    parsed.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
  return parsed.turns;
}

describe("search documents of a transcript", () => {
  it("groups each speaker's turns, up to about 800 words a group", () => {
    const turns = transcript(
      [
        `Alexis: [00:00:00] ${words(10, "hello")}`,
        `Maria: ${words(500, "ramen")}`,
        `Alexis: ${words(10, "and")}`,
        `Maria: ${words(500, "noodles")}`,
        `Maria: ${words(10, "more")}`,
      ].join("\n\n"),
    );
    const groups = groupTurns(turns, 800);
    assert.deepEqual(
      groups.map((group) => group.map((turn) => `${turn.label}:${turn.id}`)),
      [["Alexis:turn-1", "Alexis:turn-3"], ["Maria:turn-2"], ["Maria:turn-4", "Maria:turn-5"]],
    );
  });

  it("titles a turn by its speaker and time, marking an estimated time", () => {
    const [first, second] = transcript("Alexis: [00:12:00] Hello there.\n\nMaria: Hi.");
    assert.equal(turnTitle(first!), "Alexis Monville · 12:00");
    assert.match(turnTitle(second!), /^Maria Bracho · ~12:0\d$/);
  });

  it("writes one document per group, each turn an anchor with its title, metadata escaped", () => {
    const turns = transcript('Alexis: [00:00:00] Welcome <b>"friends"</b> & all.\n\nMaria: [00:01:00] Ramen.');
    const documents = transcriptDocuments(post, turns, "Episode");
    assert.equal(documents.length, 2);
    const [alexis, maria] = documents.map((d) => ({ url: d.url, doc: parseHTML(d.html).document }));
    assert.equal(alexis!.url, `${post.url}#turn-1-to-turn-1`);
    // Pagefind's CLI takes a record's URL from its file: the URL readers follow travels as meta.
    assert.equal(alexis!.doc.querySelector('[data-pagefind-meta="url"]')!.textContent, alexis!.url);
    const anchor = alexis!.doc.querySelector("#turn-1")!;
    assert.equal(anchor.getAttribute("data-pagefind-title"), "Alexis Monville · 00:00");
    assert.equal(anchor.textContent, 'Welcome <b>"friends"</b> & all.');
    assert.equal(alexis!.doc.querySelector("b"), null, "transcript text is text, not markup");
    assert.equal(alexis!.doc.querySelector('[data-pagefind-meta="title"]')!.textContent, 'Ramen & "open" <source>');
    assert.equal(alexis!.doc.querySelector('[data-pagefind-meta="date"]')!.textContent, "June 9, 2024");
    assert.deepEqual(
      [...maria!.doc.querySelectorAll('[data-pagefind-filter="speaker"]')].map((e) => e.textContent),
      ["Maria Bracho"],
    );
    assert.deepEqual(
      [...maria!.doc.querySelectorAll('[data-pagefind-filter="tag"]')].map((e) => e.textContent),
      ["Open source"],
    );
    assert.equal(maria!.doc.querySelector('[data-pagefind-sort="date"]')!.textContent, "2024-06-09");
    assert.ok(
      maria!.doc.querySelector("[data-pagefind-ignore] [data-pagefind-meta]"),
      "metadata is not indexed as words",
    );
  });

  it("gives Pagefind a page without its transcript section, the rest untouched", () => {
    const page =
      '<main><article data-pagefind-body><p>Show notes.</p><section class="transcript" data-pagefind-ignore="all"><h2 id="transcript">T</h2><div class="turn" id="turn-1"><p>Words.</p></div></section><aside>After.</aside></article></main>';
    assert.equal(
      pageForIndex(page),
      "<main><article data-pagefind-body><p>Show notes.</p><aside>After.</aside></article></main>",
    );
    assert.equal(pageForIndex("<p>An article.</p>"), "<p>An article.</p>");
  });
});

describe("where a search document is written for Pagefind's CLI", () => {
  it("puts a page's document at the page's own path, so Pagefind gives it the page's URL", () => {
    assert.equal(documentFile("/en/2024/06/09/maria-bracho/"), "en/2024/06/09/maria-bracho/index.html");
    assert.equal(documentFile("/about/"), "about/index.html");
    assert.equal(documentFile("/404.html"), "404.html");
  });

  it("puts a transcript's documents apart, one file per group of turns", () => {
    assert.equal(
      documentFile("/en/2024/06/09/maria-bracho/#turn-1-to-turn-35"),
      "_transcripts/en/2024/06/09/maria-bracho/turn-1-to-turn-35.html",
    );
    assert.notEqual(documentFile("/en/x/#turn-1-to-turn-35"), documentFile("/en/x/#turn-2-to-turn-36"));
  });
});
