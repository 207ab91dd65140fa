import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchWeight, tokenWeight } from "../../src/search/match.ts";
import {
  correctedQuery,
  highlightParams,
  highlightPattern,
  normalizeWord,
  parseQuery,
} from "../../src/search/query.ts";
import {
  answerPosts,
  approximateTerms,
  closeness,
  decodeRecordPosts,
  excerpt,
  matchPosts,
  rankMoments,
  recordIndex,
  termWeights,
  wholeWordHits,
  type LoadedRecord,
  type TermHits,
} from "../../src/search/ranking.ts";

/** Positions of each term in `content` as Pagefind reports them: the index of the whitespace-separated word that holds it. */
function positionsIn(content: string, terms: readonly string[]): Map<string, number[]> {
  const words = content.split(/\s+/).map(normalizeWord);
  return new Map(terms.map((term) => [term, words.flatMap((word, i) => (matchWeight(word, term) > 0 ? [i] : []))]));
}

/** A transcript record of turns, each "Speaker: text". */
function transcriptRecord(id: string, turns: string[]): LoadedRecord {
  const anchors: LoadedRecord["anchors"][number][] = [];
  const words: string[] = [];
  turns.forEach((turn, i) => {
    anchors.push({ id: `turn-${i + 1}`, title: `Speaker · 0${i}:00`, location: words.length });
    words.push(...turn.split(/\s+/));
  });
  return { id, content: words.join(" "), anchors, transcript: true };
}

function moments(typed: string, record: LoadedRecord, weights = new Map<string, number>()) {
  const query = parseQuery(typed);
  return rankMoments(query, weights, record, positionsIn(record.content, query.terms));
}

const filler = (n: number, word = "and") => Array.from({ length: n }, () => word).join(" ");

describe("a reader's query", () => {
  it("keeps the words in order, and decides on the words that are not common", () => {
    const query = parseQuery("  The Art of   Thinking ");
    assert.deepEqual(query.words, ["the", "art", "of", "thinking"]);
    assert.deepEqual(query.terms, ["art", "thinking"]);
    assert.equal(query.quoted, false);
    assert.equal(query.text, "The Art of   Thinking");
  });

  it("searches common words when the query has nothing else", () => {
    assert.deepEqual(parseQuery("what is it").terms, ["what", "is", "it"]);
  });

  it("knows a quoted phrase, with straight or curly quotes", () => {
    assert.equal(parseQuery('"humble gardener"').quoted, true);
    assert.equal(parseQuery("“humble gardener”").quoted, true);
    assert.equal(parseQuery('humble "gardener"').quoted, false);
    assert.equal(parseQuery('""').quoted, false);
  });

  it("treats the last word as unfinished until a space follows it", () => {
    assert.equal(parseQuery("humble gard").partial, "gard");
    assert.equal(parseQuery("humble gardener ").partial, null);
    assert.equal(parseQuery('"humble gardener"').partial, null);
  });

  it("normalizes words as the text's: case, accents and punctuation", () => {
    assert.equal(normalizeWord("OKRs”"), "okrs");
    assert.equal(normalizeWord("I’m"), "im");
    assert.equal(normalizeWord("Égalité,"), "egalite");
  });

  it("tells another form of a word from the start of a longer one and from a word that only comes close", () => {
    const forms: [string, string][] = [
      ["strategy", "strategies"],
      ["okr", "okrs"],
      ["processes", "process"],
      ["making", "make"],
      ["founders", "founder"],
    ];
    for (const [word, term] of forms) assert.equal(matchWeight(word, term), 1, `${word} for ${term}`);
    assert.equal(matchWeight("articulate", "art"), 0.5);
    assert.equal(matchWeight("x", "xqzvwpj"), 0);
    assert.equal(matchWeight("teach", "teams"), 0);
  });

  it("takes forms of a word as Pagefind's stemmer does, and a word that starts with its stem as Pagefind's prefix match does", () => {
    for (const [word, term] of [
      ["invested", "investing"],
      ["run", "running"],
      ["gardeners", "gardener"],
    ] as const)
      assert.equal(matchWeight(word, term), 1, `${word} for ${term}`);
    assert.equal(matchWeight("investors", "investing"), 0.5, "Pagefind extends the stem invest");
    assert.equal(matchWeight("inviting", "investing"), 0);
  });

  it("finds a word inside a word joined by punctuation, as Pagefind indexes its parts", () => {
    assert.equal(tokenWeight("Self-Awareness.", "aware"), 1);
    assert.equal(tokenWeight("Influence-from-Mere-Association", "merely"), 1);
    assert.equal(tokenWeight("https://www.stripe.press/poor-charlies-almanack/", "www"), 1);
    assert.equal(tokenWeight("sword—while", "sword"), 1);
    assert.equal(tokenWeight("C,", "clock"), 0);
  });
});

