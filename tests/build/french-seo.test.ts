/**
 * The French edition as search engines, feed readers and link previews see it: a build of the real
 * content with the French fixtures (an article and an episode translating real posts, an article
 * in French only), and a build of the real content alone, which must show no trace of languages.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { SaxesParser } from "saxes";
import sharp from "sharp";
import { planCard, planTree } from "../../src/cards/card.ts";
import { cardWords } from "../../src/cards/content.ts";
import { FontCatalog } from "../../src/cards/fonts.ts";
import type { CardNode } from "../../src/cards/layout.ts";
import { cardTheme } from "../../src/cards/theme.ts";
import { readDictionaries, translate } from "../../src/i18n/dictionary.ts";
import { parseYaml } from "../../src/markdown/front-matter.ts";
import { parsePost } from "../../src/posts/schema.ts";
import { loadSiteSettings } from "../../src/site/settings.ts";
import { buildSite, buildSiteInChild, listFiles, readDocument, tempProject } from "../support/build.ts";
import { addFrenchFixtures } from "../support/french.ts";

const SITE = "https://alexis.monville.com";
const EN_ARTICLE = "/en/2024/04/10/playing-to-win/";
const FR_ARTICLE = "/fr/2024/04/12/jouer-pour-gagner/";
const EN_EPISODE = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";
const FR_EPISODE = "/fr/2024/06/11/leadership-et-open-source-avec-maria-bracho/";
const FR_ONLY = "/fr/2024/05/15/une-note-sans-traduction/";
const FRENCH_POSTS = [FR_EPISODE, FR_ONLY, FR_ARTICLE];
const FR_EPISODE_FILE = "posts/2024-06-11-leadership-et-open-source-avec-maria-bracho/index.md";

const project = tempProject("french-seo");
const out = project.output;
const english = tempProject("english-seo");

const read = (file: string, dir = out) => readFileSync(path.join(dir, file), "utf8");
const page = (url: string, dir = out) => readDocument(path.join(dir, url, "index.html"));
const meta = (doc: Document, property: string) =>
  [...doc.querySelectorAll(`meta[property="${property}"]`)].map((tag) => tag.getAttribute("content"));
/** The hreflang links of a page's head, language → absolute URL. */
const hreflangs = (doc: Document) =>
  Object.fromEntries(
    [...doc.querySelectorAll("head link[rel=alternate][hreflang]")].map((link) => [
      link.getAttribute("hreflang"),
      link.getAttribute("href"),
    ]),
  );
const jsonLd = (doc: Document) =>
  JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>;
const htmlPages = (dir: string) =>
  listFiles(dir).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"));

/** The sitemap read by a real XML parser: each <loc>, with the hreflang → href of its xhtml:link elements. */
function readSitemap(xml: string): Map<string, Record<string, string>> {
  const urls = new Map<string, Record<string, string>>();
  const parser = new SaxesParser({ xmlns: true });
  let loc = "";
  let inLoc = false;
  let alternates: Record<string, string> = {};
  parser.on("opentag", (tag) => {
    if (tag.local === "url") alternates = {};
    inLoc = tag.local === "loc";
    if (tag.uri === "http://www.w3.org/1999/xhtml" && tag.local === "link") {
      assert.equal(tag.attributes.rel?.value, "alternate");
      alternates[tag.attributes.hreflang!.value] = tag.attributes.href!.value;
    }
  });
  parser.on("text", (text) => {
    if (inLoc) loc += text;
  });
  parser.on("closetag", (tag) => {
    if (tag.local === "loc") inLoc = false;
    if (tag.local === "url") {
      urls.set(loc, alternates);
      loc = "";
    }
  });
  parser.write(xml).close();
  return urls;
}

/** The key of the card a page is shared with. */
const cardKeyOf = (doc: Document) => /\/img\/cards\/([0-9a-f]{20})\.png$/.exec(meta(doc, "og:image")[0] ?? "")?.[1];

before(async () => {
  addFrenchFixtures(project.input);
  // The French episode gets audio: the podcast's one feed carries episodes in every language.
  const episode = path.join(project.input, FR_EPISODE_FILE);
  writeFileSync(
    episode,
    readFileSync(episode, "utf8").replace(
      /^---\n/,
      '---\naudio:\n  url: /media/maria-fr.mp3\n  type: audio/mpeg\n  length: 1234567\n  duration: "00:30:00"\n',
    ),
  );
  await buildSite(project.input, out, { CARDS_CACHE_DIR: path.join(project.root, "cards") });
  // The content alone, in a process of its own (Eleventy keeps what it read within one).
  buildSiteInChild(english.input, english.output, { CARDS_CACHE_DIR: path.join(english.root, "cards") });
});
after(() => {
  project.remove();
  english.remove();
});

