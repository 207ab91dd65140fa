/** Addresses in any script (issue #23): slugs of titles, tags and names, and links to them. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { peopleOf } from "../../src/posts/people.ts";
import { tagPages, tagSummaries } from "../../src/posts/collections.ts";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import { parsePost, type Post } from "../../src/posts/schema.ts";
import { addressProblems, MAX_SLUG_BYTES, slugify } from "../../src/posts/slug.ts";
import { encodeLinks, encodeUrl } from "../../src/site/links.ts";
import { ROOT } from "../support/build.ts";

/** The slug as it was made before #23: every Latin address of the site was made by it and must not move. */
const before23 = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’‘"“”]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** Every title, tag and person's name of the site's content (posts' front matter). */
function contentNames(): string[] {
  const names = new Set<string>();
  const posts = path.join(ROOT, "content/posts");
  for (const file of readdirSync(posts, { recursive: true }) as string[]) {
    if (!file.endsWith(".md") || path.basename(file) === "transcript.md") continue;
    const { data } = readFrontMatter(readFileSync(path.join(posts, file), "utf8"));
    const people = [data.host, ...((data.guests as unknown[]) ?? [])] as ({ name?: string } | undefined)[];
    for (const text of [data.title, ...((data.tags as unknown[]) ?? []), ...people.map((p) => p?.name)])
      if (typeof text === "string") names.add(text);
  }
  return [...names];
}

/** Latin text of every kind the slug met before: accents, ligatures, letters with no ASCII form, quotes, symbols, emoji. */
const LATIN = [
  "Revisiting ‘Good Strategy/Bad Strategy’",
  "Playing to Win",
  "Café crème: l’été à Paris",
  "Leadership: A Contested Term",
  "The Art of Thinking: 25 Insights into Human Misjudgment from Charlie Munger",
  `He said "hi" & <script>alert(1)</script>`,
  "ﬁnance ＡＢＣ １２３ Ⅻ ½ ² ① ™ №",
  "donʼt — it’s “quoted” 'single'",
  "Zoë Smith",
  "İstanbul",
  "µs and ℃ and K",
  "emoji 🎙️ and a tab\there",
  "keycap 1️⃣ and a\u20dd circle",
  "  --- spaced ---  ",
  "Jean-Luc O'Neil",
  "Maria Bracho",
];

describe("slugs of Latin text (every existing address)", () => {
  it("are what they always were, for the site's content and every kind of Latin text", () => {
    const names = [...contentNames(), ...LATIN];
    assert.ok(names.length > 40, `only ${names.length} titles, tags and names read from content/`);
    for (const text of names) assert.equal(slugify(text), before23(text), text);
  });

  it("keep the examples the docs give", () => {
    assert.equal(slugify("Revisiting ‘Good Strategy’"), "revisiting-good-strategy");
    assert.equal(slugify("Open source"), "open-source");
    assert.equal(slugify("Café crème"), "cafe-creme");
    assert.equal(slugify("Straße"), "strasse", "as WordPress spells it; it was stra-e, no post had one");
    assert.equal(slugify("Łódź, Øresund, Æsir, þorn"), "lodz-oresund-aesir-thorn");
    assert.equal(slugify("Li Ming"), slugify("li-ming"));
  });

  it("are as long as they always were", () => {
    const long = "Leadership ".repeat(40);
    assert.equal(slugify(long), before23(long));
    assert.ok(slugify(long).length > MAX_SLUG_BYTES);
  });
});

