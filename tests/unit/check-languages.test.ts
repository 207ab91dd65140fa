/** `npm run check` on a site in two languages: dictionaries, each post's `lang`, the versions of a post (`translationKey`). */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DateTime } from "luxon";
import { checkContent } from "../../src/check/content.ts";
import { formatText } from "../../src/check/report.ts";
import { addFrenchFixtures } from "../support/french.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ARTICLE = "posts/2024-04-10-playing-to-win.md";
const FRENCH = "posts/2024-04-12-jouer-pour-gagner.md";
const FRENCH_ONLY = "posts/2024-05-15-une-note-sans-traduction.md";
const FRENCH_EPISODE = "posts/2024-06-11-leadership-et-open-source-avec-maria-bracho/index.md";
/** After every fixture's date: none of them is scheduled. */
const NOW = DateTime.fromISO("2026-01-01T00:00:00Z");

function checkHere(input: string, now = NOW) {
  const report = checkContent({ input: path.join(ROOT, input), cwd: ROOT, now });
  const stdout = formatText(report);
  return { report, code: report.errors.length ? 1 : 0, stdout, lines: stdout.trimEnd().split("\n") };
}

/** The line (from 1) of the first line of `file` that `test` accepts. */
function lineOf(file: string, test: (line: string) => boolean): number {
  const index = readFileSync(file, "utf8").split("\n").findIndex(test);
  assert.ok(index >= 0, `no such line in ${file}`);
  return index + 1;
}