describe("the feeds of each language", () => {
  it("give the French posts, and only them, to /fr/feed.xml and /fr/feed.json, which say fr", () => {
    const atom = parseAtomFeed(read("fr/feed.xml"));
    assert.equal(atom.xml?.lang, "fr");
    assert.deepEqual(
      atom.entries!.map((entry) => entry.links?.[0]?.href),
      FRENCH_POSTS.map((url) => `${SITE}${url}`),
    );
    assert.equal(atom.title?.value, "Alexis Monville en français");
    assert.equal(atom.links?.find((link) => link.rel === "self")?.href, `${SITE}/fr/feed.xml`);
    assert.equal(atom.links?.find((link) => link.rel === "alternate")?.href, `${SITE}/fr/`);
    assert.notEqual(atom.id, parseAtomFeed(read("feed.xml")).id);

    const json = parseJsonFeed(JSON.parse(read("fr/feed.json")));
    assert.equal(json.language, "fr");
    assert.equal(json.feed_url, `${SITE}/fr/feed.json`);
    assert.equal(json.home_page_url, `${SITE}/fr/`);
    assert.deepEqual(
      json.items!.map((item) => item.url),
      FRENCH_POSTS.map((url) => `${SITE}${url}`),
    );
  });

  it("give the English feeds no French post, and say en", () => {
    const atom = parseAtomFeed(read("feed.xml"));
    assert.equal(atom.xml?.lang, "en");
    const json = parseJsonFeed(JSON.parse(read("feed.json")));
    assert.equal(json.language, "en");
    const urls = [
      ...atom.entries!.map((entry) => entry.links?.[0]?.href ?? ""),
      ...json.items!.map((item) => item.url ?? ""),
    ];
    assert.ok(urls.length >= 20, `${urls.length} entries`);
    for (const url of urls) assert.ok(url.startsWith(`${SITE}/en/`), url);
  });

  it("say where to read a French episode's transcript in French", () => {
    const entry = parseJsonFeed(JSON.parse(read("fr/feed.json"))).items!.find(
      (item) => item.url === `${SITE}${FR_EPISODE}`,
    )!;
    const html = entry.content_html ?? "";
    assert.match(html, new RegExp(`<a href="${SITE}${FR_EPISODE}#transcript">la page de l’épisode</a>`));
    assert.match(html, /sous-titres WebVTT<\/a>, <a href="[^"]+transcript\.srt">sous-titres SRT<\/a>/);
    assert.doesNotMatch(html, /full transcript|captions/);
  });

  it("keep the podcast one feed, with its episodes in every language, each transcript in its own", () => {
    assert.equal(existsSync(path.join(out, "fr/podcast.xml")), false);
    const podcast = parseRssFeed(read("podcast.xml"));
    assert.equal(podcast.language, "en");
    const item = podcast.items!.find((i) => i.link === `${SITE}${FR_EPISODE}`);
    assert.ok(item, "the French episode is in the podcast");
    assert.match(
      read("podcast.xml"),
      /<podcast:transcript url="[^"]+\/fr\/[^"]+transcript\.vtt" type="text\/vtt" language="fr" rel="captions"\/>/,
    );
  });

  it("are linked from the head of each page in its language", () => {
    const feeds = (doc: Document) =>
      ["application/atom+xml", "application/feed+json"].map((type) =>
        doc.querySelector(`head link[rel=alternate][type="${type}"]`)?.getAttribute("href"),
      );
    assert.deepEqual(feeds(page(FR_ARTICLE)), ["/fr/feed.xml", "/fr/feed.json"]);
    assert.deepEqual(feeds(page(EN_ARTICLE)), ["/feed.xml", "/feed.json"]);
  });

  it("exist in French only once a post is written in French", () => {
    assert.equal(existsSync(path.join(english.output, "fr")), false);
    assert.equal(parseAtomFeed(read("feed.xml", english.output)).xml?.lang, "en");
  });
});

