import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DictionaryError, phrasesOf, readDictionaries, translate } from "../../src/i18n/dictionary.ts";
import { languageListings, languagePath, tagPages, yearArchives } from "../../src/posts/collections.ts";
import { HOST_ROLE, peopleOf } from "../../src/posts/people.ts";
import { readingTimePhrase } from "../../src/posts/reading-time.ts";
import { netlifyNotFound } from "../../src/posts/redirects.ts";
import { parsePost, type Post } from "../../src/posts/schema.ts";
import { renderTranscriptHtml } from "../../src/transcript/html.ts";
import { playFromName } from "../../src/transcript/listening.ts";
import { parseTranscript } from "../../src/transcript/parse.ts";
import { ENGLISH_WORDS, pageWords } from "../../src/transcript/words.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DICTIONARIES = path.join(ROOT, "content/_data/i18n");
const site = readDictionaries(DICTIONARIES, "en", "content/_data/i18n");

const post = (title: string, date: string, data: Record<string, unknown> = {}): Post =>
  parsePost({ title, date, kind: "article", ...data }, `${title}.md`, "Europe/Paris");

describe("the dictionaries' phrases", () => {
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const dictionaries = (files: Record<string, unknown>) => {
    const dir = mkdtempSync(path.join(tmpdir(), "i18n-pages-"));
    folders.push(dir);
    for (const [lang, phrases] of Object.entries(files))
      writeFileSync(path.join(dir, `${lang}.json`), JSON.stringify(phrases));
    return readDictionaries(dir, "en", "i18n");
  };

  it("say a count in the plural form its language gives it, written as the language writes numbers", () => {
    const read = dictionaries({
      en: { "list.posts.one": "{count} post", "list.posts.other": "{count} posts" },
      fr: { "list.posts.one": "{count} publication", "list.posts.other": "{count} publications" },
    });
    const say = (lang: string, count: number) => translate(read, lang, "list.posts", { count });
    assert.deepEqual(
      [0, 1, 2, 1000].map((n) => say("en", n)),
      ["0 posts", "1 post", "2 posts", "1,000 posts"],
    );
    // French: 0 and 1 are singular; a narrow no-break space groups thousands.
    assert.deepEqual(
      [0, 1, 2, 1000].map((n) => say("fr", n)),
      ["0 publication", "1 publication", "2 publications", "1\u202f000 publications"],
    );
  });

  it("let a language have the plural forms it needs beyond the site language's", () => {
    const read = dictionaries({
      en: { "list.posts.one": "{count} post", "list.posts.other": "{count} posts" },
      pl: {
        "list.posts.one": "{count} wpis",
        "list.posts.few": "{count} wpisy",
        "list.posts.many": "{count} wpisów",
        "list.posts.other": "{count} wpisu",
      },
    });
    assert.deepEqual(
      [1, 3, 5].map((count) => translate(read, "pl", "list.posts", { count })),
      ["1 wpis", "3 wpisy", "5 wpisów"],
    );
  });

  it("say a phrase made by code, whose values may be phrases, in the page's language", () => {
    assert.equal(translate(site, "en", readingTimePhrase({ minutes: 5, kind: "read" })), "5 min read");
    assert.equal(translate(site, "fr", readingTimePhrase({ minutes: 5, kind: "read" })), "5 min de lecture");
    assert.equal(translate(site, "fr", readingTimePhrase({ minutes: 65, kind: "read" })), "1 h 5 min de lecture");
    assert.equal(translate(site, "fr", readingTimePhrase({ minutes: 120, kind: "listen" })), "2 h");
    assert.equal(translate(site, "fr", readingTimePhrase({ minutes: 45, kind: "estimate" })), "environ 45 min");
    assert.equal(translate(site, "en", readingTimePhrase({ minutes: 45, kind: "estimate" })), "about 45 min");
    assert.equal(translate(site, "fr", HOST_ROLE), "Animateur");
  });

  it("name the file and key of a phrase that is missing", () => {
    assert.throws(
      () => translate(site, "fr", "nav.nowhere"),
      (error: Error) => error instanceof DictionaryError && /fr\.json: no phrase "nav\.nowhere"/.test(error.message),
    );
  });

  it("give the episode's script, which speaks English by itself, the same English words as the dictionary", () => {
    assert.deepEqual(ENGLISH_WORDS, phrasesOf(site, "en", Object.keys(ENGLISH_WORDS)));
    const french = phrasesOf(site, "fr", ["transcript.moment.", "player."]);
    const words = pageWords(JSON.stringify(french));
    assert.equal(words["player.follow"], "Suivre la lecture");
    assert.equal(playFromName("~12:34", "Maria Bracho", words), "Lire à partir d’ici, environ 12:34, Maria Bracho");
    assert.equal(playFromName("12:34", "Maria Bracho"), "Play from here, 12:34, Maria Bracho");
    // A page without words, or with a broken block: English.
    assert.deepEqual(pageWords(undefined), ENGLISH_WORDS);
    assert.deepEqual(pageWords("{not json"), ENGLISH_WORDS);
  });

  it("title an estimated time of the transcript in the page's language", () => {
    const parsed = parseTranscript("Maria: Bonjour.\n\nAlexis: Bienvenue.", {
      file: "t.md",
      firstLine: 1,
      speakers: { Maria: "Maria Bracho", Alexis: "Alexis Monville" },
    });
    assert.match(
      renderTranscriptHtml(parsed, { personUrl: () => "/people/x/", estimated: "estimé" }),
      /<time datetime="PT0S" title="estimé">~00:00<\/time>/,
    );
    assert.match(renderTranscriptHtml(parsed, { personUrl: () => "/people/x/" }), /title="estimated"/);
  });

  it("are complete in French: every English phrase has its French one, and the French ones are French", () => {
    const en = JSON.parse(readFileSync(path.join(DICTIONARIES, "en.json"), "utf8")) as Record<string, string>;
    const fr = JSON.parse(readFileSync(path.join(DICTIONARIES, "fr.json"), "utf8")) as Record<string, string>;
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const key of ["nav.searchButton", "player.follow", "post.readingTime.read", "notFound.title"])
      assert.notEqual(fr[key], en[key], `${key} is said in French`);
  });
});

