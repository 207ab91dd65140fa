import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleReadingTime, episodeTime, markdownWords, WORDS_PER_MINUTE } from "../../src/posts/reading-time.ts";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("how long a post takes", () => {
  it("counts the words a reader reads, not link targets, image addresses, comments or markup", () => {
    assert.equal(
      markdownWords(
        "## A heading\n\nSee [the book](https://example.com/a-very-long-address) now. ![A cover](cover.jpg) <!-- a note --> <b>bold</b> l’été",
      ),
      8,
    );
  });

  it("gives an article minutes of reading, at least one", () => {
    assert.deepEqual(articleReadingTime(words(WORDS_PER_MINUTE * 8)), {
      minutes: 8,
      label: "8 min read",
      kind: "read",
    });
    assert.equal(articleReadingTime("Short.").label, "1 min read");
    assert.equal(articleReadingTime(words(WORDS_PER_MINUTE * 65)).label, "1 h 5 min read");
  });

  it("gives an episode its audio's length, else an estimate from its transcript, else its notes' reading time", () => {
    assert.deepEqual(episodeTime(31 * 60, 40 * 60, ""), { minutes: 31, label: "31 min", kind: "listen" });
    assert.deepEqual(episodeTime(null, 45 * 60 + 10, ""), { minutes: 45, label: "about 45 min", kind: "estimate" });
    assert.equal(episodeTime(null, null, words(WORDS_PER_MINUTE * 2)).label, "2 min read");
    assert.equal(episodeTime(3 * 3600, null, "").label, "3 h");
  });
});