describe("each version of a post links the others", () => {
  const expected = { en: `${SITE}${EN_ARTICLE}`, fr: `${SITE}${FR_ARTICLE}`, "x-default": `${SITE}${EN_ARTICLE}` };
  const episodes = { en: `${SITE}${EN_EPISODE}`, fr: `${SITE}${FR_EPISODE}`, "x-default": `${SITE}${EN_EPISODE}` };

  it("in the head: every version by its hreflang, x-default at the English one, both ways", () => {
    assert.deepEqual(hreflangs(page(EN_ARTICLE)), expected);
    assert.deepEqual(hreflangs(page(FR_ARTICLE)), expected);
    assert.deepEqual(hreflangs(page(EN_EPISODE)), episodes);
    assert.deepEqual(hreflangs(page(FR_EPISODE)), episodes);
  });

  it("with og:locale in the page's language and og:locale:alternate in the other's", () => {
    assert.deepEqual(
      [meta(page(EN_ARTICLE), "og:locale"), meta(page(EN_ARTICLE), "og:locale:alternate")],
      [["en"], ["fr"]],
    );
    assert.deepEqual(
      [meta(page(FR_EPISODE), "og:locale"), meta(page(FR_EPISODE), "og:locale:alternate")],
      [["fr"], ["en"]],
    );
  });

  it("and gives none to a post without translation, nor to the other pages", () => {
    for (const url of [FR_ONLY, "/en/2024/05/20/mindsets-for-the-future/", "/", "/about/"]) {
      assert.deepEqual(hreflangs(page(url)), {}, url);
      assert.deepEqual(meta(page(url), "og:locale:alternate"), [], url);
    }
    assert.deepEqual(meta(page(FR_ONLY), "og:locale"), ["fr"]);
  });

  it("in the sitemap too, both ways, with the xhtml namespace", () => {
    const xml = read("sitemap.xml");
    assert.match(
      xml,
      /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/,
    );
    const urls = readSitemap(xml);
    assert.deepEqual(urls.get(`${SITE}${EN_ARTICLE}`), expected);
    assert.deepEqual(urls.get(`${SITE}${FR_ARTICLE}`), expected);
    assert.deepEqual(urls.get(`${SITE}${EN_EPISODE}`), episodes);
    assert.deepEqual(urls.get(`${SITE}${FR_EPISODE}`), episodes);
    assert.deepEqual(urls.get(`${SITE}${FR_ONLY}`), {});
    for (const alternates of urls.values())
      for (const href of Object.values(alternates)) assert.ok(urls.has(href), `${href} is in the sitemap`);
  });

  it("says its language in JSON-LD", () => {
    assert.equal(jsonLd(page(FR_ARTICLE)).inLanguage, "fr");
    assert.equal(jsonLd(page(FR_EPISODE)).inLanguage, "fr");
    assert.equal(jsonLd(page(EN_EPISODE)).inLanguage, "en");
  });

  it("and an English-only build has no hreflang, no og:locale:alternate and no xhtml in its sitemap", () => {
    for (const file of htmlPages(english.output)) {
      const html = read(file, english.output);
      assert.doesNotMatch(html, /hreflang|og:locale:alternate/, file);
    }
    const sitemap = read("sitemap.xml", english.output);
    assert.doesNotMatch(sitemap, /xhtml/);
    assert.ok(readSitemap(sitemap).has(`${SITE}${EN_ARTICLE}`));
  });
});

describe("a French post's social card", () => {
  it("is another card than its English version's, drawn with the French words", async () => {
    const [frKey, enKey] = [cardKeyOf(page(FR_EPISODE)), cardKeyOf(page(EN_EPISODE))];
    assert.ok(frKey && enKey);
    assert.notEqual(frKey, enKey);
    const png = (key: string) => readFileSync(path.join(out, "img/cards", `${key}.png`));
    assert.equal(png(frKey).equals(png(enKey)), false);
    assert.deepEqual(
      await sharp(png(frKey))
        .metadata()
        .then(({ width, height }) => [width, height]),
      [1200, 630],
    );
    assert.deepEqual(meta(page(FR_EPISODE), "og:image:alt"), [
      "Leadership et open source avec Maria Bracho — Épisode de «\u00a0Le Podcast on Emerging Leadership\u00a0» avec Maria Bracho",
    ]);

    // The card the page points at is the one planned with the French dictionary's words.
    const site = loadSiteSettings(path.join(project.input, "_data/site.json"), {});
    const dictionaries = readDictionaries(path.join(project.input, "_data/i18n"), site.language);
    const source = readFileSync(path.join(project.input, FR_EPISODE_FILE), "utf8");
    const post = parsePost(
      parseYaml(source.split(/^---$/m)[1]!),
      FR_EPISODE_FILE,
      site.timeZone,
      source,
      site.language,
    );
    const theme = cardTheme(read("assets/site.css"));
    const plan = planCard(post, site, theme, FontCatalog.load(), (lang) =>
      cardWords(lang, (...phrase) => translate(dictionaries, ...phrase)),
    );
    assert.equal(plan.key, frKey);
    const texts = (node: CardNode): string[] =>
      typeof node.props.children === "string" ? [node.props.children] : (node.props.children ?? []).flatMap(texts);
    const drawn = texts(planTree(plan));
    assert.ok(drawn.includes("Épisode") && !drawn.includes("Episode"), drawn.join(" | "));
    // Only the cards the pages use are in the output.
    const used = new Set(
      htmlPages(out)
        .map((file) => cardKeyOf(readDocument(path.join(out, file))))
        .filter(Boolean),
    );
    assert.deepEqual(new Set(readdirSync(path.join(out, "img/cards")).map((name) => name.replace(/\.png$/, ""))), used);
  });
});
