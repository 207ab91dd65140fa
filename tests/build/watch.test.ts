import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { listFiles, readDocument, tempProject, watchSite } from "../support/build.ts";
import { readSearchRecords } from "../support/search.ts";

const ARTICLE = "posts/2024-01-10-crafting-compelling-investor-update-emails-a-guide-for-startup-founders.md";
const EPISODE = "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/index.md";
const EPISODE_URL = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";
const ARTICLE_URL = "/en/2024/01/10/crafting-compelling-investor-update-emails-a-guide-for-startup-founders/";
const OLD_TITLE = "Crafting Compelling Investor Update Emails: A Guide for Startup Founders";
const NEW_TITLE = "Investor Updates That Get Answered";
/** The URL follows the title (no `slug:` in its front matter). */
const NEW_URL = "/en/2024/01/10/investor-updates-that-get-answered/";
const SITE = "https://alexis.monville.com";
const moved = (urls: string[], prefix = "") =>
  urls.map((url) => (url === `${prefix}${ARTICLE_URL}` ? `${prefix}${NEW_URL}` : url)).sort();

/** Builds finished so far: Eleventy prints "Wrote … files" at the end of each, and the search plugin a line once its index is written. */
const count = (log: string, pattern: RegExp) => log.match(new RegExp(pattern, "g"))?.length ?? 0;

