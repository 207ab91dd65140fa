import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite, listFiles, normalizeText, readDocument, tempProject } from "../support/build.ts";
import { addFrenchFixtures } from "../support/french.ts";
import { brokenInternalLinks } from "../support/links.ts";
import { sharedSite } from "../support/shared-site.ts";

// The French fixtures (tests/fixtures/french/): two translations of real English posts and an article in French only.
const FR_ARTICLE = "/fr/2024/04/12/jouer-pour-gagner/";
const FR_EPISODE = "/fr/2024/06/11/leadership-et-open-source-avec-maria-bracho/";
const FR_ONLY = "/fr/2024/05/15/une-note-sans-traduction/";
const FRENCH_POSTS = [FR_EPISODE, FR_ONLY, FR_ARTICLE];
const EN_ARTICLE = "/en/2024/04/10/playing-to-win/";
const EN_EPISODE = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";
const EN_UNTRANSLATED = "/en/2024/05/20/mindsets-for-the-future/";

const fileOf = (out: string, url: string) => path.join(out, url, url.endsWith("/") ? "index.html" : "");
const text = (element: Element | null | undefined) => normalizeText(element?.textContent ?? "");
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map(text);
/** The posts a listing page lists, by URL. */
const listed = (doc: Document) => [...doc.querySelectorAll(".post-card-title a")].map((a) => a.getAttribute("href"));