describe("npm run check, in two languages", () => {
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  /** A copy of content/ with the French fixtures, at tests/.tmp/check-languages-<random>/content; its path relative to the project. */
  function frenchContent(): string {
    mkdirSync(path.join(ROOT, "tests/.tmp"), { recursive: true });
    const folder = mkdtempSync(path.join(ROOT, "tests/.tmp", "check-languages-"));
    folders.push(folder);
    const input = path.join(folder, "content");
    cpSync(path.join(ROOT, "content"), input, { recursive: true });
    addFrenchFixtures(input);
    return path.relative(ROOT, input);
  }
  const at = (...parts: string[]) => path.join(ROOT, ...parts);
  const edit = (file: string, from: string | RegExp, to: string) => {
    const text = readFileSync(file, "utf8");
    const changed = text.replace(from, to);
    assert.notEqual(changed, text, `${from} not in ${file}`);
    writeFileSync(file, changed);
  };

  it("accepts French posts, their translations and the links between them", () => {
    const input = frenchContent();
    // A link from the French article to its original, and to the French episode: both lead to a post.
    edit(
      at(input, FRENCH),
      /\n$/,
      "\n\nL’original : [Playing to Win](/en/2024/04/10/playing-to-win/) ; l’épisode : [Maria Bracho](/fr/2024/06/11/leadership-et-open-source-avec-maria-bracho/).\n",
    );
    const run = checkHere(input);
    assert.deepEqual(run.report.errors, [], run.stdout);
    assert.deepEqual(run.report.warnings, [], run.stdout);
    assert.equal(run.report.posts, 15);
  });

  it("reports a link to a French address that leads nowhere", () => {
    const input = frenchContent();
    edit(at(input, FRENCH), /\n$/, "\n\nVoir [ailleurs](/fr/2024/04/10/playing-to-win/).\n");
    const line = lineOf(at(input, FRENCH), (l) => l.includes("](/fr/2024/04/10/"));
    const run = checkHere(input);
    assert.ok(
      run.lines.includes(
        `${input}/${FRENCH}:${line}: link to /fr/2024/04/10/playing-to-win/ leads nowhere: no post has this URL or lists it under redirect_from`,
      ),
      run.stdout,
    );
  });

  it("reports a translationKey shared by two posts of one language, naming both files", () => {
    const input = frenchContent();
    edit(at(input, FRENCH_ONLY), "lang: fr\n", "lang: fr\ntranslationKey: playing-to-win\n");
    // An English post without lang is in the site's language, as the original is.
    writeFileSync(
      at(input, "posts/2024-04-20-winning-again.md"),
      "---\ntitle: Winning Again\ndate: 2024-04-20\ntranslationKey: maria-bracho\nkind: article\n---\n\nText.\n",
    );
    const run = checkHere(input);
    assert.equal(run.code, 1);
    const episode = "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/index.md";
    const sameLanguage = (file: string, key: string, other: string, lang: string) =>
      `${input}/${file}:${lineOf(at(input, file), (l) => l.startsWith("translationKey:"))}: field "translationKey" "${key}" is also the translationKey of ${input}/${other}, in the same language (${lang}): the versions of a post are each in another language; give one of them another key (or its own lang)`;
    // Posts are read in the order of their paths: the second of two is the one reported.
    const expected = [
      sameLanguage(FRENCH_ONLY, "playing-to-win", FRENCH, "fr"),
      sameLanguage(episode, "maria-bracho", "posts/2024-04-20-winning-again.md", "en"),
    ];
    for (const line of expected) assert.ok(run.lines.includes(line), `${line}\nnot in:\n${run.stdout}`);
    assert.match(run.lines.at(-1)!, /: 2 errors, /);
  });

  it("reports a lang the dictionaries do not know, naming the file to add and the languages there are", () => {
    const input = frenchContent();
    edit(at(input, FRENCH_ONLY), "lang: fr\n", "lang: de\n");
    const line = lineOf(at(input, FRENCH_ONLY), (l) => l.startsWith("lang:"));
    const run = checkHere(input);
    assert.equal(run.code, 1);
    assert.deepEqual(run.report.errors, [
      {
        file: `${input}/${FRENCH_ONLY}`,
        line,
        message: `field "lang" "de" is not a language of the site: there is no ${input}/_data/i18n/de.json (the site has en, fr); write one of those, or add ${input}/_data/i18n/de.json with every phrase of the others`,
      },
    ]);
    // With that dictionary, the language is one of the site's.
    cpSync(at(input, "_data/i18n/fr.json"), at(input, "_data/i18n/de.json"));
    assert.deepEqual(checkHere(input).report.errors, []);
  });

  it("reports the dictionaries' problems as the build does, each on its file", () => {
    const input = frenchContent();
    const french = at(input, "_data/i18n/fr.json");
    const phrases = JSON.parse(readFileSync(french, "utf8")) as Record<string, string>;
    const [first] = Object.keys(phrases);
    assert.ok(first, "the French dictionary has a phrase");
    delete phrases[first];
    writeFileSync(french, JSON.stringify({ ...phrases, "nav.nowhere": "Nulle part" }, null, 2));
    const run = checkHere(input);
    assert.equal(run.code, 1);
    assert.ok(
      run.lines.includes(`${input}/_data/i18n/fr.json: missing "${first}" (${input}/_data/i18n/en.json has it)`),
      run.stdout,
    );
    assert.ok(
      run.lines.includes(`${input}/_data/i18n/fr.json: "nav.nowhere" is not a key of ${input}/_data/i18n/en.json`),
      run.stdout,
    );
    // The French posts' lang is still known: its dictionary is there, if incomplete.
    assert.ok(!run.stdout.includes('field "lang"'), run.stdout);

    rmSync(at(input, "_data/i18n"), { recursive: true });
    const missing = checkHere(input);
    assert.ok(
      missing.lines.includes(
        `${input}/_data/i18n: cannot be read: no such file or folder: the build needs the interface's words in each language, en.json at least`,
      ),
      missing.stdout,
    );
  });

  it("warns, without failing, when a published post's other version is a draft or scheduled", () => {
    const input = frenchContent();
    edit(at(input, FRENCH), "lang: fr\n", "lang: fr\ndraft: true\n");
    edit(at(input, FRENCH_EPISODE), "date: 2024-06-11", "date: 2026-03-01");
    const run = checkHere(input);
    assert.equal(run.code, 0, run.stdout);
    const articleLine = lineOf(at(input, ARTICLE), (l) => l.startsWith("translationKey:"));
    const episode = "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/index.md";
    const episodeLine = lineOf(at(input, episode), (l) => l.startsWith("translationKey:"));
    assert.deepEqual(
      run.report.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`),
      [
        `${input}/${ARTICLE}:${articleLine}: translationKey "playing-to-win": its fr version ${input}/${FRENCH} is a draft: this post's page has no link to it (nor hreflang) until it is published`,
        `${input}/${episode}:${episodeLine}: translationKey "maria-bracho": its fr version ${input}/${FRENCH_EPISODE} is scheduled for 2026-03-01: this post's page has no link to it (nor hreflang) until it is published`,
      ],
    );
    // The draft says nothing of its published original: it is the one not seen yet.
    assert.ok(!run.report.warnings.some((w) => w.file.endsWith(FRENCH)));
    // Once its day has come, the scheduled episode is published: only the draft is still waited for.
    assert.deepEqual(
      checkHere(input, DateTime.fromISO("2026-06-01T00:00:00Z")).report.warnings.map((w) => w.file),
      [`${input}/${ARTICLE}`],
    );
  });

  it("lets a translation keep its original's slug: in another language it is another address", () => {
    const input = frenchContent();
    edit(at(input, FRENCH_ONLY), "lang: fr\n", "lang: fr\nslug: playing-to-win\n");
    const run = checkHere(input);
    assert.deepEqual(run.report.errors, [], run.stdout);
    // In one language it is still refused.
    edit(at(input, FRENCH_ONLY), "lang: fr\n", "lang: en\n");
    assert.match(checkHere(input).stdout, /slug "playing-to-win" is also the slug of /);
  });
});