describe("slugs of other scripts", () => {
  it("keep Chinese and Japanese as they are written", () => {
    assert.equal(slugify("東京での対話"), "東京での対話");
    assert.equal(slugify("リーダーシップ"), "リーダーシップ");
    assert.equal(slugify("李明"), "李明");
    assert.equal(slugify("第2回・東京"), "第2回-東京");
  });

  it("give different names different slugs: no two people or tags share a page", () => {
    assert.notEqual(slugify("李明"), slugify("王芳"));
    assert.notEqual(slugify("日本語"), slugify("日本"));
    assert.notEqual(slugify("Мой"), slugify("Мои"), "й is a letter of its own, not и");
    const names = [
      "李明",
      "王芳",
      "日本語",
      "日本",
      "東京",
      "京都",
      "Мой",
      "Мои",
      "ελληνικά",
      "عربي",
      "עברית",
      "हिन्दी",
      "한국어",
    ];
    assert.equal(new Set(names.map(slugify)).size, names.length);
  });

  it("lowercase the scripts that have case, with their own marks kept", () => {
    assert.equal(slugify("Москва 2024"), "москва-2024");
    assert.equal(slugify("Мой путь"), "мой-путь");
    assert.equal(slugify("Ёлка"), "ёлка");
    assert.equal(slugify("Ελληνικά"), "ελληνικά");
    assert.equal(slugify("ΑΘΗΝΑ"), "αθηνα");
  });

  it("keep Arabic, Hebrew, Devanagari and Korean words whole, vowel marks and digits included", () => {
    assert.equal(slugify("مرحبا بالعالم"), "مرحبا-بالعالم");
    assert.equal(slugify("كَتَبَ"), "كَتَبَ");
    assert.equal(slugify("٢٠٢٤"), "٢٠٢٤");
    assert.equal(slugify("שָׁלוֹם עולם"), "שָׁלוֹם-עולם");
    assert.equal(slugify("हिन्दी भाषा"), "हिन्दी-भाषा");
    assert.equal(slugify("한국어 대화"), "한국어-대화");
  });

  it("mix with Latin: the Latin part as always, the rest kept", () => {
    assert.equal(slugify("Tokyo 東京"), "tokyo-東京");
    assert.equal(slugify("Café à Tōkyō — 東京での対話"), "cafe-a-tokyo-東京での対話");
    assert.equal(slugify("日本 2024"), "日本-2024");
    assert.equal(slugify("Li Ming 李明"), "li-ming-李明");
    assert.equal(slugify("“東京”"), "東京");
    // Another script's letter in Latin text is kept now: the one case where a slug is not what it was (none in content/).
    assert.equal(slugify("The π of leadership"), "the-π-of-leadership");
  });

  it("are stable: the same whatever the text's Unicode form, and a slug is its own slug", () => {
    for (const text of ["東京での対話", "Мой путь", "Ελληνικά", "한국어 대화", "Café à Tōkyō — 東京での対話"]) {
      assert.equal(slugify(text.normalize("NFD")), slugify(text.normalize("NFC")), text);
      assert.equal(slugify(slugify(text)), slugify(text), text);
      assert.equal(slugify(text), slugify(text).normalize("NFC"), `${text}: NFC`);
    }
    assert.equal(slugify("ﾃﾞｰﾀ"), "データ", "halfwidth katakana is folded");
    assert.equal(slugify("東\uFE0F京"), "東京", "a variation selector is not part of the word");
  });

  it("are cut to a file name's length, between characters", () => {
    const slug = slugify("東京での対話".repeat(30));
    assert.ok(Buffer.byteLength(slug) <= MAX_SLUG_BYTES, `${Buffer.byteLength(slug)} bytes`);
    assert.ok(Buffer.byteLength(slug) > MAX_SLUG_BYTES - 3);
    assert.ok("東京での対話".repeat(30).startsWith(slug));
    assert.equal(slugify("東京 ".repeat(60)).endsWith("-"), false);
    // A vowel sign is never cut from its letter: the cut falls where a grapheme ends.
    const hindi = slugify("हिन्दी ".repeat(40));
    const full = "हिन्दी-".repeat(40);
    const ends = [...new Intl.Segmenter("und", { granularity: "grapheme" }).segment(full)].map(
      (s) => s.index + s.segment.length,
    );
    assert.ok(Buffer.byteLength(hindi) <= MAX_SLUG_BYTES);
    assert.ok(full.startsWith(hindi) && ends.includes(hindi.length), `cut inside a character: …${hindi.slice(-4)}`);
  });

  it("are empty for text with no letter or digit in any script", () => {
    for (const text of ["🎙️", "🎙️!", "!!! ???", "—", "★☆", "  "]) assert.equal(slugify(text), "", text);
  });
});