describe("the site with French posts", () => {
  const project = tempProject("french");
  const page = (url: string) => readDocument(fileOf(project.output, url));

  before(async () => {
    addFrenchFixtures(project.input);
    // A tag with characters HTML escapes, said once in the page's title.
    const only = path.join(project.input, "posts/2024-05-15-une-note-sans-traduction.md");
    writeFileSync(only, readFileSync(only, "utf8").replace("tags: [Stratégie]", 'tags: [Stratégie, "R&D d’O\'Brien"]'));
    await buildSite(project.input, project.output);
  });
  after(() => project.remove());

  it("gives a French post its page under /fr/, in French: lang, navigation, search field, date and reading time", () => {
    const doc = page(FR_ARTICLE);
    assert.equal(doc.documentElement.getAttribute("lang"), "fr");
    assert.equal(text(doc.querySelector("h1")), "Jouer pour gagner");
    assert.deepEqual(
      [...doc.querySelectorAll(".site-nav a")].map((a) => [text(a), a.getAttribute("href")]),
      [
        ["Accueil", "/fr/"],
        ["Podcast", "/podcast/"],
        ["Archives", "/fr/archive/"],
        ["Thèmes", "/fr/tags/"],
        ["Personnes", "/people/"],
        ["À propos", "/about/"],
      ],
    );
    // The pages that exist only in the site's language say so.
    assert.deepEqual(
      [...doc.querySelectorAll(".site-nav a[hreflang]")].map((a) => a.getAttribute("hreflang")),
      ["en", "en", "en"],
    );
    assert.equal(doc.querySelector(".site-title a")?.getAttribute("href"), "/fr/");
    const search = doc.querySelector("form.site-search")!;
    assert.equal(search.getAttribute("action"), "/fr/search/");
    assert.equal(text(search.querySelector("button")), "Rechercher");
    assert.equal(search.querySelector("input")?.getAttribute("placeholder"), "Rechercher");
    assert.equal(text(search.querySelector("label")), "Rechercher dans les articles et les transcriptions");
    assert.equal(text(doc.querySelector(".skip-link")), "Aller au contenu");
    assert.equal(text(doc.querySelector(".post-meta time")), "12 avril 2024");
    assert.equal(text(doc.querySelector(".post-meta .reading-time")), "1 min de lecture");
    assert.equal(text(doc.querySelector(".post-meta .kind")), "Article");
    assert.equal(doc.querySelector(".tag-links")?.getAttribute("aria-label"), "Thèmes");
    assert.deepEqual(
      [...doc.querySelectorAll(".tag-links a")].map((a) => a.getAttribute("href")),
      ["/fr/tags/livres/", "/fr/tags/strategie/"],
    );
    assert.match(
      text(doc.querySelector(".site-footer")),
      /^Alexis Monville · Coaching en leadership, et Le Podcast on Emerging Leadership Suivre : flux Atom · JSON Feed · le podcast \(RSS\)$/,
    );
    assert.equal(
      doc.querySelector('meta[name="description"]')?.getAttribute("content"),
      "La stratégie, c’est choisir : où jouer, et comment gagner.",
    );
    // The French feeds (src/feeds/), in the head and the footer.
    assert.deepEqual(
      [
        ...doc.querySelectorAll('link[rel="alternate"][type^="application/"], .site-footer a[type^="application/"]'),
      ].map((a) => a.getAttribute("href")),
      ["/fr/feed.xml", "/fr/feed.json", "/podcast.xml", "/fr/feed.xml", "/fr/feed.json", "/podcast.xml"],
    );
  });

  it("says an episode's people, transcript and downloads in French, and gives its script the French words", () => {
    const doc = page(FR_EPISODE);
    assert.equal(doc.documentElement.getAttribute("lang"), "fr");
    assert.equal(text(doc.querySelector(".post-meta .kind")), "Épisode");
    assert.equal(text(doc.querySelector(".post-meta time")), "11 juin 2024");
    // No audio: the transcript's last time, estimated.
    assert.equal(text(doc.querySelector(".post-meta .reading-time")), "environ 1 min");
    assert.equal(
      text(doc.querySelector(".post-people")),
      "Animé par Alexis Monville, avec Maria Bracho (CTO Amérique latine chez Red Hat)",
    );
    assert.equal(text(doc.querySelector("#transcript")), "Transcription");
    assert.equal(text(doc.querySelector(".transcript-downloads span")), "Télécharger la transcription :");
    assert.deepEqual(texts(doc, ".transcript-downloads a"), [
      "Sous-titres WebVTT",
      "Sous-titres SRT",
      "JSON Podcasting 2.0",
      "Texte brut",
    ]);
    const estimated = [...doc.querySelectorAll(".turn-time time[title]")];
    assert.ok(estimated.length > 0);
    for (const time of estimated) assert.equal(time.getAttribute("title"), "estimé");
    const words = JSON.parse(doc.getElementById("transcript-words")?.textContent ?? "null") as Record<string, string>;
    assert.equal(words["player.follow"], "Suivre la lecture");
    assert.equal(`${words["player.play"]}${words["player.playMore"]}`, "Lire à partir d’ici");
    assert.equal(`${words["transcript.moment.link"]}${words["transcript.moment.linkMore"]}`, "Lien vers ce moment");
    assert.equal(doc.getElementById("transcript-words")?.getAttribute("type"), "application/json");
  });

  it("keeps English pages English, with no words block for the episode's script", () => {
    for (const url of ["/", EN_ARTICLE, EN_EPISODE, "/people/maria-bracho/", "/podcast/"]) {
      const doc = page(url);
      assert.equal(doc.documentElement.getAttribute("lang"), "en", url);
      assert.equal(text(doc.querySelector(".site-nav a")), "Home", url);
      assert.equal(doc.querySelector("form.site-search")?.getAttribute("action"), "/search/", url);
    }
    const episode = page(EN_EPISODE);
    assert.equal(episode.getElementById("transcript-words"), null);
    assert.equal(text(episode.querySelector(".transcript-downloads span")), "Download the transcript:");
    assert.equal(text(episode.querySelector(".post-meta time")), "June 9, 2024");
  });

  it("links each version to the other, in the other's language, and a post without a translation to none", () => {
    const link = (url: string) => {
      const links = [...page(url).querySelectorAll("a.translation")];
      return links.map((a) => ({
        text: text(a),
        href: a.getAttribute("href"),
        hreflang: a.getAttribute("hreflang"),
        lang: a.getAttribute("lang"),
      }));
    };
    assert.deepEqual(link(FR_ARTICLE), [{ text: "Read in English", href: EN_ARTICLE, hreflang: "en", lang: "en" }]);
    assert.deepEqual(link(EN_ARTICLE), [{ text: "Lire en français", href: FR_ARTICLE, hreflang: "fr", lang: "fr" }]);
    assert.deepEqual(link(FR_EPISODE), [{ text: "Read in English", href: EN_EPISODE, hreflang: "en", lang: "en" }]);
    assert.deepEqual(link(EN_EPISODE), [{ text: "Lire en français", href: FR_EPISODE, hreflang: "fr", lang: "fr" }]);
    assert.deepEqual(link(FR_ONLY), []);
    assert.deepEqual(link(EN_UNTRANSLATED), []);
  });

  it("lists the French posts on the French home, archive and year, and the English ones only on the English pages", () => {
    const home = page("/fr/");
    assert.equal(home.documentElement.getAttribute("lang"), "fr");
    assert.equal(text(home.querySelector("title")), "Alexis Monville");
    assert.equal(text(home.querySelector("#latest-heading")), "Derniers articles et épisodes");
    assert.equal(home.querySelector('.site-title a[aria-current="page"]')?.getAttribute("href"), "/fr/");
    assert.deepEqual(listed(home), FRENCH_POSTS);
    assert.equal(text(home.querySelector(".lede")).startsWith("Des articles sur le leadership"), true);
    for (const url of ["/fr/archive/", "/fr/2024/"]) assert.deepEqual(listed(page(url)), FRENCH_POSTS, url);
    assert.equal(text(page("/fr/archive/").querySelector("h1")), "Archives");
    assert.equal(
      text(page("/fr/archive/").querySelector("h1 + p")),
      "Tous les articles et épisodes, par année. 3 en tout.",
    );
    assert.deepEqual(
      [...page("/fr/archive/").querySelectorAll("h2 a")].map((a) => a.getAttribute("href")),
      ["/fr/2024/"],
    );
    const year = page("/fr/2024/");
    assert.equal(text(year.querySelector("h1")), "Articles et épisodes de 2024");
    assert.equal(
      text(year.querySelector("h1 + p")),
      "3 publications, de la plus récente à la plus ancienne. Toutes les années",
    );

    for (const url of ["/", "/archive/", "/en/2024/", "/tags/strategy/", "/tags/books/"]) {
      const links = listed(page(url));
      assert.ok(links.length > 0, url);
      assert.ok(
        links.every((href) => href!.startsWith("/en/")),
        `${url} lists only English posts`,
      );
    }
    assert.ok(listed(page("/")).includes(EN_ARTICLE));
  });

  it("has French tag pages under /fr/tags/, and English ones without the French tags", () => {
    const tag = page("/fr/tags/strategie/");
    assert.equal(tag.documentElement.getAttribute("lang"), "fr");
    // French typography: no-break spaces inside the quotes (text() makes every space one).
    assert.equal(tag.querySelector("h1")?.textContent, "Thème «\u00a0Stratégie\u00a0»");
    assert.equal(text(tag.querySelector("title")), "Thème « Stratégie » · Alexis Monville");
    assert.deepEqual(listed(tag), [FR_ONLY, FR_ARTICLE]);
    assert.equal(
      text(tag.querySelector("h1 + p")),
      "2 publications, de la plus récente à la plus ancienne. Tous les thèmes",
    );
    const index = page("/fr/tags/");
    assert.deepEqual(texts(index, ".tag-index li"), [
      "Culture 1 publication",
      "Livres 1 publication",
      "Open source 1 publication",
      "R&D d’O'Brien 1 publication",
      "Stratégie 2 publications",
    ]);
    const escaped = page("/fr/tags/r-d-dobrien/");
    assert.equal(text(escaped.querySelector("title")), "Thème « R&D d’O'Brien » · Alexis Monville");
    assert.equal(
      escaped.querySelector('meta[property="og:title"]')?.getAttribute("content"),
      "Thème «\u00a0R&D d’O'Brien\u00a0»",
    );
    assert.equal(existsSync(fileOf(project.output, "/tags/strategie/")), false);
    assert.ok(!texts(page("/tags/"), ".tag-index a").includes("Stratégie"));
  });

  it("lists a person's episodes in both languages, each marked with its language", () => {
    const doc = page("/people/maria-bracho/");
    assert.equal(doc.documentElement.getAttribute("lang"), "en");
    assert.deepEqual(listed(doc), [FR_EPISODE, EN_EPISODE]);
    const cards = [...doc.querySelectorAll(".post-card")];
    const badges = cards.map((card) => card.querySelector(".kind--language"));
    assert.deepEqual(
      badges.map((badge) => [
        badge?.getAttribute("lang"),
        badge?.getAttribute("title"),
        text(badge?.querySelector('[aria-hidden="true"]')),
      ]),
      [
        ["fr", "Français", "FR"],
        ["en", "English", "EN"],
      ],
    );
    // The French episode's own words are marked French; the page's are English.
    assert.equal(cards[0]!.querySelector(".post-card-title")?.getAttribute("lang"), "fr");
    assert.equal(cards[0]!.querySelector(".post-card-title a")?.getAttribute("hreflang"), "fr");
    assert.equal(text(cards[0]!.querySelector("time")), "June 11, 2024");
    assert.equal(text(cards[0]!.querySelector(".kind--episode")), "Episode");
    assert.equal(cards[1]!.querySelector(".post-card-title")?.hasAttribute("lang"), false);
    assert.deepEqual(
      [...doc.querySelectorAll(".roles li")].map((li) => [text(li), li.getAttribute("lang")]),
      [
        ["CTO Amérique latine chez Red Hat", "fr"],
        ["CTO for LATAM at Red Hat", null],
      ],
    );
  });

  it("has a French 404 page, which Netlify serves for what is not found under /fr/", () => {
    const doc = page("/fr/404.html");
    assert.equal(doc.documentElement.getAttribute("lang"), "fr");
    assert.equal(text(doc.querySelector("h1")), "Page introuvable");
    assert.deepEqual(
      [...doc.querySelectorAll("main a")].map((a) => a.getAttribute("href")),
      ["/fr/", "/fr/archive/", "/fr/tags/"],
    );
    assert.equal(page("/404.html").documentElement.getAttribute("lang"), "en");
    const rules = readFileSync(path.join(project.output, "_redirects"), "utf8").trimEnd().split("\n");
    assert.equal(rules.at(-1), "/fr/* /fr/404.html 404");
  });

  it("links to no page that is not there", () => {
    assert.deepEqual(brokenInternalLinks(project.output), []);
  });
});

