import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { decodeSettings, SCRIPT_PHRASES } from "../../src/search/phrases.ts";
import { decodeRecordPosts } from "../../src/search/ranking.ts";
import { listFiles, normalizeText, readDocument } from "../support/build.ts";
import { readSearchRecords, type SearchRecord } from "../support/search.ts";
import { sharedSite } from "../support/shared-site.ts";

// The French fixtures (tests/fixtures/french/): two translations of real English posts and an article in French only.
const FRENCH_POSTS = [
  "/fr/2024/04/12/jouer-pour-gagner/",
  "/fr/2024/05/15/une-note-sans-traduction/",
  "/fr/2024/06/11/leadership-et-open-source-avec-maria-bracho/",
];
const FR_EPISODE = FRENCH_POSTS[2]!;

const text = (element: Element | null | undefined) => normalizeText(element?.textContent ?? "");
const postOf = (record: SearchRecord) => record.url.split("#")[0]!;
const json = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

/** The words the word lists of `index` (words.json or words.fr.json) name, from every list. */
function listedWords(pagefind: string, index: string): Set<string> {
  const { spelling } = json(path.join(pagefind, index)) as { spelling: Record<string, string> };
  return new Set(
    Object.values(spelling).flatMap((file) =>
      (json(path.join(pagefind, "words", file)) as { words: [string, number][] }).words.map(([word]) => word),
    ),
  );
}

