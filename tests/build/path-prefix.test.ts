import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { writeSilentWav } from "../support/audio.ts";
import { addPublishingFixtures } from "../support/fixtures.ts";
import { buildSite, listFiles, readDocument, ROOT, tempProject } from "../support/build.ts";
import { brokenInternalLinks } from "../support/links.ts";
import { loadSiteSettings, parseSiteSettings } from "../../src/site/settings.ts";

const PREFIX = "/repo/";
const SITE = "https://alexis.monville.com/repo/";
const FIXTURE_EPISODE = "en/2024/07/01/a-fixture-episode-with-audio/";
const MOVED = "en/2024/07/03/a-moved-post/";

const project = tempProject("path-prefix");
const out = project.output;
const read = (file: string) => readFileSync(path.join(out, file), "utf8");
const htmlFiles = () => listFiles(out).filter((f) => f.endsWith(".html"));
const isRedirectPage = (file: string) =>
  readDocument(path.join(out, file)).querySelector('meta[http-equiv="refresh"]') !== null;
/** Every URL of the site's host in a text, wherever it stands. */
const siteUrls = (text: string) =>
  [...text.matchAll(/https?:\/\/alexis\.monville\.com[^"'<>\s\\&]*/g)].map((m) => m[0]);

/** Builds with PATH_PREFIX set, as CI does for a project site, and puts the environment back as it was. */
async function buildWithPrefix(prefix: string): Promise<void> {
  await buildSite(project.input, out, { PATH_PREFIX: prefix });
}

describe("the pathPrefix setting", () => {
  const settings = JSON.parse(readFileSync(path.join(ROOT, "content/_data/site.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const prefixOf = (pathPrefix: unknown) => parseSiteSettings({ ...settings, pathPrefix }).pathPrefix;

  it("is the root by default, and always starts and ends with a slash", () => {
    assert.equal(parseSiteSettings(settings).pathPrefix, "/");
    for (const given of ["", "/", " / "]) assert.equal(prefixOf(given), "/", JSON.stringify(given));
    for (const given of ["repo", "/repo", "repo/", "/repo/", "//repo//"])
      assert.equal(prefixOf(given), "/repo/", given);
    assert.equal(prefixOf("/a/b.c_d-e~f"), "/a/b.c_d-e~f/");
  });

  it("refuses what is not a plain path", () => {
    for (const bad of [
      "/re po/",
      '/re"po/',
      "/re'po/",
      "/../repo/",
      "/repo/./",
      "https://example.org/repo/",
      "/repo?x=1",
      "/repo#x",
      "/a<b/",
    ])
      assert.throws(() => prefixOf(bad), /field "pathPrefix"/, bad);
  });

  it("takes PATH_PREFIX from the environment over the file, when it is set", () => {
    const file = path.join(ROOT, "content/_data/site.json");
    assert.equal(loadSiteSettings(file, {}).pathPrefix, "/");
    assert.equal(loadSiteSettings(file, { PATH_PREFIX: "/repo/" }).pathPrefix, "/repo/");
    // GitHub's configure-pages gives "" as the base path of a user site: "" + "/" is the root.
    assert.equal(loadSiteSettings(file, { PATH_PREFIX: "/" }).pathPrefix, "/");
    assert.equal(loadSiteSettings(file, { PATH_PREFIX: "" }).pathPrefix, "/");
    assert.throws(
      () => loadSiteSettings(file, { PATH_PREFIX: "/a b/" }),
      /site\.json: invalid site settings:\n {2}field "pathPrefix" \(from PATH_PREFIX\): is not a path/,
    );
  });
});

describe("a build under a path prefix (PATH_PREFIX=/repo/)", () => {
  before(async () => {
    await addPublishingFixtures(project.input);
    await buildWithPrefix(PREFIX);
    // The fixture episode's audio, a file of the site the build does not make.
    mkdirSync(path.join(out, "media"));
    writeSilentWav(path.join(out, "media/fixture-episode.wav"), 1600);
  });
  after(() => project.remove());

  it("writes the site's files where they were, for the prefix is where the folder is served", () => {
    for (const file of [
      "index.html",
      `${FIXTURE_EPISODE}index.html`,
      "search/index.html",
      "assets/site.css",
      "assets/search.js",
      "pagefind/pagefind.js",
      "pagefind/posts.json",
      "feed.xml",
      "sitemap.xml",
    ])
      assert.ok(existsSync(path.join(out, file)), file);
    assert.equal(existsSync(path.join(out, "repo")), false);
  });

  it("leads every internal link, script, stylesheet, image, form and anchor to a file under the prefix", () => {
    assert.deepEqual(brokenInternalLinks(out, PREFIX), []);
  });

  it("puts the prefix before every root-relative URL of every page, once", () => {
    const outside: string[] = [];
    for (const file of htmlFiles()) {
      const html = read(file);
      for (const match of html.matchAll(/\s([a-z-]+)="(\/(?!\/)[^"]*)"/g))
        if (!match[2]!.startsWith(PREFIX)) outside.push(`${file}: ${match[1]}="${match[2]}"`);
      for (const match of html.matchAll(/url=(\/[^"]*)"/g))
        if (!match[1]!.startsWith(PREFIX)) outside.push(`${file}: refresh to ${match[1]}`);
      if (html.includes("/repo/repo/")) outside.push(`${file}: /repo/repo/`);
    }
    assert.deepEqual(outside, []);
  });

  it("gives every page a canonical URL, og:url, og:image and twitter:image under the prefix, and JSON-LD too", () => {
    for (const file of htmlFiles().filter((f) => f !== "404.html" && !isRedirectPage(f))) {
      const doc = readDocument(path.join(out, file));
      const here = `${SITE}${file.replace(/index\.html$/, "")}`;
      assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), here, file);
      assert.equal(doc.querySelector('meta[property="og:url"]')?.getAttribute("content"), here, file);
      // A post's card is under the prefix too; other pages have the podcast's cover.
      const image = doc.querySelector('meta[property="article:published_time"]')
        ? new RegExp(`^${SITE}img/cards/[0-9a-f]+\\.png$`)
        : new RegExp(`^${SITE}assets/podcast-cover\\.png$`);
      assert.match(doc.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "", image, file);
      assert.equal(
        doc.querySelector('meta[name="twitter:image"]')?.getAttribute("content"),
        doc.querySelector('meta[property="og:image"]')?.getAttribute("content"),
        file,
      );
    }
    const episodePage = readDocument(path.join(out, FIXTURE_EPISODE, "index.html"));
    assert.equal(
      episodePage.querySelector('meta[property="og:audio"]')?.getAttribute("content"),
      `${SITE}media/fixture-episode.wav`,
    );
    const card = new URL(episodePage.querySelector('meta[property="og:image"]')!.getAttribute("content")!).pathname;
    assert.ok(
      existsSync(path.join(out, card.slice(PREFIX.length))),
      `${card} is in the output, served under the prefix`,
    );
    const ld = episodePage.querySelector('script[type="application/ld+json"]')!.textContent!;
    const urls = siteUrls(ld);
    assert.ok(urls.length >= 4, ld);
    for (const url of urls) assert.ok(url.startsWith(SITE), url);
    const episode = JSON.parse(ld);
    assert.equal(episode.url, `${SITE}${FIXTURE_EPISODE}`);
    assert.equal(episode.associatedMedia.contentUrl, `${SITE}media/fixture-episode.wav`);
  });

  it("lists every public page in sitemap.xml under the prefix, and robots.txt says where it is", () => {
    const locs = [...read("sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const pages = htmlFiles()
      .filter((f) => f !== "404.html" && !isRedirectPage(f))
      .map((f) => `${SITE}${f.replace(/index\.html$/, "")}`);
    assert.deepEqual([...locs].sort(), [...pages].sort());
    assert.match(read("robots.txt"), /^Sitemap: https:\/\/alexis\.monville\.com\/repo\/sitemap\.xml$/m);
  });

  it("has every URL of the feeds under the prefix: entries, content, enclosures, transcripts, chapters", () => {
    for (const file of ["feed.xml", "feed.json", "podcast.xml"]) {
      const text = read(file);
      const urls = siteUrls(text);
      assert.ok(urls.length > 10, file);
      for (const url of urls) assert.ok(url.startsWith(SITE), `${file}: ${url}`);
      assert.equal(text.includes("/repo/repo/"), false, `${file} has the prefix twice`);
    }
    const atom = parseAtomFeed(read("feed.xml"));
    assert.equal(atom.links?.find((l) => l.rel === "self")?.href, `${SITE}feed.xml`);
    for (const entry of atom.entries!) {
      assert.ok(entry.links?.[0]?.href?.startsWith(`${SITE}en/`), entry.links?.[0]?.href);
      // Inside the posts' HTML, no link or image is left relative to the reader's address.
      assert.doesNotMatch(entry.content?.value ?? "", /\s(href|src|srcset)="(?!https?:)/, entry.links?.[0]?.href);
    }
    const photo = atom.entries!.find((e) => e.links?.[0]?.href === `${SITE}en/2024/07/04/a-post-with-a-photo/`)!;
    assert.match(photo.content?.value ?? "", /src="https:\/\/alexis\.monville\.com\/repo\/assets\/podcast-cover\.png"/);
    const maria = atom.entries!.find((e) => e.links?.[0]?.href?.includes("maria-bracho"))!;
    assert.match(
      maria.content?.value ?? "",
      /href="https:\/\/alexis\.monville\.com\/repo\/en\/2024\/06\/09\/exploring-leadership-and-open-source-with-maria-bracho\/transcript\.vtt"/,
    );

    const json = parseJsonFeed(JSON.parse(read("feed.json")));
    assert.equal(json.home_page_url, SITE);
    assert.equal(json.feed_url, `${SITE}feed.json`);
    for (const item of json.items!) assert.ok(item.url!.startsWith(`${SITE}en/`), item.url);
    assert.equal(
      json.items!.find((i) => i.url === `${SITE}${FIXTURE_EPISODE}`)?.attachments?.[0]?.url,
      `${SITE}media/fixture-episode.wav`,
    );

    const podcast = parseRssFeed(read("podcast.xml"));
    assert.equal(podcast.link, `${SITE}podcast/`);
    assert.equal(podcast.image?.url, `${SITE}assets/podcast-cover.png`);
    const item = podcast.items![0]!;
    assert.equal(item.guid?.value, `${SITE}${FIXTURE_EPISODE}`);
    assert.deepEqual(
      item.enclosures?.map((e) => e.url),
      [`${SITE}media/fixture-episode.wav`],
    );
    assert.deepEqual(
      item.podcast?.transcripts?.map((t) => t.url),
      ["vtt", "srt", "json", "txt"].map((format) => `${SITE}${FIXTURE_EPISODE}transcript.${format}`),
    );
    assert.equal(item.podcast?.chapters?.url, `${SITE}${FIXTURE_EPISODE}chapters.json`);
    for (const url of [...item.podcast!.transcripts!.map((t) => t.url), item.podcast!.chapters!.url])
      assert.ok(existsSync(path.join(out, url!.slice(SITE.length))), `${url} is a file of the build`);
  });

  it("links the transcript downloads on the episode's page under the prefix", () => {
    const doc = readDocument(path.join(out, FIXTURE_EPISODE, "index.html"));
    const links = [...doc.querySelectorAll(".transcript-downloads a")].map((a) => a.getAttribute("href"));
    assert.deepEqual(
      links,
      ["vtt", "srt", "json", "txt"].map((format) => `${PREFIX}${FIXTURE_EPISODE}transcript.${format}`),
    );
  });

  it("redirects a moved post's old addresses to its address under the prefix", () => {
    assert.equal(
      read("_redirects"),
      `/repo/old/a-moved-post/ /repo/${MOVED} 301\n/repo/2019/05/01/moved.html /repo/${MOVED} 301\n`,
    );
    for (const file of ["old/a-moved-post/index.html", "2019/05/01/moved.html"]) {
      const doc = readDocument(path.join(out, file));
      assert.equal(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), `0; url=/repo/${MOVED}`);
      assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${SITE}${MOVED}`);
      assert.equal(doc.querySelector("a")?.getAttribute("href"), `/repo/${MOVED}`);
    }
  });

  it("applies _headers to every path under the prefix", () => {
    const headers = read("_headers");
    assert.equal(headers.split("\n")[0], "/repo/*");
    assert.match(headers, /^ {2}Content-Security-Policy: default-src 'self'/m);
  });

  it("points the header's search form and the search page's script under the prefix", () => {
    const home = readDocument(path.join(out, "index.html"));
    assert.equal(home.querySelector("form.site-search")?.getAttribute("action"), `${PREFIX}search/`);
    const search = readDocument(path.join(out, "search/index.html"));
    assert.equal(search.querySelector('script[src$="search.js"]')?.getAttribute("src"), `${PREFIX}assets/search.js`);
  });
});
