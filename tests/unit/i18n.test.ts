import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DictionaryError, readDictionaries, translate } from "../../src/i18n/dictionary.ts";

describe("dictionaries", () => {
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const dictionaries = (files: Record<string, unknown>) => {
    const dir = mkdtempSync(path.join(tmpdir(), "i18n-"));
    folders.push(dir);
    for (const [lang, phrases] of Object.entries(files))
      writeFileSync(path.join(dir, `${lang}.json`), JSON.stringify(phrases));
    return () => readDictionaries(dir, "en", "content/_data/i18n");
  };

  it("gives each language its phrase, with its placeholders filled", () => {
    const read = dictionaries({
      en: { "post.readingTime": "{minutes} min read" },
      fr: { "post.readingTime": "{minutes} min de lecture" },
    })();
    assert.equal(translate(read, "en", "post.readingTime", { minutes: 5 }), "5 min read");
    assert.equal(translate(read, "fr", "post.readingTime", { minutes: 5 }), "5 min de lecture");
  });

  it("names the file and the key a dictionary lacks, or has that the site language's has not", () => {
    const read = dictionaries({
      en: { "search.button": "Search", "nav.home": "Home" },
      fr: { "search.button": "Rechercher", "nav.accueil": "Accueil" },
    });
    assert.throws(read, (error: Error) => {
      assert.ok(error instanceof DictionaryError);
      assert.match(
        error.message,
        /^content\/_data\/i18n\/fr\.json: missing "nav\.home" \(content\/_data\/i18n\/en\.json has it\)$/m,
      );
      assert.match(
        error.message,
        /^content\/_data\/i18n\/fr\.json: "nav\.accueil" is not a key of content\/_data\/i18n\/en\.json$/m,
      );
      return true;
    });
  });

  it("stops at an unknown language, key or placeholder, naming it", () => {
    const read = dictionaries({ en: { "post.readingTime": "{minutes} min read" } })();
    assert.throws(
      () => translate(read, "de", "post.readingTime"),
      /no dictionary for the language "de": add i18n\/de\.json/,
    );
    assert.throws(() => translate(read, "en", "post.nope"), /content\/_data\/i18n\/en\.json: no phrase "post\.nope"/);
    assert.throws(() => translate(read, "en", "post.readingTime"), /"post\.readingTime" needs a value for \{minutes\}/);
  });

  it("requires the site language's dictionary, and phrases that are text", () => {
    assert.throws(
      dictionaries({ fr: { a: "b" } }),
      /no dictionary for the site's language "en" \(site\.json\): add i18n\/en\.json/,
    );
    assert.throws(dictionaries({ en: { a: 1 } }), /content\/_data\/i18n\/en\.json: "a" must be a phrase \(text\)/);
  });
});
