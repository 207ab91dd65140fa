import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { buildSite, buildSiteInChild, listFiles, readDocument, tempProject } from "../support/build.ts";
import { addPublishingFixtures } from "../support/fixtures.ts";

const SITE = "https://alexis.monville.com";
const AUDIO_EPISODE = "en/2024/07/01/a-fixture-episode-with-audio/";
const EPISODE = "en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";
const OWN_CARD = "en/2024/07/06/a-post-with-its-own-card/";
const LONG_TITLE =
  "Why the longest titles in the archive need a card that still reads well when shared on LinkedIn, in chat apps and in newsletters, even when the title goes on and on for two hundred characters, or more";
const TITLES = {
  "long-title": LONG_TITLE,
  "cjk-title": "Café à Tōkyō — 東京での対話",
  "hostile-title": '<script>alert(1)</script> & "quotes"',
};

const project = tempProject("cards");
const out = project.output;
const cache = path.join(project.root, "cards-cache");
const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? null;
const page = (url: string) => readDocument(path.join(out, url, "index.html"));
/** The pages of posts: those with a publication date. */
const postPages = () =>
  listFiles(out).filter(
    (file) => file.endsWith("index.html") && meta(readDocument(path.join(out, file)), "article:published_time"),
  );
const cardFiles = () =>
  new Map(
    readdirSync(path.join(out, "img/cards")).map((name) => [name, readFileSync(path.join(out, "img/cards", name))]),
  );
const fileOf = (url: string) => path.join(out, new URL(url).pathname);

/** `npm run build` on the project, its cards cached in the project's own folder: the first in this process, the next ones in their own (Eleventy caches what it read within a process). */
async function build(again = false): Promise<void> {
  if (again) return buildSiteInChild(project.input, out, { CARDS_CACHE_DIR: cache });
  await buildSite(project.input, out, { CARDS_CACHE_DIR: cache });
}

