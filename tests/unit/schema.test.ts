import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FrontMatterError, parsePost } from "../../src/posts/schema.ts";
import { thrownMessage } from "../support/errors.ts";

const ZONE = "America/Los_Angeles";
const FILE = "content/posts/2024-06-09-example.md";

const article = { title: "Playing to Win", date: "2024-04-10", kind: "article", tags: ["Books", "Strategy"] };
const episode = {
  title: "Exploring Leadership and Open Source with Maria Bracho",
  date: "2024-06-09",
  kind: "episode",
  host: { name: "Alexis Monville" },
  guests: [{ name: "Maria Bracho", role: "CTO for LATAM at Red Hat" }],
};

const errorOf = (data: unknown, source = "") =>
  thrownMessage(() => parsePost(data, FILE, ZONE, source), FrontMatterError);

describe("post front matter", () => {
  it("derives slug, tag slugs and the original site's URL from a valid article", () => {
    const post = parsePost(article, FILE, ZONE);
    assert.equal(post.slug, "playing-to-win");
    assert.equal(post.url, "/en/2024/04/10/playing-to-win/");
    assert.deepEqual(post.tags, [
      { name: "Books", slug: "books" },
      { name: "Strategy", slug: "strategy" },
    ]);
    assert.equal(post.date_estimated, false);
    assert.equal(post.date.toISODate(), "2024-04-10");
  });

  it("keeps an explicit slug, so a renamed post keeps its old URL", () => {
    const post = parsePost(
      { ...episode, title: "A new title", slug: "the-old-title", date_estimated: true },
      FILE,
      ZONE,
    );
    assert.equal(post.url, "/en/2024/06/09/the-old-title/");
    assert.equal(post.date_estimated, true);
  });

  it("accepts an episode with host and guests", () => {
    const post = parsePost(episode, FILE, ZONE);
    assert.equal(post.kind, "episode");
    assert.equal(post.host?.name, "Alexis Monville");
    assert.deepEqual(post.guests, [{ name: "Maria Bracho", role: "CTO for LATAM at Red Hat" }]);
  });

  it("names file, line and field when the title is missing", () => {
    const { title: _title, ...untitled } = article;
    const message = errorOf(untitled, "---\ndate: 2024-04-10\nkind: article\n---\n");
    assert.match(message, /content\/posts\/2024-06-09-example\.md: field "title" is required/);
  });

  it("rejects an unparseable date and points at its line", () => {
    const message = errorOf({ ...article, date: "June 9th" }, "---\ntitle: x\ndate: June 9th\n---\n");
    assert.match(message, /2024-06-09-example\.md:3: field "date" "June 9th" is not a date/);
    assert.match(errorOf({ ...article, date: "2024-02-30" }), /field "date" "2024-02-30" is not a date/);
  });

  it("rejects tags that are not a list", () => {
    assert.match(errorOf({ ...article, tags: "Books" }), /field "tags" must be a list/);
  });

  it("rejects an unknown kind", () => {
    assert.match(
      errorOf({ ...article, kind: "podcast" }),
      /field "kind" "podcast" is not a kind: use article or episode/,
    );
  });

  it("rejects a guest without a name", () => {
    assert.match(errorOf({ ...episode, guests: [{ role: "CTO" }] }), /field "guests\.0\.name" is required/);
    assert.match(
      errorOf({ ...episode, guests: [{ name: "  ", role: "CTO" }] }),
      /field "guests\.0\.name" must not be empty/,
    );
  });

  it("requires an episode to have a host and a guest, and an article to have neither", () => {
    assert.match(errorOf({ ...episode, guests: [] }), /field "guests" an episode needs at least one guest/);
    assert.match(errorOf({ ...episode, host: undefined }), /field "host" is required for an episode/);
    assert.match(
      errorOf({ ...article, guests: [{ name: "Maria Bracho" }] }),
      /field "guests" only an episode has guests/,
    );
  });

  it("rejects a slug that would not be a clean URL and tags that repeat", () => {
    assert.match(errorOf({ ...article, slug: "Playing To Win" }), /field "slug" must be lowercase words/);
    assert.match(
      errorOf({ ...article, tags: ["Open source", "open-source"] }),
      /field "tags\.1" "open-source" repeats the tag "Open source"/,
    );
  });

  it("lists every problem of a file at once", () => {
    const message = errorOf({ kind: "video", tags: 3 });
    for (const field of ["title", "date", "kind", "tags"]) assert.match(message, new RegExp(`field "${field}"`));
  });
});

