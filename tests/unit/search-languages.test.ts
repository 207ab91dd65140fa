import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { readDictionaries } from "../../src/i18n/dictionary.ts";
import { languageFile } from "../../src/search/language-files.ts";
import { kindLabel, scriptPhrases, searchLanguages, searchSettings } from "../../src/search/languages.ts";
import { stem as frenchStem } from "../../src/search/browser/stemmer-fr.ts";
import { addStemmer, matchWeight, STEMMER_SCRIPTS, stemmerFor, tokenWeight } from "../../src/search/match.ts";
import { BROWSER_SCRIPTS } from "../../src/search/bundle.ts";
import { recordLanguage } from "../../src/search/pagefind.ts";
import { decodeSettings, fillPhrase, fillText, SCRIPT_PHRASES } from "../../src/search/phrases.ts";
import { correctedQuery, parseQuery } from "../../src/search/query.ts";
import { approximateTerms, rankMoments, type LoadedRecord } from "../../src/search/ranking.ts";
import { ROOT } from "../support/build.ts";

const dictionaries = readDictionaries(path.join(ROOT, "content/_data/i18n"), "en");

describe("the stemmer search ranks a language's words with", () => {
  it("is Porter2 for English, the stemmer Pagefind stems English with", () => {
    const english = stemmerFor("en");
    assert.equal(english("strategies"), english("strategy"));
    assert.equal(english("investing"), "invest");
    assert.equal(stemmerFor("EN-us"), english, "a region, or capitals, do not matter");
  });

  it("is Snowball's French for French, once the French search page has loaded its script", () => {
    assert.equal(stemmerFor("fr")("organisations"), "organisations", "not in every page's script");
    assert.ok(STEMMER_SCRIPTS.fr! in BROWSER_SCRIPTS, "bundled as its own script");
    addStemmer("fr", frenchStem);
    const french = stemmerFor("fr");
    for (const [word, other] of [
      ["organisations", "organisation"],
      ["fondations", "fondation"],
      ["choisissant", "choisir"],
      ["gagnants", "gagner"],
      ["equipes", "equipe"],
    ] as const)
      assert.equal(french(word), french(other), `${word} and ${other}`);
    assert.equal(stemmerFor("fr-CA"), french);
    // Porter2 does not know them as one word: the page would take "choisissant" for another word than "choisir".
    assert.notEqual(stemmerFor("en")("choisissant"), stemmerFor("en")("choisir"));
  });

  it("is none, each word as it is, for a language without one", () => {
    for (const lang of ["xx", "ja", ""]) {
      const stem = stemmerFor(lang);
      assert.equal(stem("organisations"), "organisations", lang);
      assert.equal(stem("running"), "running", lang);
    }
  });

  it("tells a word's other forms from longer words, in the language's own way", () => {
    const french = stemmerFor("fr");
    assert.equal(matchWeight("choisissant", "choisir", french), 1);
    assert.equal(matchWeight("gagnants", "gagner", french), 1);
    assert.equal(matchWeight("choisissant", "choisir", stemmerFor("en")), 0);
    assert.equal(tokenWeight("fondations.", "fondation", french), 1);
    // Without a stemmer, a longer form is only a longer word starting with the term.
    assert.equal(matchWeight("organisations", "organisation", stemmerFor("xx")), 0.5);
    assert.equal(matchWeight("organisation", "organisation", stemmerFor("xx")), 1);
    // English stays the default of the functions that take a stemmer.
    assert.equal(matchWeight("strategies", "strategy"), 1);
  });
});

describe("a query's language", () => {
  const note: LoadedRecord = {
    id: "fr_1",
    content: "Les organisations apprennent en choisissant.",
    anchors: [],
    transcript: false,
  };
  const positions = new Map([["choisir", [4]]]);

  it("is the search page's, kept when a word is corrected, English unless told", () => {
    assert.equal(parseQuery("choisir", "fr").lang, "fr");
    assert.equal(parseQuery("strategy").lang, "en");
    assert.equal(correctedQuery(parseQuery("choisr ", "fr"), new Map([["choisr", "choisir"]])).lang, "fr");
  });

  it("ranks and marks the French forms Pagefind matched in a French index", () => {
    const query = parseQuery("choisir ", "fr");
    const [moment] = rankMoments(query, new Map(), note, positions);
    assert.match(moment!.excerpt, /<mark>choisissant\.<\/mark>/);
    assert.deepEqual(
      approximateTerms(query, [note], (_, term) => positions.get(term) ?? []),
      [],
    );
  });

  it("in English, would take the same match for an approximate one, to correct", () => {
    const query = parseQuery("choisir ", "en");
    assert.deepEqual(
      approximateTerms(query, [note], (_, term) => positions.get(term) ?? []),
      ["choisir"],
    );
  });
});

describe("the files beside Pagefind's index, per language", () => {
  it("keep their plain names in the site's language, and say another language", () => {
    assert.equal(languageFile("posts.json", null), "posts.json");
    assert.equal(languageFile("posts.json", "fr"), "posts.fr.json");
    assert.equal(languageFile("words.json", "pt-br"), "words.pt-br.json");
  });

  it("are made for the index each record is of, which its id names", () => {
    assert.equal(recordLanguage("fr_876380d", ["en", "fr"]), "fr");
    assert.equal(recordLanguage("en_8b60155", ["en", "fr"]), "en");
    assert.equal(recordLanguage("pt-br_1a2b3c4", ["pt", "pt-br"]), "pt-br");
    assert.throws(
      () => recordLanguage("de_1a2b3c4", ["en", "fr"]),
      /The search record de_1a2b3c4 is of no language Pagefind indexed \(en, fr\)/,
    );
  });
});