describe("fields that would have an empty address", () => {
  it("are each a problem on their own field", () => {
    const problems = addressProblems({
      title: "🎉",
      tags: ["日本", "★"],
      host: { name: "Alexis Monville" },
      guests: [{ name: "李明" }, { name: "🎙️" }],
    });
    assert.deepEqual(
      problems.map((p) => p.path),
      [["title"], ["tags", 1], ["guests", 1, "name"]],
    );
    assert.match(
      problems[0]!.message,
      /^"🎉" has no letter or digit to make the post's address \(\/en\/YYYY\/MM\/DD\/<slug>\/\).*give the post a slug/,
    );
    assert.match(problems[1]!.message, /^"★" has no letter or digit to make the tag's address \(\/tags\/<slug>\/\)/);
    assert.match(
      problems[2]!.message,
      /^"🎙️" has no letter or digit to make the person's address \(\/people\/<slug>\/\)/,
    );
  });

  it("are none for a title in any script, or a title with a slug of its own", () => {
    assert.deepEqual(
      addressProblems({
        title: "東京での対話",
        tags: ["日本語", "日本"],
        guests: [{ name: "李明" }, { name: "王芳" }],
      }),
      [],
    );
    assert.deepEqual(addressProblems({ title: "🎉", slug: "party" }), []);
  });

  it("stop the lists of tags and people rather than make /tags// or /people//", () => {
    const valid = parsePost(
      {
        title: "A post",
        date: "2024-06-09",
        kind: "episode",
        host: { name: "Alexis Monville" },
        guests: [{ name: "Jane Doe" }],
      },
      "a.md",
      "UTC",
    );
    const withTag: Post = { ...valid, tags: [{ name: "🎙️", slug: "" }] };
    assert.throws(
      () => tagSummaries([withTag]),
      /\/en\/2024\/06\/09\/a-post\/ \("A post"\): the tag "🎙️" has no letter or digit/,
    );
    const withGuest: Post = { ...valid, guests: [{ name: "🎙️" }] };
    assert.throws(() => peopleOf([withGuest]), /the name "🎙️" has no letter or digit to make the person's address/);
  });
});

describe("pages of tags and people in other scripts", () => {
  const post = (title: string, date: string, extra: Record<string, unknown>) =>
    parsePost({ title, date, ...extra }, `${title}.md`, "UTC");
  const talk = post("東京での対話", "2024-06-09", {
    kind: "episode",
    tags: ["日本語", "日本"],
    host: { name: "Alexis Monville" },
    guests: [{ name: "李明" }, { name: "王芳" }],
  });

  it("are one each, at non-empty addresses", () => {
    assert.equal(talk.url, "/en/2024/06/09/東京での対話/");
    assert.deepEqual(
      tagSummaries([talk]).map((t) => [t.name, t.url]),
      [
        ["日本", "/tags/日本/"],
        ["日本語", "/tags/日本語/"],
      ],
    );
    assert.deepEqual(
      tagPages([talk], 20)
        .map((p) => p.url)
        .sort(),
      ["/tags/日本/", "/tags/日本語/"],
    );
    assert.deepEqual(
      peopleOf([talk]).map((p) => [p.name, p.url]),
      [
        ["Alexis Monville", "/people/alexis-monville/"],
        ["李明", "/people/李明/"],
        ["王芳", "/people/王芳/"],
      ],
    );
  });
});

describe("links to addresses in other scripts", () => {
  it("are percent-encoded as UTF-8, ASCII left as it is", () => {
    assert.equal(encodeUrl("/tags/日本/"), "/tags/%E6%97%A5%E6%9C%AC/");
    assert.equal(
      encodeUrl("/en/2024/06/09/東京での対話/#turn-3"),
      `/en/2024/06/09/${encodeURIComponent("東京での対話")}/#turn-3`,
    );
    assert.equal(encodeUrl("/search/?q=a%20b&x=1"), "/search/?q=a%20b&x=1");
    assert.equal(encodeUrl(encodeUrl("/people/李明/")), encodeUrl("/people/李明/"), "encoding twice changes nothing");
    assert.equal(encodeUrl("/a/\ud800/"), "/a/%EF%BF%BD/");
    assert.equal(decodeURI(encodeUrl("/people/王芳/")), "/people/王芳/");
  });

  it("are encoded in a page's links, media and redirect, the text left as it is", () => {
    const html = [
      `<a href="/tags/日本/" rel="tag">日本</a>`,
      `<img src="/images/東京.jpg" alt="東京">`,
      `<meta http-equiv="refresh" content="0; url=/people/李明/">`,
      `<a href="/tags/books/">Books</a>`,
      `<p title="日本">日本</p>`,
    ].join("\n");
    assert.equal(
      encodeLinks(html),
      [
        `<a href="/tags/%E6%97%A5%E6%9C%AC/" rel="tag">日本</a>`,
        `<img src="/images/%E6%9D%B1%E4%BA%AC.jpg" alt="東京">`,
        `<meta http-equiv="refresh" content="0; url=/people/%E6%9D%8E%E6%98%8E/">`,
        `<a href="/tags/books/">Books</a>`,
        `<p title="日本">日本</p>`,
      ].join("\n"),
    );
    const latin = `<a href="/tags/books/">Café — “Books”</a>`;
    assert.equal(encodeLinks(latin), latin);
  });
});