describe("the turns of a post, ranked", () => {
  it("puts the turn holding all the words before one that repeats one of them, whatever the common words", () => {
    const repeats = `${filler(30, "of")} ${filler(20, "sand")} ${filler(40, "of the")}`;
    const says = "these are more like lines in the sand that I can cross";
    const ranked = moments("lines in the sand", transcriptRecord("r", [repeats, says]));
    assert.deepEqual(
      ranked.map((m) => m.turn),
      ["turn-2", "turn-1"],
    );
  });

  it("puts words standing together, in order, before the same words apart", () => {
    const apart = `the gardener was ${filler(12)} humble`;
    const together = `like being a humble gardener right`;
    const reversed = `the gardener humble`;
    const ranked = moments("humble gardener", transcriptRecord("r", [apart, reversed, together]));
    assert.deepEqual(
      ranked.map((m) => m.turn),
      ["turn-3", "turn-2", "turn-1"],
    );
  });

  it("weighs rare words above common ones: the turn with the rare word wins over the one with the frequent one", () => {
    const weights = new Map([
      ["leadership", 0.1],
      ["ramen", 3],
    ]);
    const ranked = moments(
      "leadership ramen",
      transcriptRecord("r", [filler(5, "leadership"), "the ramen story"]),
      weights,
    );
    assert.equal(ranked[0]!.turn, "turn-2");
  });

  it("shows the excerpt where the words stand together, the phrase marked as one piece, escaped", () => {
    const turn = `${filler(60)} he looks at himself as a <humble> gardener. ${filler(60)}`;
    const [best] = moments("humble gardener", transcriptRecord("r", [turn]));
    assert.match(best!.excerpt, /<mark>&lt;humble&gt; gardener\.<\/mark>/);
    assert.match(best!.excerpt, /^… .* …$/);
    assert.doesNotMatch(best!.excerpt, /<humble>/);
  });

  it("marks a whole word, never the common words on their own", () => {
    const [best] = moments(
      "the art of thinking",
      transcriptRecord("r", ["this is the art of thinking and of the rest"]),
    );
    assert.match(best!.excerpt, /<mark>the art of thinking<\/mark> and of the rest/);
  });

  it("does not count a longer word for a finished word, only for the word being typed", () => {
    const record = transcriptRecord("r", ["they were articulating pipelines"]);
    assert.deepEqual(moments("art pipelines", record)[0]!.rank[0], 0.5, "only pipelines counts");
    assert.equal(moments("pipelines art", record)[0]!.rank[0], 0.75, "art, being typed, counts half");
  });

  it("takes a page record (an article, show notes) as one moment without a turn", () => {
    const record: LoadedRecord = {
      id: "p",
      content: "The Art of Thinking: 25 insights",
      anchors: [{ id: "intro", location: 0 }],
      transcript: false,
    };
    const ranked = moments("art of thinking", record);
    assert.equal(ranked.length, 1);
    assert.equal(ranked[0]!.turn, null);
  });
});

describe("excerpts and closeness", () => {
  const words = "one two three four five six seven eight nine ten".split(" ");
  it("cuts around the centre within the turn and says where it cut", () => {
    assert.equal(excerpt(words, 0, 10, 5, new Set([5]), 4), "… five <mark>six</mark> seven eight …");
    assert.equal(excerpt(words, 0, 10, 0, new Set(), 4), "one two three four …");
    assert.equal(excerpt(words, 2, 5, 3, new Set([3, 4]), 10), "three <mark>four five</mark>");
  });

  it("measures the smallest stretch holding every term", () => {
    assert.equal(closeness([[3], [4]], 2), 1);
    assert.equal(
      closeness(
        [
          [3, 40],
          [10, 42],
        ],
        2,
      ),
      2 / 3,
    );
    assert.equal(closeness([[3]], 2), 0);
    assert.equal(closeness([[3], []], 2), 0);
  });
});