describe("the search pages, one per language", () => {
  const pages = (posts: { lang: string }[], siteLanguage: string) =>
    searchLanguages(posts, siteLanguage).map(({ lang, url, root }) => ({ lang, url, root }));

  it("is the site's alone when every post is in the site's language, linking to no other", () => {
    assert.deepEqual(searchLanguages([{ lang: "en" }, { lang: "en" }], "en"), [
      { lang: "en", url: "/search/", root: "/", others: [] },
    ]);
    assert.deepEqual(searchLanguages([], "en"), [{ lang: "en", url: "/search/", root: "/", others: [] }]);
  });

  it("adds a page under /<lang>/ for each other language some post is in, the site's first", () => {
    assert.deepEqual(pages([{ lang: "fr" }, { lang: "en" }, { lang: "de" }, { lang: "fr" }], "en"), [
      { lang: "en", url: "/search/", root: "/" },
      { lang: "de", url: "/de/search/", root: "/de/" },
      { lang: "fr", url: "/fr/search/", root: "/fr/" },
    ]);
    assert.deepEqual(pages([{ lang: "en" }], "fr"), [
      { lang: "fr", url: "/search/", root: "/" },
      { lang: "en", url: "/en/search/", root: "/en/" },
    ]);
  });

  it("links each page to the others", () => {
    const [english, french] = searchLanguages([{ lang: "fr" }, { lang: "en" }], "en");
    assert.deepEqual(english!.others, [{ lang: "fr", url: "/fr/search/" }]);
    assert.deepEqual(french!.others, [{ lang: "en", url: "/search/" }]);
  });
});

describe("what a search page's script says", () => {
  it("is every phrase it needs, from each language's dictionary, placeholders kept for it to fill", () => {
    for (const lang of ["en", "fr"]) {
      const phrases = scriptPhrases(dictionaries, lang);
      assert.deepEqual(Object.keys(phrases).sort(), [...SCRIPT_PHRASES].sort(), lang);
    }
    assert.equal(scriptPhrases(dictionaries, "en")["search.results.count.other"], "{count} posts for “{query}”");
    assert.equal(
      scriptPhrases(dictionaries, "fr")["search.results.count.other"],
      "{count} résultats pour «\u00a0{query}\u00a0»",
    );
  });

  it("has the same placeholders in every language", () => {
    const placeholders = (phrase: string) => [...phrase.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const english = scriptPhrases(dictionaries, "en");
    const french = scriptPhrases(dictionaries, "fr");
    for (const key of SCRIPT_PHRASES) assert.deepEqual(placeholders(french[key]), placeholders(english[key]), key);
  });

  it("names the phrase a dictionary lacks", () => {
    const lacking = {
      ...dictionaries,
      byLanguage: new Map([
        ["en", { ...dictionaries.byLanguage.get("en")!, "search.results.turns": undefined as unknown as string }],
      ]),
    };
    assert.throws(() => scriptPhrases(lacking, "en"), /no phrase "search\.results\.turns"/);
  });

  it("is told with the page's language and the files named for it, none for the site's language", () => {
    assert.deepEqual(
      { ...searchSettings(dictionaries, "fr", "en"), phrases: undefined },
      { lang: "fr", files: "fr", phrases: undefined },
    );
    assert.equal(searchSettings(dictionaries, "en", "en").files, null);
    assert.deepEqual(
      decodeSettings(JSON.parse(JSON.stringify(searchSettings(dictionaries, "fr", "en")))),
      searchSettings(dictionaries, "fr", "en"),
    );
    assert.throws(
      () => decodeSettings({ lang: "fr", files: "fr", phrases: {} }),
      /The search page's settings lack search\.results\.unavailable, /,
    );
    assert.throws(() => decodeSettings(null), /The search page's settings lack/);
  });

  it("fills a phrase's placeholders with text, or with elements where they stand", () => {
    assert.equal(
      fillText("{count} posts for “{query}”", { count: "1,234", query: "ramen" }),
      "1,234 posts for “ramen”",
    );
    const corrected = { tag: "em" };
    const typed = { tag: "a" };
    assert.deepEqual(fillPhrase("Showing results for {corrected}. Search exactly for {typed}.", { corrected, typed }), [
      "Showing results for ",
      corrected,
      ". Search exactly for ",
      typed,
      ".",
    ]);
    assert.deepEqual(
      fillPhrase("Résultats pour {corrected}.", {}),
      ["Résultats pour {corrected}."],
      "a placeholder without a value stays",
    );
  });
});

describe("a post's kind, as search filters by it", () => {
  it("is said in the post's language", () => {
    assert.equal(kindLabel(dictionaries, { kind: "episode", lang: "en" }), "Episode");
    assert.equal(kindLabel(dictionaries, { kind: "episode", lang: "fr" }), "Épisode");
    assert.equal(kindLabel(dictionaries, { kind: "article", lang: "fr" }), "Article");
  });
});
