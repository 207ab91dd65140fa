import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import RssParser from "rss-parser";
import sharp from "sharp";
import { addPublishingFixtures } from "../support/fixtures.ts";
import { buildSite, listFiles, readDocument, ROOT, tempProject, watchSite } from "../support/build.ts";
import { sharedSite } from "../support/shared-site.ts";

const SITE = "https://alexis.monville.com";
const FIXTURE_EPISODE = "/en/2024/07/01/a-fixture-episode-with-audio/";
const PUBLIC_POSTS = 12 + 3; // the seed's, the fixture episode with audio, the moved post, the post with a photo

const project = sharedSite("publishing");
const out = project.output;
const read = (file: string) => readFileSync(path.join(out, file), "utf8");
/** Atom text constructs come back as strings or as { value } objects, depending on their type. */
const text = (construct: unknown) =>
  typeof construct === "string" ? construct : (construct as { value?: string } | undefined)?.value;
const htmlFiles = () => listFiles(out).filter((f) => f.endsWith(".html"));

/** Every word Pagefind wrote, decompressed: its index and fragments are gzip files. */
function searchIndexText(): string {
  const dir = path.join(out, "pagefind");
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.pf_(fragment|index|meta)$/.test(entry.name))
    .map((entry) => gunzipSync(readFileSync(path.join(entry.parentPath, entry.name))).toString("latin1"))
    .join("\n");
}

