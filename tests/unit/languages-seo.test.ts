import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { SaxesParser } from "saxes";
import { planCard, planTree, type CardPlan } from "../../src/cards/card.ts";
import { cardAlt, cardContent, cardWords, ENGLISH_CARD_WORDS, type CardWords } from "../../src/cards/content.ts";
import { FontCatalog } from "../../src/cards/fonts.ts";
import { type CardNode, guestsBlock } from "../../src/cards/layout.ts";
import { cardSvg } from "../../src/cards/render.ts";
import { cardTheme } from "../../src/cards/theme.ts";
import { feedLanguages, languageFeed, type Say } from "../../src/feeds/languages.ts";
import { readDictionaries, translate } from "../../src/i18n/dictionary.ts";
import { parsePost, type Post } from "../../src/posts/schema.ts";
import { translationsByUrl } from "../../src/posts/translations.ts";
import { languageLinks } from "../../src/seo/alternates.ts";
import { postJsonLd } from "../../src/seo/json-ld.ts";
import { sitemap } from "../../src/seo/sitemap.ts";
import { loadSiteSettings } from "../../src/site/settings.ts";
import { ROOT } from "../support/build.ts";

const site = loadSiteSettings(path.join(ROOT, "content/_data/site.json"), {});
const theme = cardTheme(readFileSync(path.join(ROOT, "content/assets/site.css"), "utf8"));
const catalog = FontCatalog.load();
const dictionaries = readDictionaries(path.join(ROOT, "content/_data/i18n"), site.language, "content/_data/i18n");
const say: Say = (lang, key, values) => translate(dictionaries, lang, key, values);
const wordsOf = (lang: string): CardWords => cardWords(lang, say);

const post = (data: Record<string, unknown>): Post =>
  parsePost({ date: "2024-06-09", ...data }, "content/posts/x.md", site.timeZone, "", site.language);
const GUESTS = [{ name: "Maria Bracho", role: "CTO Amérique latine chez Red Hat" }];
const episode = (lang: string, title: string, guests = GUESTS, translationKey?: string) =>
  post({
    title,
    lang,
    kind: "episode",
    host: { name: "Alexis Monville" },
    guests,
    ...(translationKey ? { translationKey } : {}),
  });
const article = (lang: string, title: string, translationKey?: string, date = "2024-04-10") =>
  post({ title, lang, kind: "article", date, ...(translationKey ? { translationKey } : {}) });

/** Every string a card's layout draws. */
const drawnTexts = (node: CardNode): string[] =>
  typeof node.props.children === "string" ? [node.props.children] : (node.props.children ?? []).flatMap(drawnTexts);

describe("a card's words follow its post's language", () => {
  it("takes them from the dictionaries: the English ones are what a card drawn without them says", () => {
    assert.deepEqual(wordsOf("en"), ENGLISH_CARD_WORDS);
    assert.equal(wordsOf("fr").episode, "Épisode");
  });

  it("draws a French episode's kind and guests in French, the show's name as it is", () => {
    const plan = planCard(episode("fr", "Leadership et open source"), site, theme, catalog, wordsOf);
    const texts = drawnTexts(planTree(plan));
    assert.ok(texts.includes("Épisode"), texts.join(" | "));
    assert.ok(!texts.includes("Episode"), texts.join(" | "));
    assert.ok(texts.includes(site.podcast.title));
    const names = ["Ana", "Bruce", "Chen", "Dana", "Eve", "Farid"].map((name) => ({ name }));
    assert.deepEqual(
      drawnTexts({ type: "div", props: { style: {}, children: guestsBlock(names, theme, wordsOf("fr")) } }),
      ["avec Ana, Bruce, Chen et 3 autres"],
    );
    assert.deepEqual(
      drawnTexts({ type: "div", props: { style: {}, children: guestsBlock(names.slice(0, 3), theme, wordsOf("fr")) } }),
      ["avec Ana, Bruce et Chen"],
    );
  });

  it("says its alternative text in the post's language", () => {
    const content = cardContent(episode("fr", "Leadership et open source"), site);
    assert.equal(
      cardAlt(content, wordsOf("fr")),
      "Leadership et open source — Épisode de «\u00a0Le Podcast on Emerging Leadership\u00a0» avec Maria Bracho",
    );
    assert.equal(
      cardAlt(cardContent(article("fr", "Jouer pour gagner"), site), wordsOf("fr")),
      "Jouer pour gagner — Article par Alexis Monville",
    );
  });

  it("keys a card by its language: the same text in another language is another card", () => {
    const key = (p: Post, words: (lang: string) => CardWords) => planCard(p, site, theme, catalog, words).key;
    // "Article" is the same word in both languages: only the language tells the two cards apart.
    const english = key(article("en", "Leadership"), wordsOf);
    const french = key(article("fr", "Leadership"), wordsOf);
    assert.notEqual(french, english);
    assert.notEqual(
      key(article("fr", "Leadership"), () => ({ ...ENGLISH_CARD_WORDS, lang: "fr" })),
      english,
    );
    assert.equal(
      key(article("en", "Leadership"), () => ENGLISH_CARD_WORDS),
      english,
    );
  });

  it("writes the French words as text, never as markup", async () => {
    const plan: CardPlan = planCard(episode("fr", "<b>Jouer</b> & gagner"), site, theme, catalog, wordsOf);
    const parser = new SaxesParser();
    let text = "";
    const elements = new Set<string>();
    parser.on("opentag", (tag) => elements.add(tag.name));
    parser.on("text", (chunk) => (text += chunk));
    parser.write(await cardSvg(planTree(plan), plan.fonts, { embedFont: false })).close();
    assert.ok(!elements.has("b"));
    assert.match(text.replace(/\s+/g, ""), /ÉPISODE|Épisode/);
    assert.ok(text.replace(/\s+/g, "").includes("<b>Jouer</b>&gagner"));
  });
});