describe("npm start: an edit rebuilds what it touches, and the sitemap and search index stay whole", () => {
  const project = tempProject("watch");
  const out = project.output;
  let watch: ReturnType<typeof watchSite>;
  const sitemapUrls = () =>
    [...readFileSync(path.join(out, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!).sort();
  const searchRecords = () => readSearchRecords(out);
  let firstSitemap: string[];
  let firstRecords: string[];
  /** When each page under tags/ was written, before the edit. */
  let tagPagesBefore: Map<string, number>;
  const tagPages = () =>
    new Map(listFiles(path.join(out, "tags")).map((file) => [file, statSync(path.join(out, "tags", file)).mtimeMs]));
  const builds = () => count(watch.log(), /Search index: /);
  /** Saves a change to a file of the project's copy and waits for the rebuild and its search index. */
  const edit = async (file: string, change: (source: string) => string) => {
    const done = builds() + 1;
    writeFileSync(path.join(project.input, file), change(readFileSync(path.join(project.input, file), "utf8")));
    await watch.waitFor(() => builds() === done, `the rebuild after saving ${file}`);
  };

  /** The article's card before the edit; its cards are drawn into the project's own cache, so a card of the new title is drawn by this run. */
  let cardBefore: string;
  const cards = path.join(project.root, "cards-cache");
  const readingTime = (url: string) =>
    readDocument(path.join(out, url, "index.html")).querySelector(".post-meta .reading-time")?.textContent ?? "";
  const cardOf = (url: string) =>
    readDocument(path.join(out, url, "index.html"))
      .querySelector('meta[property="og:image"]')!
      .getAttribute("content")!;

  before(async () => {
    watch = watchSite(project.input, out, { CARDS_CACHE_DIR: cards });
    await watch.waitFor(() => count(watch.log(), /Search index: /) === 1, "the first build and its search index");
    firstSitemap = sitemapUrls();
    firstRecords = searchRecords()
      .map((r) => r.url)
      .sort();
    tagPagesBefore = tagPages();
    cardBefore = cardOf(ARTICLE_URL);
    // Eleventy prints "Watching" before its file watcher has finished its first scan.
    await watch.waitForWatcher();
    const file = path.join(project.input, ARTICLE);
    const source = readFileSync(file, "utf8");
    assert.ok(source.includes(`title: "${OLD_TITLE}"`));
    writeFileSync(
      file,
      `${source.replace(`title: "${OLD_TITLE}"`, `title: "${NEW_TITLE}"`)}\nA paragraph added while the site is served: zanzibarian quokkas.\n`,
    );
    await watch.waitFor(() => count(watch.log(), /Search index: /) === 2, "the rebuild and its search index");
  });
  after(async () => {
    await watch?.stop();
    project.remove();
  });

  it("rebuilds the edited post and the pages that list it, and skips the others", () => {
    assert.match(
      readDocument(path.join(out, NEW_URL, "index.html")).querySelector("main")!.textContent!,
      /zanzibarian quokkas/,
    );
    const rebuild = /Wrote (\d+) files? \(skipped (\d+)\)/.exec(watch.log());
    assert.ok(rebuild, `an incremental rebuild:\n${watch.log()}`);
    const [written, skipped] = [Number(rebuild[1]), Number(rebuild[2])];
    assert.ok(written >= 1 && skipped >= 1, `${written} written, ${skipped} skipped`);
  });

  it("shows the new title on every page and feed that lists the post", () => {
    assert.equal(
      readDocument(path.join(out, NEW_URL, "index.html"))
        .querySelector("h1")!
        .textContent!.trim(),
      NEW_TITLE,
    );
    for (const page of [
      "index.html",
      "archive/index.html",
      "en/2024/index.html",
      "tags/startups/index.html",
      "feed.xml",
      "feed.json",
    ]) {
      const text = readFileSync(path.join(out, page), "utf8");
      assert.ok(text.includes(NEW_TITLE), `${page} shows the new title`);
      assert.ok(!text.includes(OLD_TITLE), `${page} no longer shows the old one`);
    }
  });

  it("draws the post's card again with its new title", async () => {
    const card = cardOf(NEW_URL);
    assert.notEqual(card, cardBefore);
    const name = path.basename(new URL(card).pathname);
    // Under npm start a page is written without waiting for its new card, drawn meanwhile (src/cards/plugin.ts).
    await watch.waitFor(() => existsSync(path.join(out, "img/cards", name)), `${name} in the output`);
    assert.ok(existsSync(path.join(out, "img/cards", name)), `${name} is in the output`);
    assert.ok(existsSync(path.join(cards, name)), `${name} was drawn`);
  });

  it("keeps every page in the sitemap, the moved post at its new URL only", () => {
    assert.ok(firstSitemap.length > 30, `${firstSitemap.length} URLs`);
    assert.ok(firstSitemap.includes(`${SITE}${ARTICLE_URL}`));
    assert.deepEqual(sitemapUrls(), moved(firstSitemap, SITE));
  });

  it("keeps every page and transcript in the search index, with the edit in it at the post's new URL", () => {
    const records = searchRecords();
    assert.deepEqual(records.map((r) => r.url).sort(), moved(firstRecords));
    const edited = records.filter((r) => r.url === NEW_URL);
    assert.equal(edited.length, 1);
    assert.match(edited[0]!.content, /zanzibarian quokkas/);
  });

  it("writes again only the tag pages that list the edited post", () => {
    const after = tagPages();
    const rewritten = [...after]
      .filter(([file, written]) => written !== tagPagesBefore.get(file))
      .map(([file]) => file)
      .sort();
    const listing = [...after.keys()]
      .filter((file) => file !== "index.html" && readFileSync(path.join(out, "tags", file), "utf8").includes(NEW_URL))
      .sort();
    // The article is tagged Startups; the tags index is written again too (it counts posts per tag).
    assert.deepEqual(listing, ["startups/index.html"]);
    assert.deepEqual(rewritten, ["index.html", ...listing].sort());
    assert.ok(after.size > rewritten.length + 10, `${after.size} tag pages, ${rewritten.length} written again`);
  });

  it("renders every listing page again when what they all show changes: a template, or the policy for a new media host", async () => {
    const heading = '<h1>{{ "tags.tagged" | t(lang, { tag: tagPage.tag.name }) }}</h1>';
    await edit("tag.njk", (source) => {
      assert.ok(source.includes(heading), "tag.njk's heading, as the test edits it");
      return source.replace(heading, "<h1>Posts tagged “{{ tagPage.tag.name }}”</h1>");
    });
    for (const file of tagPages().keys()) {
      if (file === "index.html") continue;
      assert.match(
        readDocument(path.join(out, "tags", file)).querySelector("h1")!.textContent!,
        /^Posts tagged “/,
        `tags/${file} shows the edited template`,
      );
    }
    const audio =
      'audio:\n  url: "https://media.quokka.example/episode.mp3"\n  type: audio/mpeg\n  length: 1000\n  duration: "00:30:00"\n';
    await edit(EPISODE, (source) => source.replace("kind: episode\n", `kind: episode\n${audio}`));
    for (const page of [
      "tags/books/index.html",
      "en/2024/index.html",
      "people/bruce-wang/index.html",
      "archive/index.html",
    ]) {
      const policy = readDocument(path.join(out, page))
        .querySelector('meta[http-equiv="Content-Security-Policy"]')!
        .getAttribute("content")!;
      assert.match(policy, /media-src 'self' https:\/\/media\.quokka\.example/, `${page} allows the new media host`);
    }
    // The episode now takes its audio's length, no longer an estimate from its transcript.
    assert.equal(readingTime(EPISODE_URL), "30 min");
  });

  it("shows an article's new reading time once its text grows", async () => {
    const minutes = Number(/^(\d+) min read$/.exec(readingTime(NEW_URL))?.[1]);
    assert.ok(minutes >= 1, readingTime(NEW_URL));
    // 2,380 more words: ten more minutes at 238 words a minute.
    const words = Array.from({ length: 2380 }, (_, i) => `word${i}`).join(" ");
    await edit(ARTICLE, (source) => `${source}\n${words}\n`);
    assert.equal(readingTime(NEW_URL), `${minutes + 10} min read`);
    const card = [...readDocument(path.join(out, "archive/index.html")).querySelectorAll(".post-card")].find(
      (element) => element.querySelector(".post-card-title a")?.getAttribute("href") === NEW_URL,
    );
    assert.equal(card?.querySelector(".reading-time")?.textContent, `${minutes + 10} min read`);
  });

  it("drops a tag's page from the sitemap when no post has the tag any more", async () => {
    const tagUrl = `${SITE}/tags/zanzibar-quokkas/`;
    const before = sitemapUrls();
    await edit(ARTICLE, (source) => source.replace("tags: [Startups]", "tags: [Startups, Zanzibar quokkas]"));
    assert.deepEqual(sitemapUrls(), [...before, tagUrl].sort());
    await edit(ARTICLE, (source) => source.replace("tags: [Startups, Zanzibar quokkas]", "tags: [Startups]"));
    assert.deepEqual(sitemapUrls(), before);
  });
});