describe("a dictionary that lacks a phrase", () => {
  const project = tempProject("french-dictionary");
  after(() => project.remove());

  it("stops the build, naming the file and the key", async () => {
    const file = path.join(project.input, "_data/i18n/fr.json");
    const phrases = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    delete phrases["nav.home"];
    writeFileSync(file, JSON.stringify(phrases, null, 2));
    await assert.rejects(buildSite(project.input, project.output), (error: Error) => {
      const messages: string[] = [];
      for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError)
        messages.push(e.message);
      assert.match(
        messages.join("\n"),
        /_data\/i18n\/fr\.json: missing "nav\.home" \(.*_data\/i18n\/en\.json has it\)/,
      );
      return true;
    });
  });
});

describe("the site with only English posts", () => {
  const project = sharedSite("content");
  before(() => project.build());
  after(() => project.release());

  it("has no French page, no language mark and no other language's 404 rule", () => {
    const files = listFiles(project.output);
    assert.deepEqual(
      files.filter((file) => file.startsWith("fr/")),
      [],
    );
    const rules = readFileSync(path.join(project.output, "_redirects"), "utf8");
    assert.doesNotMatch(rules, / 404$/m);
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(path.join(project.output, file), "utf8");
      assert.doesNotMatch(html, /lang="fr"|kind--language|transcript-words|class="translation"/, file);
    }
  });
});