describe("one result per post", () => {
  const index = recordIndex(decodeRecordPosts({ posts: [["pageA", "a1", "a2"], ["pageB"], ["", "c1"]] }));
  const hits = (entries: [string, number, number[]?][]): TermHits =>
    new Map(entries.map(([id, score, positions]) => [id, { score, positions: positions ?? [0] }]));

  it("groups a post's records into one result, ranked by its best records", () => {
    const query = parseQuery("ramen");
    const matches = matchPosts(
      query,
      [
        hits([
          ["a1", 2],
          ["a2", 3],
          ["pageB", 2.5],
          ["pageA", 1],
        ]),
      ],
      index,
    );
    assert.deepEqual(
      matches.map((m) => m.post),
      [0, 1],
    );
    assert.equal(matches[0]!.score, 3 + 0);
    assert.equal(matches[0]!.page, "pageA");
    assert.deepEqual(matches[0]!.transcript, ["a2", "a1"]);
  });

  it("finds a post whose words stand in different records: a name in the show notes, a word said in the transcript", () => {
    const matches = matchPosts(
      parseQuery("bracho ramen"),
      [
        hits([["pageA", 5]]),
        hits([
          ["a1", 2],
          ["c1", 1],
        ]),
      ],
      index,
    );
    assert.deepEqual(
      matches.map((m) => m.post),
      [0],
    );
  });

  it("raises a post whose one record holds the words side by side", () => {
    const query = parseQuery("humble gardener");
    const matches = matchPosts(
      query,
      [
        hits([
          ["a1", 1, [10]],
          ["pageB", 1, [3]],
        ]),
        hits([
          ["a1", 1, [11]],
          ["pageB", 1, [90]],
        ]),
      ],
      index,
    );
    assert.deepEqual(
      matches.map((m) => m.post),
      [0, 1],
    );
    assert.equal(matches[0]!.score, 4);
  });

  it("loads only the transcript records that hold the most terms", () => {
    const matches = matchPosts(
      parseQuery("humble gardener"),
      [
        hits([
          ["a1", 1],
          ["a2", 5],
        ]),
        hits([["a1", 1]]),
      ],
      index,
    );
    assert.deepEqual(matches[0]!.transcript, ["a1"]);
  });

  it("keeps only the allowed records (a filter), and for a quoted query the records holding the phrase", () => {
    const query = parseQuery("ramen");
    const all = [
      hits([
        ["a1", 2],
        ["pageB", 4],
        ["c1", 1],
      ]),
    ];
    assert.deepEqual(
      matchPosts(query, all, index, (id) => id !== "pageB").map((m) => m.post),
      [0, 2],
    );
    assert.deepEqual(
      matchPosts(parseQuery('"ramen"'), all, index, undefined, new Set(["c1"])).map((m) => m.post),
      [2],
    );
  });

  it("shows the posts that hold every word; when none does, those holding most of them, then the rarest, and says how many they hold", () => {
    const query = parseQuery("bracho ramen noodle");
    const some = [
      hits([
        ["pageA", 1],
        ["pageB", 9],
      ]),
      hits([
        ["a1", 2],
        ["c1", 1],
      ]),
      hits([["c1", 1]]),
    ];
    const weights = termWeights(query.terms, some, index);
    const answer = answerPosts(query, some, weights, index);
    // Post 2 holds ramen and noodle (2 of 3), post 0 bracho and ramen (2 of 3) but "bracho" is in two posts, "noodle" in one;
    // post 1 only bracho, though with the best score.
    assert.deepEqual(
      answer.matches.map((m) => [m.post, m.held]),
      [
        [2, 2],
        [0, 2],
        [1, 1],
      ],
    );
    assert.equal(answer.held, 2);
    assert.equal(answer.terms, 3);
    const all = answerPosts(parseQuery("bracho ramen"), some.slice(0, 2), weights, index);
    assert.deepEqual(
      all.matches.map((m) => m.post),
      matchPosts(parseQuery("bracho ramen"), some.slice(0, 2), index).map((m) => m.post),
    );
    assert.equal(all.held, 2);
  });

  it("never shows part of a quoted phrase, and nothing when no word matches", () => {
    const none = answerPosts(parseQuery('"bracho ramen"'), [hits([["pageB", 1]]), hits([["c1", 1]])], new Map(), index);
    assert.deepEqual(none.matches, []);
    const nothing = answerPosts(parseQuery("xqzvwpj"), [new Map()], new Map(), index);
    assert.deepEqual(nothing.matches, []);
    assert.equal(nothing.held, 0);
  });

  it("weighs a term by the posts that hold it, not the records", () => {
    const weights = termWeights(
      ["common", "rare"],
      [
        hits([
          ["a1", 1],
          ["a2", 1],
          ["pageB", 1],
          ["c1", 1],
        ]),
        hits([["c1", 1]]),
      ],
      index,
    );
    assert.ok(weights.get("rare")! > weights.get("common")!);
    assert.equal(weights.get("common"), Math.log(2));
  });

  it("drops the records where a finished word only started a longer one, unless no record holds the word itself", () => {
    const all = hits([
      ["a1", 2],
      ["pageB", 1],
    ]);
    assert.deepEqual([...wholeWordHits(all, new Set(["pageB"])).keys()], ["pageB"]);
    assert.deepEqual([...wholeWordHits(all, new Set()).keys()], ["a1", "pageB"]);
  });

  it("rejects a posts file of another shape, naming it", () => {
    assert.throws(() => decodeRecordPosts({ posts: [[1, 2]] }), /posts\.json does not list posts/);
    assert.throws(() => decodeRecordPosts(null), /posts\.json/);
  });
});