describe("search on a site with French posts", () => {
  const project = sharedSite("french");
  const page = (url: string) => readDocument(path.join(project.output, url, "index.html"));
  const pagefind = () => path.join(project.output, "pagefind");
  let records: SearchRecord[];

  before(async () => {
    await project.build();
    records = readSearchRecords(project.output);
  });
  after(() => project.release());

  it("indexes each post in its own language: Pagefind makes an English and a French index", () => {
    const entry = json(path.join(pagefind(), "pagefind-entry.json")) as {
      languages: Record<string, { page_count: number }>;
    };
    assert.deepEqual(Object.keys(entry.languages).sort(), ["en", "fr"]);
    const french = records.filter((record) => record.id.startsWith("fr_"));
    assert.deepEqual([...new Set(french.map(postOf))].sort(), FRENCH_POSTS);
    assert.equal(entry.languages.fr!.page_count, french.length);
    // The French episode's page and its transcript's records, one per speaker.
    assert.equal(french.filter((record) => postOf(record) === FR_EPISODE).length, 3);
    assert.deepEqual(
      records.filter((record) => record.url.startsWith("/fr/") !== record.id.startsWith("fr_")),
      [],
    );
  });

  it("gives the French posts' records French metadata and filter values, a page's and its transcript's alike", () => {
    const episode = records.filter((record) => postOf(record) === FR_EPISODE);
    assert.deepEqual([...new Set(episode.map((record) => record.meta.kind))], ["Épisode"]);
    assert.deepEqual([...new Set(episode.map((record) => record.meta.date))], ["11 juin 2024"]);
    const english = records.filter((record) => record.id.startsWith("en_") && record.meta.kind === "Episode");
    assert.ok(english.length > 3, "the English episodes stay Episodes");
  });

  it("lists each language's posts in its own posts file, the site language's in posts.json", () => {
    const byId = new Map(records.map((record) => [record.id, record]));
    const postsIn = (file: string) =>
      decodeRecordPosts(json(path.join(pagefind(), file))).map((post) =>
        postOf(byId.get(post.page ?? post.transcript[0]!)!),
      );
    assert.deepEqual(postsIn("posts.fr.json").sort(), FRENCH_POSTS);
    const english = postsIn("posts.json");
    assert.ok(english.length > 10 && english.every((url) => url.startsWith("/en/")), english.join(", "));
  });

  it("corrects French words from the French posts' words, English ones from the English posts'", () => {
    const french = listedWords(pagefind(), "words.fr.json");
    const english = listedWords(pagefind(), "words.json");
    for (const word of ["organisations", "fondations", "nouilles"])
      assert.ok(french.has(word) && !english.has(word), word);
    for (const word of ["ramen", "gardener"]) assert.ok(english.has(word) && !french.has(word), word);
  });

  it("has a French search page at /fr/search/, in French, that tells its script its language and phrases", () => {
    const doc = page("/fr/search/");
    assert.equal(doc.documentElement.getAttribute("lang"), "fr");
    assert.equal(text(doc.querySelector("h1")), "Recherche");
    assert.equal(doc.querySelector("title")!.textContent, "Recherche · Alexis Monville");
    const form = doc.querySelector("[data-search-form]")!;
    assert.equal(form.getAttribute("action"), "/fr/search/");
    assert.equal(
      form.querySelector("input")!.getAttribute("placeholder"),
      "Chercher dans les articles et les transcriptions",
    );
    assert.deepEqual([...doc.querySelectorAll("#search-sort option")].map(text), [
      "Pertinence",
      "Plus récents d’abord",
      "Plus anciens d’abord",
    ]);
    assert.deepEqual([...doc.querySelectorAll("details[data-filter-name] summary")].map(text), [
      "Type",
      "Intervenant",
      "Mot-clé",
      "Année",
    ]);
    assert.deepEqual(
      [...doc.querySelectorAll(".search-empty a")].map((a) => a.getAttribute("href")),
      ["/fr/tags/", "/people/", "/fr/archive/"],
    );
    const settings = decodeSettings(
      JSON.parse(doc.querySelector("script#search-settings[type='application/json']")!.textContent!),
    );
    assert.equal(settings.lang, "fr");
    assert.equal(settings.files, "fr");
    assert.equal(settings.phrases["search.results.turns"], "Dans la transcription");
    assert.deepEqual(Object.keys(settings.phrases).sort(), [...SCRIPT_PHRASES].sort());
  });

  it("links each search page to the other language's, which the script gives the same words", () => {
    const english = page("/search/");
    assert.equal(
      english.querySelector("script#search-settings"),
      null,
      "the page in the site's language has its phrases in the script",
    );
    const toFrench = english.querySelector("a[data-search-language]")!;
    assert.deepEqual(
      [toFrench.getAttribute("href"), toFrench.getAttribute("hreflang"), toFrench.getAttribute("lang"), text(toFrench)],
      ["/fr/search/", "fr", "fr", "Chercher en français"],
    );
    const toEnglish = page("/fr/search/").querySelector("a[data-search-language]")!;
    assert.deepEqual(
      [toEnglish.getAttribute("href"), toEnglish.getAttribute("hreflang"), text(toEnglish)],
      ["/search/", "en", "Search in English"],
    );
  });
});

describe("search on a site with only English posts", () => {
  const project = sharedSite("content");
  before(() => project.build());
  after(() => project.release());

  it("has one search page, one index and the files beside it under their plain names, as before there were languages", () => {
    const files = listFiles(project.output);
    assert.deepEqual(
      files.filter((file) => /(^|\/)search\/index\.html$/.test(file)),
      ["search/index.html"],
    );
    assert.deepEqual(files.filter((file) => /^pagefind\/(posts|words)[^/]*\.json$/.test(file)).sort(), [
      "pagefind/posts.json",
      "pagefind/words.json",
    ]);
    assert.deepEqual(files.filter((file) => /^pagefind\/pagefind\.[^/]*\.pf_meta$/.test(file)).length, 1);
    assert.ok(existsSync(path.join(project.output, "pagefind/wasm.en.pagefind")));
    const doc = readDocument(path.join(project.output, "search/index.html"));
    assert.equal(doc.querySelector(".search-languages, script#search-settings"), null);
    assert.equal(text(doc.querySelector("#search-hint")), 'Use quotes for an exact phrase, as in "humble gardener".');
  });
});