describe("a post's versions in other languages", () => {
  const english = article("en", "Playing to Win", "playing-to-win");
  const french = article("fr", "Jouer pour gagner", "playing-to-win", "2024-04-12");
  const alone = article("fr", "Une note sans traduction", undefined, "2024-05-15");
  const translations = translationsByUrl([english, french, alone]);

  it("are linked from each version, its own included, with x-default at the site language's", () => {
    const expected = [
      { hreflang: "en", url: english.url },
      { hreflang: "fr", url: french.url },
      { hreflang: "x-default", url: english.url },
    ];
    assert.deepEqual(languageLinks(english, translations.get(english.url) ?? [], "en"), expected);
    assert.deepEqual(languageLinks(french, translations.get(french.url) ?? [], "en"), expected);
    assert.deepEqual(languageLinks(alone, translations.get(alone.url) ?? [], "en"), []);
    // No version in the site's language: no x-default.
    assert.deepEqual(
      languageLinks(french, [article("de", "Spielen, um zu gewinnen", "playing-to-win")], "en").map(
        (link) => link.hreflang,
      ),
      ["de", "fr"],
    );
  });

  it("are listed by the sitemap, whose xhtml namespace is declared only then", () => {
    const plain = sitemap([{ url: "https://example.com/a/" }]);
    assert.equal(
      plain,
      '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>https://example.com/a/</loc></url>\n</urlset>\n',
    );
    const links = [
      { hreflang: "en", url: "https://example.com/en/?a=1&b=2" },
      { hreflang: "x-default", url: "https://example.com/en/?a=1&b=2" },
    ];
    const xml = sitemap([
      { url: "https://example.com/en/?a=1&b=2", alternates: links },
      { url: "https://example.com/b/" },
    ]);
    const found: { name: string; attributes: Record<string, string> }[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on("opentag", (tag) =>
      found.push({
        name: `${tag.uri} ${tag.local}`,
        attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      }),
    );
    parser.write(xml).close();
    const alternates = found.filter((element) => element.name === "http://www.w3.org/1999/xhtml link");
    assert.deepEqual(
      alternates.map((element) => element.attributes),
      links.map((link) => ({ rel: "alternate", hreflang: link.hreflang, href: link.url })),
    );
  });

  it("are in JSON-LD in their own language", () => {
    assert.equal(postJsonLd(site, french).inLanguage, "fr");
    assert.equal(postJsonLd(site, english).inLanguage, "en");
  });
});

describe("the feeds of each language", () => {
  it("are the site language's, always, and each other language's a post is written in", () => {
    assert.deepEqual(feedLanguages("en", []), ["en"]);
    assert.deepEqual(feedLanguages("en", [article("fr", "Un"), article("en", "Two"), article("de", "Drei")]), [
      "en",
      "de",
      "fr",
    ]);
  });

  it("keep site.json's addresses and words for the site language, and live under /<lang>/ with the dictionary's for another", () => {
    assert.deepEqual(languageFeed(site, "en", say), {
      lang: "en",
      title: site.title,
      description: site.description,
      home: "/",
      atom: "/feed.xml",
      json: "/feed.json",
    });
    assert.deepEqual(languageFeed(site, "fr", say), {
      lang: "fr",
      title: "Alexis Monville en français",
      description: "Articles et épisodes en français, par Alexis Monville.",
      home: "/fr/",
      atom: "/fr/feed.xml",
      json: "/fr/feed.json",
    });
  });
});