describe("social cards: every post is shared with a card of its own", () => {
  let firstBuild: Map<string, Buffer>;

  before(async () => {
    await addPublishingFixtures(project.input);
    for (const [slug, title] of Object.entries(TITLES)) {
      writeFileSync(
        path.join(project.input, `posts/2024-07-05-${slug}.md`),
        `---\ntitle: ${JSON.stringify(title)}\nslug: ${slug}\ndate: 2024-07-05\nkind: article\n---\n\nText.\n`,
      );
    }
    await sharp({ create: { width: 1800, height: 945, channels: 3, background: "#8a3b12" } })
      .jpeg()
      .toFile(path.join(project.input, "posts/share-fixture.jpg"));
    writeFileSync(
      path.join(project.input, "posts/2024-07-06-a-post-with-its-own-card.md"),
      '---\ntitle: "A Post With Its Own Card"\ndate: 2024-07-06\nkind: article\ncard:\n  src: ./share-fixture.jpg\n  alt: "A brown rectangle, the colour of episodes"\n---\n\nText.\n',
    );
    await build();
    firstBuild = cardFiles();
  });
  after(() => project.remove());

  it("gives every post's page og:image, its size, type and alt, and a large Twitter card, pointing at a 1200 × 630 PNG", async () => {
    const posts = postPages();
    assert.ok(posts.length >= 15, `${posts.length} posts`);
    for (const file of posts.filter((f) => !f.startsWith(OWN_CARD))) {
      const doc = readDocument(path.join(out, file));
      const image = meta(doc, "og:image")!;
      assert.match(image, new RegExp(`^${SITE}/img/cards/[0-9a-f]{20}\\.png$`), file);
      assert.equal(meta(doc, "twitter:image"), image, file);
      assert.deepEqual(
        [meta(doc, "og:image:width"), meta(doc, "og:image:height"), meta(doc, "og:image:type")],
        ["1200", "630", "image/png"],
        file,
      );
      assert.equal(meta(doc, "twitter:card"), "summary_large_image", file);
      const title = doc.querySelector("h1")!.textContent!.trim();
      assert.ok(meta(doc, "og:image:alt")!.startsWith(`${title} — `), file);
      assert.equal(meta(doc, "twitter:image:alt"), meta(doc, "og:image:alt"), file);
      const { width, height, format } = await sharp(fileOf(image)).metadata();
      assert.deepEqual([width, height, format], [1200, 630, "png"], file);
    }
  });

  it("says in the alt text what the card shows", () => {
    assert.equal(
      meta(page(EPISODE), "og:image:alt"),
      "Exploring Leadership and Open Source with Maria Bracho — Episode of Le Podcast on Emerging Leadership with Maria Bracho",
    );
    assert.equal(
      meta(page("en/2024/07/05/hostile-title/"), "og:image:alt"),
      `${TITLES["hostile-title"]} — Article by Alexis Monville`,
    );
  });

  it("draws cards that are not blank", async () => {
    for (const [name, png] of firstBuild) {
      const { channels } = await sharp(png).stats();
      assert.ok(
        channels.slice(0, 3).every((channel) => channel.stdev > 10 && channel.min < channel.max),
        name,
      );
    }
  });

  it("draws the 200-character, CJK and hostile titles", () => {
    for (const slug of Object.keys(TITLES))
      assert.ok(existsSync(fileOf(meta(page(`en/2024/07/05/${slug}/`), "og:image")!)), slug);
  });

  it("gives an episode with audio og:audio, its full URL and type", () => {
    const doc = page(AUDIO_EPISODE);
    assert.equal(meta(doc, "og:audio"), `${SITE}/media/fixture-episode.wav`);
    assert.equal(meta(doc, "og:audio:type"), "audio/wav");
    assert.equal(meta(page(EPISODE), "og:audio"), null);
  });

  it("keeps the site's card, the podcast cover, on tag, person and listing pages", () => {
    for (const url of [
      "",
      "archive/",
      "podcast/",
      "tags/",
      "tags/culture/",
      "people/",
      "people/maria-bracho/",
      "en/2024/",
    ]) {
      const doc = page(url);
      assert.equal(meta(doc, "og:image"), `${SITE}/assets/podcast-cover.png`, url);
      assert.equal(meta(doc, "twitter:image"), `${SITE}/assets/podcast-cover.png`, url);
      assert.equal(meta(doc, "og:image:alt"), "Le Podcast on Emerging Leadership", url);
      assert.equal(meta(doc, "twitter:card"), "summary", url);
      assert.equal(meta(doc, "og:image:width"), null, url);
    }
  });

  it("uses a post's own card when it names one, at its real size, and draws none for it", async () => {
    const doc = page(OWN_CARD);
    const image = meta(doc, "og:image")!;
    assert.match(image, new RegExp(`^${SITE}/img/[\\w-]+-1200\\.jpeg$`));
    assert.deepEqual(
      [meta(doc, "og:image:width"), meta(doc, "og:image:height"), meta(doc, "og:image:type")],
      ["1200", "630", "image/jpeg"],
    );
    assert.equal(meta(doc, "og:image:alt"), "A brown rectangle, the colour of episodes");
    const { width, height } = await sharp(fileOf(image)).metadata();
    assert.deepEqual([width, height], [1200, 630]);
    // One drawn card per published post without its own: none for it, none for the draft or the post of 2099.
    assert.equal(firstBuild.size, postPages().length - 1);
  });

  it("draws the same bytes from a cold cache as it copies from a warm one", async () => {
    rmSync(out, { recursive: true, force: true });
    await build(true);
    assert.deepEqual(cardFiles(), firstBuild, "warm cache");
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    await build(true);
    assert.deepEqual(cardFiles(), firstBuild, "cold cache");
  });

  it("draws a renamed post's card again, and leaves the old one out of the output", async () => {
    const file = path.join(project.input, "posts/2024-07-05-long-title.md");
    const before = fileOf(meta(page("en/2024/07/05/long-title/"), "og:image")!);
    writeFileSync(file, readFileSync(file, "utf8").replace(LONG_TITLE, "A shorter title"));
    await build(true);
    const after = fileOf(meta(page("en/2024/07/05/long-title/"), "og:image")!);
    assert.notEqual(after, before);
    assert.ok(existsSync(after));
    assert.ok(!existsSync(before));
    assert.ok(existsSync(path.join(cache, path.basename(before))), "the old card stays in the cache");
  });
});