describe("pages per language", () => {
  const english = [
    post("Strategy notes", "2024-04-10", { tags: ["Strategy"] }),
    post("Older", "2023-05-01", { tags: ["Books"] }),
  ];
  const french = [
    post("Jouer pour gagner", "2024-04-12", { lang: "fr", tags: ["Stratégie"] }),
    post("Une note", "2023-05-15", { lang: "fr", tags: ["Stratégie"] }),
  ];

  it("put the site language's pages at their own paths, another's under its code", () => {
    assert.equal(languagePath("/archive/", "en", "en"), "/archive/");
    assert.equal(languagePath("/archive/", "fr", "en"), "/fr/archive/");
    assert.equal(languagePath("/", "fr", "en"), "/fr/");
  });

  it("list each language's posts on its own home, years and tags, the site's language first", () => {
    const listings = languageListings([...french, ...english], "en");
    assert.deepEqual(
      listings.map((l) => [
        l.lang,
        l.root,
        l.posts.map((p) => p.title),
        l.years.map((y) => y.url),
        l.tags.map((t) => t.url),
      ]),
      [
        ["en", "/", ["Strategy notes", "Older"], ["/en/2024/", "/en/2023/"], ["/tags/books/", "/tags/strategy/"]],
        ["fr", "/fr/", ["Jouer pour gagner", "Une note"], ["/fr/2024/", "/fr/2023/"], ["/fr/tags/strategie/"]],
      ],
    );
    assert.deepEqual(
      tagPages([...french, ...english], 1, "en").map((p) => [
        p.lang,
        p.url,
        p.previousUrl,
        p.nextUrl,
        p.posts.map((c) => c.title),
      ]),
      [
        ["en", "/tags/books/", null, null, ["Older"]],
        ["en", "/tags/strategy/", null, null, ["Strategy notes"]],
        ["fr", "/fr/tags/strategie/", null, "/fr/tags/strategie/page/2/", ["Jouer pour gagner"]],
        ["fr", "/fr/tags/strategie/page/2/", "/fr/tags/strategie/", null, ["Une note"]],
      ],
    );
    assert.deepEqual(
      yearArchives([...french, ...english], "en").map((y) => [y.lang, y.url]),
      [
        ["en", "/en/2024/"],
        ["en", "/en/2023/"],
        ["fr", "/fr/2024/"],
        ["fr", "/fr/2023/"],
      ],
    );
  });

  it("with English posts only, has the English pages alone, as before", () => {
    assert.deepEqual(
      languageListings(english, "en").map((l) => l.root),
      ["/"],
    );
    assert.equal(netlifyNotFound(["/"]), "");
  });

  it("has the site language's pages even without a post in it", () => {
    assert.deepEqual(
      languageListings(french, "en").map((l) => [l.root, l.posts.length]),
      [
        ["/", 0],
        ["/fr/", 2],
      ],
    );
  });

  it("serve each other language's 404 page for what is not found under its path, under the site's prefix", () => {
    assert.equal(netlifyNotFound(["/", "/fr/"]), "/fr/* /fr/404.html 404\n");
    assert.equal(netlifyNotFound(["/", "/fr/"], "/repo/"), "/repo/fr/* /repo/fr/404.html 404\n");
  });

  it("list a person's episodes in every language, marked once the site has more than one, with roles in their episode's language", () => {
    const episode = (title: string, date: string, lang: string, role: string) =>
      post(title, date, {
        kind: "episode",
        lang,
        host: { name: "Alexis Monville" },
        guests: [{ name: "Maria Bracho", role }],
      });
    const people = peopleOf([
      episode("Open source", "2024-06-09", "en", "CTO"),
      episode("Logiciel libre", "2024-06-11", "fr", "Directrice technique"),
    ]);
    const maria = people.find((p) => p.slug === "maria-bracho")!;
    assert.equal(maria.markLanguages, true);
    assert.deepEqual(
      maria.episodes.map((e) => [e.title, e.lang]),
      [
        ["Logiciel libre", "fr"],
        ["Open source", "en"],
      ],
    );
    assert.deepEqual(maria.roles, [
      { text: "Directrice technique", lang: "fr" },
      { text: "CTO", lang: "en" },
    ]);
    assert.deepEqual(people.find((p) => p.slug === "alexis-monville")!.roles, [HOST_ROLE]);
    assert.equal(peopleOf([episode("Open source", "2024-06-09", "en", "CTO")])[0]!.markLanguages, false);
  });
});
