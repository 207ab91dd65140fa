import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  corrections,
  editDistance,
  editsAllowed,
  listed,
  shardFiles,
  soundKeys,
  startsAWord,
  type WordCount,
} from "../../src/search/corrections.ts";
import { WordCounts, shardByKey, wordShards } from "../../src/search/word-shards.ts";

const SITE_WORDS: WordCount[] = [
  ["momofuku", 4],
  ["ando", 4],
  ["and", 900],
  ["tempura", 2],
  ["temporal", 1],
  ["temporary", 1],
  ["christina", 2],
  ["wodtke", 1],
  ["woke", 1],
  ["rumelt", 6],
  ["rumelts", 3],
  ["kotter", 1],
  ["strategy", 38],
  ["strategies", 9],
  ["strategic", 22],
  ["bercovici", 4],
];
const best = (typed: string, words = SITE_WORDS) => corrections(typed, words)[0]?.word ?? null;

describe("the edits between two words", () => {
  it("counts a letter inserted, deleted or replaced, and two letters swapped, as one edit each", () => {
    assert.equal(editDistance("momofuko", "momofuku", 2), 1);
    assert.equal(editDistance("rummelt", "rumelt", 2), 1);
    assert.equal(editDistance("micheal", "michael", 2), 1, "a swapped pair is one edit");
    assert.equal(editDistance("musuems", "museum", 2), 2);
    assert.equal(editDistance("tempura", "tempura", 2), 0);
  });

  it("stops counting past the edits allowed", () => {
    assert.equal(editDistance("xqzvwpj", "strategy", 2), 3);
    assert.equal(editDistance("a", "abcdef", 1), 2);
  });

  it("counts letters, not UTF-16 units", () => {
    assert.equal(editDistance("東京での", "東京", 3), 2);
  });

  it("allows one edit for words of 4 to 6 letters, two for longer ones, none for shorter", () => {
    assert.deepEqual(["ram", "ando", "rumelt", "rummelt", "bercovichi"].map(editsAllowed), [0, 1, 1, 2, 2]);
  });
});

describe("corrections of a word that stands nowhere", () => {
  it("takes a name one letter off for the name", () => {
    assert.equal(best("momofuko"), "momofuku");
    assert.equal(best("rummelt"), "rumelt");
    assert.equal(best("wodke"), "wodtke", "one edit from both wodtke and woke: wodtke sounds the same");
    assert.equal(best("bercovichi"), "bercovici");
  });

  it("takes a word spelled as heard for the word that sounds the same, beyond the edits of spelling", () => {
    assert.deepEqual(soundKeys("kristina"), soundKeys("christina"));
    assert.equal(editDistance("kristina", "christina", 3), 2);
    assert.equal(best("cotter"), "kotter");
    assert.equal(best("tempora"), "tempura", "as near as temporal by spelling, but it sounds the same");
  });

  it("prefers fewer edits, then the word said most", () => {
    const found = corrections("strategys", SITE_WORDS);
    assert.equal(found[0]!.word, "strategy");
    assert.deepEqual(
      found.map((c) => c.word),
      ["strategy", "strategies", "strategic"],
    );
    assert.equal(best("rumelts"), "rumelt", "a word of the site is never its own correction");
  });

  it("corrects no short word, no number, and nothing into a word too far from it", () => {
    assert.equal(best("adn"), null);
    assert.equal(best("2024"), null);
    assert.equal(best("xqzvwpj"), null);
    assert.equal(best("shrimp"), null);
  });

  it("tells whether the site says a word itself", () => {
    assert.equal(listed("tempura", SITE_WORDS), true);
    assert.equal(listed("tempora", SITE_WORDS), false);
  });

  it("tells whether a word starts a word of the site", () => {
    assert.equal(startsAWord("tempo", SITE_WORDS), true);
    assert.equal(startsAWord("tempora", SITE_WORDS), true);
    assert.equal(startsAWord("tempura", SITE_WORDS), false, "the word itself is not a longer word");
    assert.equal(startsAWord("momofuko", SITE_WORDS), false);
  });
});

describe("the site's words, counted and split into files", () => {
  it("counts each word of the records as Pagefind reads them, and the parts of joined words", () => {
    const counts = new WordCounts();
    counts.add("Momofuku Ando’s follow-up:\nMomofuku’s noodles, 2024 of ox");
    counts.add("momofuku");
    assert.deepEqual([...counts.words()].sort(), [
      ["ando", 1],
      ["andos", 1],
      ["follow", 1],
      ["followup", 1],
      ["momofuku", 3],
      ["momofukus", 1],
      ["noodles", 1],
    ]);
  });

  it("keeps a file of words under its size, splitting a key by its next letter, and leaves the words too short to split under their key", () => {
    const words = ["ab", "abc", "abd", "abe", "b"].map((word) => [word, [word, 1] as const] as const);
    const shards = shardByKey(words, 2);
    assert.deepEqual([...shards.keys()].sort(), ["ab", "abc", "abd", "abe", "b"]);
    assert.deepEqual(
      shardByKey(words, 10).get(""),
      words.map(([, entry]) => entry),
    );
  });

  it("finds every word of a large vocabulary in the files its spelling and its sound lead to", () => {
    // 20,000 made-up words: the lists of a large blog, split into many files.
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const counts = new Map<string, number>();
    while (counts.size < 20_000) {
      const length = 4 + Math.floor(random() * 8);
      counts.set(
        Array.from({ length }, () => letters[Math.floor(random() * 26)]).join(""),
        1 + Math.floor(random() * 50),
      );
    }
    const { index, files } = wordShards(counts, 1000);
    const read = (file: string) => (JSON.parse(files.get(file)!) as { words: WordCount[] }).words;
    assert.ok(Object.keys(index.spelling).length >= 20, `${Object.keys(index.spelling).length} files by spelling`);
    for (const text of files.values()) assert.ok((JSON.parse(text) as { words: unknown[] }).words.length <= 1000);
    for (const word of [...counts.keys()].filter((_, i) => i % 97 === 0)) {
      const listed = shardFiles(index, word).flatMap(read);
      assert.ok(
        listed.some(([w]) => w === word),
        `${word} is in the files it leads to`,
      );
      if (word.length < 6) continue;
      const misspelled = word.slice(0, 3) + word.slice(4);
      assert.ok(
        corrections(misspelled, shardFiles(index, misspelled).flatMap(read)).length,
        `${misspelled} has corrections`,
      );
    }
  });

  it("names each file by its content, so the same words give the same files", () => {
    const counts = new Map(SITE_WORDS);
    const a = wordShards(counts);
    const b = wordShards(new Map([...SITE_WORDS].reverse()));
    assert.deepEqual(a.index, b.index);
    assert.deepEqual([...a.files.keys()].sort(), [...b.files.keys()].sort());
    for (const [name, text] of a.files) assert.equal(b.files.get(name), text);
  });
});
