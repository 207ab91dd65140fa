/** `npm run new` in another language: `--lang fr`, `--translation-of`, their pure functions and the command. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import {
  checkLanguage,
  NewPostError,
  parseNewPostArgs,
  planNewPost,
  postFileText,
  postUrl,
  translationLanguage,
  UsageError,
  withTranslationKey,
  type NewPost,
} from "../../src/posts/new-post.ts";
import { parsePost } from "../../src/posts/schema.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ZONE = "America/Los_Angeles";
const article = (title: string, extra: Partial<NewPost> = {}): NewPost => ({
  kind: "article",
  title,
  date: "2024-06-09",
  host: "Alexis Monville",
  guests: [],
  tags: [],
  ...extra,
});
const readBack = (text: string) => parsePost(readFrontMatter(text).data, "content/posts/x.md", ZONE, text, "en");

describe("a post in another language", () => {
  it("reads --lang (-l) in lowercase, and --translation-of", () => {
    const args = parseNewPostArgs([
      "article",
      "Jouer pour gagner",
      "--lang",
      "FR",
      "--translation-of",
      "playing-to-win",
    ]);
    assert.equal(args.lang, "fr");
    assert.equal(args.translationOf, "playing-to-win");
    assert.equal(parseNewPostArgs(["article", "Titre", "-l", "pt-br"]).lang, "pt-br");
    // Without them, the arguments are as they were: no lang, no translationOf.
    assert.ok(!("lang" in parseNewPostArgs(["article", "Title"])));
    assert.ok(!("translationOf" in parseNewPostArgs(["article", "Title"])));
    assert.throws(
      () => parseNewPostArgs(["article", "Titre", "--lang", "français"]),
      (e) => e instanceof UsageError && /--lang "français" is not a language code/.test(e.message),
    );
    assert.throws(
      () => parseNewPostArgs(["article", "Titre", "--translation-of", " "]),
      (e) => e instanceof UsageError && /--translation-of is empty/.test(e.message),
    );
  });

  it("refuses a language without a dictionary, naming the ones there are", () => {
    assert.equal(checkLanguage("fr", ["en", "fr"]), "fr");
    assert.throws(
      () => checkLanguage("de", ["en", "fr"]),
      (e) =>
        e instanceof UsageError &&
        e.message ===
          `--lang "de" is not a language of the site: there is no content/_data/i18n/de.json. Its languages: en, fr`,
    );
  });

  it("writes lang (and translationKey) after the date, and gives the URL under the post's language", () => {
    const plan = planNewPost(
      article("Jouer pour gagner", { lang: "fr", siteLanguage: "en", translationKey: "playing-to-win" }),
    );
    assert.equal(plan.url, "/fr/2024/06/09/jouer-pour-gagner/");
    assert.deepEqual(
      plan.files.map((f) => f.path),
      ["posts/2024-06-09-jouer-pour-gagner.md"],
    );
    const text = plan.files[0]!.text;
    assert.match(
      text,
      /^---\ntitle: Jouer pour gagner\ndate: "2024-06-09"\nlang: fr\ntranslationKey: playing-to-win\nkind: article\n/,
    );
    const post = readBack(text);
    assert.equal(post.lang, "fr");
    assert.equal(post.translationKey, "playing-to-win");
    assert.equal(post.url, plan.url);
    // Without --lang: the site's language, and no lang written.
    const english = planNewPost(article("Playing to Win", { siteLanguage: "en" }));
    assert.equal(english.url, "/en/2024/06/09/playing-to-win/");
    assert.doesNotMatch(english.files[0]!.text, /^lang:/m);
    assert.equal(planNewPost(article("Jogar", { siteLanguage: "pt-br" })).url, "/pt-br/2024/06/09/jogar/");
    assert.equal(postUrl("2024-06-09", "x", "fr"), "/fr/2024/06/09/x/");
  });

  it("gives a translation the site's other language, or the one asked, never the original's", () => {
    assert.equal(translationLanguage(undefined, "en", ["en", "fr"]), "fr");
    assert.equal(translationLanguage(undefined, "fr", ["en", "fr"]), "en");
    assert.equal(translationLanguage("de", "en", ["de", "en", "fr"]), "de");
    assert.throws(
      () => translationLanguage(undefined, "en", ["de", "en", "fr"]),
      (e) => e instanceof UsageError && /--lang de or --lang fr/.test(e.message),
    );
    assert.throws(() => translationLanguage("en", "en", ["en", "fr"]), NewPostError);
  });

  it("adds a translationKey to the original's front matter, after lang or date, as text", () => {
    const original =
      '---\ntitle: "Playing to Win"\ndate: 2024-04-10\ndate_estimated: true  # a comment\nkind: article\ncomments:\n  - author: A\n    date: 2024-04-11\n    text: Hi\n---\n\ndate: not front matter\n';
    const keyed = withTranslationKey(original, "playing-to-win");
    assert.equal(keyed, original.replace("date: 2024-04-10\n", "date: 2024-04-10\ntranslationKey: playing-to-win\n"));
    assert.equal(readBack(keyed).translationKey, "playing-to-win");
    const french = withTranslationKey("---\ntitle: Titre\ndate: 2024-04-10\nlang: fr\nkind: article\n---\n", "2024");
    assert.match(french, /\nlang: fr\ntranslationKey: "2024"\nkind/);
    assert.equal(readBack(french).translationKey, "2024");
  });

  it("keeps the article's text as it was for a post in the site's language", () => {
    assert.equal(postFileText(article("Title")), postFileText(article("Title", { siteLanguage: "en" })));
  });
});

describe("npm run new --lang, --translation-of", () => {
  mkdirSync(path.join(ROOT, "tests/.tmp"), { recursive: true });
  const folder = mkdtempSync(path.join(ROOT, "tests/.tmp", "new-post-languages-"));
  const content = path.join(folder, "content");
  cpSync(path.join(ROOT, "content"), content, { recursive: true });
  after(() => rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

  const run = (...args: string[]) => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/new-post.ts", ...args, "--content", content],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, INIT_CWD: ROOT },
      },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it("starts a French article with lang: fr, and prints its address under /fr/", () => {
    const result = run("article", "Une idée neuve", "--lang", "fr", "--date", "2025-02-03");
    assert.equal(result.status, 0, result.stderr);
    const file = path.join(content, "posts/2025-02-03-une-idee-neuve.md");
    assert.match(result.stdout, /^Created .*posts\/2025-02-03-une-idee-neuve\.md$/m);
    assert.match(result.stdout, /^URL: \/fr\/2025\/02\/03\/une-idee-neuve\/$/m);
    assert.equal(readFrontMatter(readFileSync(file, "utf8")).data.lang, "fr");
  });

  it("refuses a language the dictionaries do not know, naming those there are, and writes nothing", () => {
    const result = run("article", "Eine Idee", "--lang", "de", "--date", "2025-02-03");
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^new: error: --lang "de" is not a language of the site: there is no .*_data\/i18n\/de\.json\. Its languages: en, fr$/m,
    );
    assert.ok(!existsSync(path.join(content, "posts/2025-02-03-eine-idee.md")));
  });

  it("links a translation to its original, adding the original's slug as their translationKey", () => {
    const original = path.join(content, "posts/2024-04-10-playing-to-win.md");
    const before = readFileSync(original, "utf8");
    const result = run("article", "Jouer pour gagner", "--translation-of", "playing-to-win", "--date", "2024-04-12");
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^URL: \/fr\/2024\/04\/12\/jouer-pour-gagner\/$/m);
    assert.match(
      result.stdout,
      /^Added translationKey: playing-to-win to .*posts\/2024-04-10-playing-to-win\.md, the post it translates$/m,
    );
    assert.equal(readFileSync(original, "utf8"), withTranslationKey(before, "playing-to-win"));
    const { data } = readFrontMatter(readFileSync(path.join(content, "posts/2024-04-12-jouer-pour-gagner.md"), "utf8"));
    assert.equal(data.lang, "fr");
    assert.equal(data.translationKey, "playing-to-win");

    // A second French version is refused, naming the first; the original is left as it is.
    const again = run(
      "article",
      "Jouer encore",
      "--translation-of",
      path.join(content, "posts/2024-04-10-playing-to-win.md"),
      "--date",
      "2024-04-13",
    );
    assert.equal(again.status, 1);
    assert.match(
      again.stderr,
      /playing-to-win\.md already has a fr version: .*posts\/2024-04-12-jouer-pour-gagner\.md \(translationKey "playing-to-win"\)/,
    );
    assert.ok(!existsSync(path.join(content, "posts/2024-04-13-jouer-encore.md")));
  });
});