describe("publishing", () => {
  before(() => project.build());
  after(() => project.release());

  it("writes an Atom feed and a JSON Feed of every published post (fewer than feedEntries), full content, absolute URLs", () => {
    const atom = parseAtomFeed(read("feed.xml"));
    assert.equal(atom.entries?.length, PUBLIC_POSTS);
    const maria = atom.entries!.find(
      (e) => text(e.title) === "Exploring Leadership and Open Source with Maria Bracho",
    )!;
    assert.equal(
      maria.links?.[0]?.href,
      `${SITE}/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/`,
    );
    assert.equal(maria.published, "2024-06-09T00:00:00-07:00");
    assert.match(
      maria.content?.value ?? "",
      /Maria offers one of the most tangible explanations of open source I have heard/,
    );
    assert.match(
      maria.content?.value ?? "",
      new RegExp(
        `href="${SITE}/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/transcript\\.vtt"`,
      ),
    );
    const photo = atom.entries!.find((e) => text(e.title) === "A Post With a Photo")!;
    assert.match(photo.content?.value ?? "", new RegExp(`src="${SITE}/assets/podcast-cover\\.png"`));

    const json = parseJsonFeed(JSON.parse(read("feed.json")));
    assert.equal(json.items?.length, PUBLIC_POSTS);
    assert.deepEqual(
      json.items!.map((i) => i.url),
      atom.entries!.map((e) => e.links?.[0]?.href),
    );
    for (const item of json.items!) assert.ok(item.url!.startsWith(`${SITE}/en/`));
    const episode = json.items!.find((i) => i.url === `${SITE}${FIXTURE_EPISODE}`)!;
    assert.deepEqual(episode.attachments, [
      {
        url: `${SITE}/media/fixture-episode.wav`,
        mime_type: "audio/wav",
        size_in_bytes: 12800044,
        duration_in_seconds: 1600,
      },
    ]);
  });

  it("links the feeds from every page", () => {
    for (const file of htmlFiles().filter((f) => !f.includes("moved") && !f.startsWith("old/"))) {
      const doc = readDocument(path.join(out, file));
      for (const type of ["application/atom+xml", "application/feed+json", "application/rss+xml"])
        assert.ok(doc.querySelector(`head link[rel="alternate"][type="${type}"]`), `${file} links ${type}`);
    }
  });

  it("writes a podcast RSS feed of the episodes that have audio, with iTunes and Podcasting 2.0 tags", async () => {
    const xml = read("podcast.xml");
    const feed = parseRssFeed(xml);
    assert.equal(feed.title, "Le Podcast on Emerging Leadership");
    assert.equal(feed.language, "en");
    assert.ok(feed.description);
    assert.equal(feed.image?.url, `${SITE}/assets/podcast-cover.png`);
    assert.equal(feed.itunes?.author, "Alexis Monville");
    assert.equal(feed.itunes?.image, `${SITE}/assets/podcast-cover.png`);
    assert.deepEqual(feed.itunes?.categories, [{ text: "Business", categories: [{ text: "Management" }] }]);
    assert.equal(feed.itunes?.explicit, false);
    assert.deepEqual(
      feed.podcast?.persons?.map((p) => [p.display, p.role]),
      [["Alexis Monville", "host"]],
    );

    assert.equal(feed.items?.length, 1, "only the episode with audio");
    const item = feed.items![0]!;
    assert.equal(item.title, "A Fixture Episode With Audio");
    assert.deepEqual(item.enclosures, [
      { url: `${SITE}/media/fixture-episode.wav`, length: 12800044, type: "audio/wav" },
    ]);
    assert.equal(item.itunes?.duration, 1600);
    assert.equal(item.itunes?.episodeType, "full");
    assert.equal(item.guid?.value, `${SITE}${FIXTURE_EPISODE}`);
    assert.equal(new Date(item.pubDate!).toISOString(), "2024-07-01T07:00:00.000Z");
    assert.deepEqual(
      item.podcast?.transcripts?.map((t) => [t.url, t.type, t.rel]),
      [
        [`${SITE}${FIXTURE_EPISODE}transcript.vtt`, "text/vtt", "captions"],
        [`${SITE}${FIXTURE_EPISODE}transcript.srt`, "application/x-subrip", undefined],
        [`${SITE}${FIXTURE_EPISODE}transcript.json`, "application/json", undefined],
        [`${SITE}${FIXTURE_EPISODE}transcript.txt`, "text/plain", undefined],
      ],
    );
    assert.deepEqual(
      item.podcast?.persons?.map((p) => [p.display, p.role]),
      [
        ["Alexis Monville", "host"],
        ["Maria Bracho", "guest"],
      ],
    );
    assert.deepEqual(item.podcast?.chapters, {
      url: `${SITE}${FIXTURE_EPISODE}chapters.json`,
      type: "application/json+chapters",
    });
    assert.deepEqual(JSON.parse(read(`${FIXTURE_EPISODE}chapters.json`)), {
      version: "1.2.0",
      chapters: [
        { startTime: 0, title: "Welcome" },
        { startTime: 330, title: "Leading across Japan and Latin America" },
        { startTime: 720, title: "Culture & language" },
      ],
    });

    // A second, independent parser reads the same feed.
    const other = await new RssParser().parseString(xml);
    assert.equal(other.items.length, 1);
    assert.equal(other.items[0]!.enclosure?.url, `${SITE}/media/fixture-episode.wav`);
    assert.equal(other.itunes?.author, "Alexis Monville");
  });

  it("lists every public page in sitemap.xml, and says where it is in robots.txt", () => {
    const locs = [...read("sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const pages = htmlFiles()
      .filter((f) => f !== "404.html" && !readDocument(path.join(out, f)).querySelector('meta[http-equiv="refresh"]'))
      .map((f) => `${SITE}/${f.replace(/index\.html$/, "")}`);
    assert.deepEqual([...locs].sort(), [...pages].sort());
    assert.match(read("robots.txt"), new RegExp(`^Sitemap: ${SITE}/sitemap\\.xml$`, "m"));
  });

  it("gives every page a canonical URL, Open Graph and Twitter card tags, and posts their JSON-LD", () => {
    for (const file of htmlFiles().filter(
      (f) => f !== "404.html" && !f.startsWith("old/") && !f.includes("moved.html"),
    )) {
      const doc = readDocument(path.join(out, file));
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
      assert.equal(canonical, `${SITE}/${file.replace(/index\.html$/, "")}`, file);
      for (const property of ["og:title", "og:description", "og:url", "og:type", "og:image"])
        assert.ok(doc.querySelector(`meta[property="${property}"]`)?.getAttribute("content"), `${file} ${property}`);
      // A post is shared with its large card (tests/build/cards.test.ts), another page with the podcast's square cover.
      const isPost = Boolean(doc.querySelector('meta[property="article:published_time"]'));
      assert.equal(
        doc.querySelector('meta[name="twitter:card"]')?.getAttribute("content"),
        isPost ? "summary_large_image" : "summary",
        file,
      );
    }
    const ld = (url: string) =>
      JSON.parse(
        readDocument(path.join(out, url, "index.html")).querySelector('script[type="application/ld+json"]')!
          .textContent!,
      );
    const article = ld("/en/2024/04/10/playing-to-win/");
    assert.equal(article["@type"], "BlogPosting");
    assert.equal(article.headline, "Playing to Win");
    const episode = ld(FIXTURE_EPISODE);
    assert.equal(episode["@type"], "PodcastEpisode");
    assert.deepEqual(episode.partOfSeries, {
      "@type": "PodcastSeries",
      name: "Le Podcast on Emerging Leadership",
      url: `${SITE}/podcast/`,
    });
    assert.deepEqual(episode.associatedMedia, {
      "@type": "AudioObject",
      contentUrl: `${SITE}/media/fixture-episode.wav`,
      encodingFormat: "audio/wav",
      contentSize: "12800044",
      duration: "PT1600S",
    });
    assert.equal(
      ld("/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/").associatedMedia,
      undefined,
    );
  });

  it("leaves drafts and posts dated in the future out of every output", () => {
    const everything = listFiles(out)
      .filter((f) => /\.(html|xml|json|txt|vtt|srt)$/.test(f) || f === "_redirects")
      .map((f) => read(f))
      .join("\n");
    for (const word of [
      "Zanzibarquux",
      "Chronoflux",
      "A Draft That Must Not Leak",
      "A Post From the Future",
      "Dana Draftguest",
      "Draftonlytag",
      "Futureonlytag",
    ])
      assert.equal(everything.includes(word), false, `${word} leaked`);
    assert.equal(existsSync(path.join(out, "people/dana-draftguest")), false);
    assert.equal(existsSync(path.join(out, "tags/draftonlytag")), false);
    assert.equal(existsSync(path.join(out, "en/2099")), false);
    const index = searchIndexText().toLowerCase();
    assert.ok(index.includes("ramen"), "the search index is readable here");
    for (const word of ["zanzibarquux", "chronoflux", "draftguest"])
      assert.equal(index.includes(word), false, `${word} is in the search index`);
  });

  it("shows the newsletter sign-up block configured in site data, with no third-party script", () => {
    const site = JSON.parse(readFileSync(path.join(project.input, "_data/site.json"), "utf8"));
    const doc = readDocument(path.join(out, "en/2024/02/23/leadership-a-contested-term/index.html"));
    const block = doc.querySelector("aside.newsletter")!;
    assert.equal(block.querySelector("h2")!.textContent, site.newsletter.heading);
    assert.equal(block.querySelector("p")!.textContent, site.newsletter.text);
    assert.equal(block.querySelector(".fine-print")!.textContent, site.newsletter.finePrint);
    assert.equal(block.querySelector("form"), null, "no form until site data gives the sign-up address");
    assert.equal(doc.querySelectorAll('script[src^="http"]').length, 0);
  });

  it("posts the sign-up form to the address site data gives, and lets the policy allow it", async () => {
    const configured = tempProject("publishing-newsletter");
    try {
      const file = path.join(configured.input, "_data/site.json");
      const site = JSON.parse(readFileSync(file, "utf8"));
      site.newsletter.action = "https://newsletter.example.org/subscribe?list=le-podcast";
      writeFileSync(file, JSON.stringify(site));
      await buildSite(configured.input, configured.output);
      const doc = readDocument(path.join(configured.output, "en/2024/02/23/leadership-a-contested-term/index.html"));
      const form = doc.querySelector("aside.newsletter form")!;
      assert.equal(form.getAttribute("action"), "https://newsletter.example.org/subscribe?list=le-podcast");
      assert.equal(form.getAttribute("method"), "post");
      assert.equal(form.querySelector('input[type="email"]')!.getAttribute("name"), "email");
      assert.ok(form.querySelector('label[for="newsletter-email"]'));
      assert.match(
        doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!,
        /form-action 'self' https:\/\/newsletter\.example\.org/,
      );
    } finally {
      configured.remove();
    }
  });

  it("shows drafts and scheduled posts under npm start, with a banner saying so", async () => {
    const dev = tempProject("publishing-dev");
    cpSync(path.join(ROOT, "tests/fixtures/publishing"), path.join(dev.input, "posts"), { recursive: true });
    await sharp({ create: { width: 160, height: 90, channels: 3, background: "#0b5cad" } })
      .png()
      .toFile(path.join(dev.input, "posts/photo-fixture.png"));
    const watch = watchSite(dev.input, dev.output);
    try {
      const draft = path.join(dev.output, "en/2024/07/02/a-draft-that-must-not-leak/index.html");
      const future = path.join(dev.output, "en/2099/01/01/a-post-from-the-future/index.html");
      await watch.waitFor(
        () => /Watching/.test(watch.log()) && existsSync(draft) && existsSync(future),
        "the draft and the scheduled post",
      );
      assert.match(
        readDocument(draft).querySelector(".unpublished-banner")!.textContent!,
        /^Draft: this post is not published/,
      );
      assert.match(
        readDocument(future).querySelector(".unpublished-banner")!.textContent!,
        /^Scheduled: this post goes public on January 1, 2099/,
      );
      assert.equal(
        readDocument(path.join(dev.output, "en/2024/04/10/playing-to-win/index.html")).querySelector(
          ".unpublished-banner",
        ),
        null,
      );
      // Search works under npm start too: the index is written by every build, the watcher's included.
      // Logged once the index is whole: Pagefind's files exist before they are written in full.
      await watch.waitFor(() => /Search index: /.test(watch.log()), "the search index");
      const entry = JSON.parse(readFileSync(path.join(dev.output, "pagefind/pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      assert.ok(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) > 12);
    } finally {
      await watch.stop();
      dev.remove();
    }
  });

  it("keeps a moved post's old addresses alive: _redirects and a redirect page at each", () => {
    assert.equal(
      read("_redirects"),
      "/old/a-moved-post/ /en/2024/07/03/a-moved-post/ 301\n/2019/05/01/moved.html /en/2024/07/03/a-moved-post/ 301\n",
    );
    for (const file of ["old/a-moved-post/index.html", "2019/05/01/moved.html"]) {
      const doc = readDocument(path.join(out, file));
      assert.equal(
        doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"),
        "0; url=/en/2024/07/03/a-moved-post/",
      );
      assert.equal(
        doc.querySelector('link[rel="canonical"]')?.getAttribute("href"),
        `${SITE}/en/2024/07/03/a-moved-post/`,
      );
      assert.equal(doc.querySelector("a")?.getAttribute("href"), "/en/2024/07/03/a-moved-post/");
    }
  });

  it("optimizes a featured image into AVIF and WebP with its size set, and lazy-loads images in the text", () => {
    const doc = readDocument(path.join(out, "en/2024/07/04/a-post-with-a-photo/index.html"));
    const picture = doc.querySelector(".featured-image picture")!;
    assert.deepEqual(
      [...picture.querySelectorAll("source")].map((s) => s.getAttribute("type")),
      ["image/avif", "image/webp"],
    );
    const img = picture.querySelector("img")!;
    assert.equal(img.getAttribute("alt"), "A blue square with a white frame");
    const [width, height] = [Number(img.getAttribute("width")), Number(img.getAttribute("height"))];
    assert.ok(width >= 720 && height > 0, `${width}×${height}`);
    assert.equal(width / height, 1600 / 900, "the image keeps its proportions, so nothing shifts as it loads");
    assert.equal(img.getAttribute("loading"), "eager");
    for (const source of picture.querySelectorAll("source"))
      for (const candidate of source.getAttribute("srcset")!.split(", "))
        assert.ok(existsSync(path.join(out, candidate.split(" ")[0]!)), candidate);
    assert.equal(doc.querySelector(".featured-image figcaption")?.textContent, "Photo de Jeremy Bishop");
    const inText = doc.querySelector(".post-body img")!;
    assert.equal(inText.getAttribute("loading"), "lazy");
  });
});

describe("feeds of a sane size", () => {
  const small = tempProject("feeds-newest");
  const read = (file: string) => readFileSync(path.join(small.output, file), "utf8");
  before(async () => {
    await addPublishingFixtures(small.input);
    const settings = path.join(small.input, "_data/site.json");
    writeFileSync(settings, JSON.stringify({ ...JSON.parse(readFileSync(settings, "utf8")), feedEntries: 2 }));
    await buildSite(small.input, small.output);
  });
  after(() => small.remove());

  it("carries only the newest feedEntries posts in the Atom and JSON feeds, in full", () => {
    const atom = parseAtomFeed(read("feed.xml"));
    assert.deepEqual(
      atom.entries?.map((e) => text(e.title)),
      ["A Post With a Photo", "A Moved Post"],
    );
    assert.match(
      atom.entries![0]!.content?.value ?? "",
      /<p>The text of the post\.<\/p>[\s\S]*<img [^>]*alt="A smaller blue square"/,
      "the whole post",
    );
    assert.match(atom.entries![1]!.content?.value ?? "", /<p>This post used to live elsewhere\.<\/p>/);
    const json = parseJsonFeed(JSON.parse(read("feed.json")));
    assert.deepEqual(
      json.items?.map((i) => i.title),
      ["A Post With a Photo", "A Moved Post"],
    );
  });

  it("keeps every published episode with audio in the podcast feed, however old", () => {
    const feed = parseRssFeed(read("podcast.xml"));
    assert.deepEqual(
      feed.items?.map((i) => i.title),
      ["A Fixture Episode With Audio"],
    );
  });
});