describe("episode audio", () => {
  const audio = {
    url: "https://media.example.com/le-podcast/episode.mp3",
    type: "audio/mpeg",
    length: 31415926,
    duration: "00:31:00",
  };

  it("accepts the documented shape and knows the duration in seconds", () => {
    const post = parsePost({ ...episode, audio }, FILE, ZONE);
    assert.deepEqual(post.audio, { ...audio, seconds: 1860 });
    assert.equal(
      parsePost({ ...episode, audio: { ...audio, url: "/media/episode.mp3" } }, FILE, ZONE).audio?.url,
      "/media/episode.mp3",
    );
  });

  it("reads chapters in order, with their start in seconds, and refuses them out of order", () => {
    const chapters = [
      { start: "00:00:00", title: "Welcome" },
      { start: "00:12:30", title: "Ramen" },
    ];
    assert.deepEqual(parsePost({ ...episode, chapters }, FILE, ZONE).chapters, [
      { start: "00:00:00", title: "Welcome", seconds: 0 },
      { start: "00:12:30", title: "Ramen", seconds: 750 },
    ]);
    assert.match(
      errorOf({ ...episode, chapters: [...chapters].reverse() }),
      /field "chapters\.1\.start" 00:00:00 must come after the chapter before \(00:12:30\)/,
    );
    assert.match(
      errorOf({ ...episode, chapters: [{ start: "12:30", title: "Ramen" }] }),
      /field "chapters\.0\.start" must be written "hh:mm:ss"/,
    );
    assert.match(errorOf({ ...article, chapters }), /field "chapters" only an episode has chapters/);
  });

  it("names the audio field that is wrong", () => {
    assert.match(
      errorOf({ ...episode, audio: { ...audio, length: "31 MB" } }),
      /field "audio\.length" must be the file's size in bytes, a whole number/,
    );
    assert.match(
      errorOf({ ...episode, audio: { ...audio, duration: "31 minutes" } }),
      /field "audio\.duration" must be written "hh:mm:ss"/,
    );
    assert.match(
      errorOf({ ...episode, audio: { ...audio, type: "video/mp4" } }),
      /field "audio\.type" must be an audio MIME type/,
    );
    assert.match(
      errorOf({ ...episode, audio: { ...audio, url: "javascript:alert(1)" } }),
      /field "audio\.url" must be an http\(s\) URL/,
    );
    assert.match(errorOf({ ...episode, audio: { ...audio, bitrate: 128 } }), /field "audio" .*bitrate/);
    const { length: _length, ...withoutLength } = audio;
    assert.match(
      errorOf({ ...episode, audio: withoutLength }),
      /field "audio\.length" is required: the file's size in bytes/,
    );
    assert.match(errorOf({ ...article, audio }), /field "audio" only an episode has audio/);
  });

  it("refuses an audio address that would break out of a page or a link, or is no http(s) URL of a file, naming the field", () => {
    const urlError = (url: string, post: Record<string, unknown> = episode) =>
      errorOf({ ...post, audio: { ...audio, url } })
        .split("\n")
        .slice(1);
    assert.deepEqual(urlError("https://cdn.example/a.mp3)<textarea>"), [
      `${FILE}: field "audio.url" https://cdn.example/a.mp3)<textarea> has ")", "<" and ">", which would end the address in a page or a link: write them %29, %3C and %3E`,
    ]);
    assert.deepEqual(urlError('https://cdn.example/a "b".mp3'), [
      `${FILE}: field "audio.url" https://cdn.example/a "b".mp3 has " " and '"', which would end the address in a page or a link: write them %20 and %22`,
    ]);
    assert.deepEqual(urlError("https://cdn.example/it's (live).mp3"), [
      `${FILE}: field "audio.url" https://cdn.example/it's (live).mp3 has "'", " ", "(" and ")", which would end the address in a page or a link: write them %27, %20, %28 and %29`,
    ]);
    assert.deepEqual(urlError("https://cdn.example/a.mp3\n<script>"), [
      `${FILE}: field "audio.url" "https://cdn.example/a.mp3\\n<script>" has U+000A, "<" and ">", which would end the address in a page or a link: write them %0A, %3C and %3E`,
    ]);
    assert.deepEqual(urlError("https://cdn.example/a\u200b.mp3"), [
      `${FILE}: field "audio.url" https://cdn.example/a\u200b.mp3 has U+200B, which would end the address in a page or a link: write it %E2%80%8B`,
    ]);
    assert.deepEqual(urlError("https://"), [
      `${FILE}: field "audio.url" https:// is not a valid URL: write the whole address, https://host/path/episode.mp3`,
    ]);
    assert.deepEqual(urlError("https://cdn example.com/a.mp3").length, 1);
    assert.deepEqual(urlError("https:cdn.example/a.mp3"), [
      `${FILE}: field "audio.url" must be an http(s) URL or a path from the site's root (/media/episode.mp3)`,
    ]);
    assert.deepEqual(urlError("//cdn.example/a.mp3"), [
      `${FILE}: field "audio.url" //cdn.example/a.mp3 is not a path of this site: a browser would open cdn.example, another site ("//" starts another site's address)`,
    ]);
    assert.deepEqual(urlError("/\\cdn.example/a.mp3"), [
      `${FILE}: field "audio.url" /\\cdn.example/a.mp3 has "\\", which would end the address in a page or a link: write it %5C`,
    ]);
    // an article has no audio, and its address is checked all the same
    assert.deepEqual(urlError("https://cdn.example/a.mp3)<textarea>", article), [
      `${FILE}: field "audio.url" https://cdn.example/a.mp3)<textarea> has ")", "<" and ">", which would end the address in a page or a link: write them %29, %3C and %3E`,
      `${FILE}: field "audio" only an episode has audio`,
    ]);
    for (const url of [
      "https://cdn.example/a.mp3?source=rss&id=12#t=1",
      "http://cdn.example/%28live%29.mp3",
      "/media/episode%20one.mp3",
    ])
      assert.equal(parsePost({ ...episode, audio: { ...audio, url } }, FILE, ZONE).audio?.url, url);
  });

  it("takes a card of the post's own, a file of the site with its alt text", () => {
    assert.deepEqual(parsePost({ ...article, card: { src: "share.png", alt: "A chess board" } }, FILE, ZONE).card, {
      src: "share.png",
      alt: "A chess board",
    });
    assert.equal(parsePost(article, FILE, ZONE).card, undefined);
    assert.match(errorOf({ ...article, card: { src: "share.png" } }), /field "card\.alt" is required/);
    assert.match(
      errorOf({ ...article, card: { src: "https://example.com/share.png", alt: "x" } }),
      /field "card\.src" must be a file of the site/,
    );
    assert.match(
      errorOf({ ...article, card: { src: "share.png", alt: "x", width: 1200 } }),
      /field "card" has unknown field\(s\) width/,
    );
  });
});