describe("approximate matches", () => {
  it("names the terms that no loaded record holds as typed", () => {
    const query = parseQuery("ramen xqzvwpj");
    const record: LoadedRecord = { id: "r", content: "deliver X, not ramen", anchors: [], transcript: false };
    const positions = (_: string, term: string) => (term === "ramen" ? [3] : [1]);
    assert.deepEqual(approximateTerms(query, [record], positions), ["xqzvwpj"]);
  });
});

describe("the words a result's page marks", () => {
  it("passes the phrase and its terms, or a quoted query's phrase alone", () => {
    assert.deepEqual(highlightParams(parseQuery("the art of thinking")), ["the art of thinking", "art", "thinking"]);
    assert.deepEqual(highlightParams(parseQuery('"humble gardener"')), ["humble gardener"]);
    assert.deepEqual(highlightParams(parseQuery("ramen")), ["ramen"]);
  });

  it("marks a phrase as one piece across punctuation, and words with their endings", () => {
    const pattern = highlightPattern(["humble gardener", "humble", "gardener"])!;
    assert.deepEqual("a humble, gardener and humble gardeners".match(pattern), [
      "humble, gardener",
      "humble gardeners",
    ]);
    assert.deepEqual("the strategies".match(highlightPattern(["strategy"])!), ["strategies"]);
  });

  it("marks common words only as part of a phrase, and whole", () => {
    const pattern = highlightPattern(["the art of thinking", "art", "thinking"])!;
    assert.deepEqual("there is the art of thinking, then art".match(pattern), ["the art of thinking", "art"]);
    assert.equal(highlightPattern([]), null);
    assert.equal(highlightPattern(["  "]), null);
  });

  it("takes a highlight as text, never as a pattern", () => {
    assert.deepEqual("a (b) c.*".match(highlightPattern(["c.*"])!), ["c"]);
  });
});

describe("a query with corrected words", () => {
  it("reads as the reader would have typed it, in their case, with its terms corrected", () => {
    const query = correctedQuery(
      parseQuery("Momofuko ANDOO noodles"),
      new Map([
        ["momofuko", "momofuku"],
        ["andoo", "ando"],
      ]),
    );
    assert.equal(query.text, "Momofuku ANDO noodles");
    assert.deepEqual(query.words, ["momofuku", "ando", "noodles"]);
    assert.deepEqual(query.terms, ["momofuku", "ando", "noodles"]);
    assert.equal(query.partial, "noodles");
  });

  it("no longer matches the start of longer words once the word being typed is corrected, and marks the corrected words", () => {
    const query = correctedQuery(
      parseQuery("tempora shrimp Rummelt"),
      new Map([
        ["tempora", "tempura"],
        ["rummelt", "rumelt"],
      ]),
    );
    assert.equal(query.partial, null);
    assert.deepEqual(highlightParams(query), ["tempura shrimp rumelt", "tempura", "shrimp", "rumelt"]);
  });

  it("is the query itself when nothing was corrected", () => {
    const query = parseQuery("ramen");
    assert.equal(correctedQuery(query, new Map()), query);
  });
});
