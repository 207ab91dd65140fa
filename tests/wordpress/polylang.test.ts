/** The import of a site made bilingual with Polylang (tests/fixtures/polylang/export.xml): languages, versions, old addresses, the report. */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DateTime } from "luxon";
import { checkContent } from "../../src/check/content.ts";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import { postSchema } from "../../src/posts/schema.ts";
import { siteAddresses, templatePages } from "../../src/site/addresses.ts";
import { loadSiteSettings } from "../../src/site/settings.ts";
import { languageCode } from "../../src/wordpress/languages.ts";
import { planImport, type ImportPlan, type ImportSettings } from "../../src/wordpress/plan.ts";
import { formatReport } from "../../src/wordpress/report.ts";
import { writePlan } from "../../src/wordpress/write.ts";
import { parseWxr } from "../../src/wordpress/wxr.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONTENT = path.join(ROOT, "content");
const EXPORT = readFileSync(path.join(ROOT, "tests/fixtures/polylang/export.xml"), "utf8");
/** The same export as a site without Polylang writes it: no language, no groups of versions. */
const ONE_LANGUAGE = EXPORT.replace(/\s*<category domain="(?:language|post_translations)"[^>]*>.*?<\/category>/g, "");

const settings: ImportSettings = {
  timeZone: "America/Los_Angeles",
  hostName: "Alexis Monville",
  feedPath: "/feed.xml",
  existingPages: new Map([["about", "/about/"]]),
  siteAddresses: siteAddresses(
    templatePages(CONTENT, loadSiteSettings(path.join(CONTENT, "_data/site.json")), (file) =>
      readFileSync(file, "utf8"),
    ),
  ),
  uploadFile: () => null,
  hasUploads: false,
  today: "2026-01-01",
  language: "en",
};

const plan = (xml = EXPORT) => planImport(parseWxr(xml, "export.xml"), "export.xml", settings);
/** Each post the plan writes, by its file, read back through the build's schema. */
function posts(planned: ImportPlan) {
  return new Map(
    planned.files
      .filter((f) => f.path.startsWith("posts/") && f.text)
      .map((f) => {
        const { data } = readFrontMatter(f.text!);
        return [f.path, { data, post: postSchema(settings.timeZone, "en").parse(data) }] as const;
      }),
  );
}
const redirectsOf = (planned: ImportPlan) =>
  Object.fromEntries(
    (
      JSON.parse(planned.files.find((f) => f.path === "_data/redirects.json")!.text!) as { from: string; to: string }[]
    ).map((r) => [r.from, r.to]),
  );

describe("importing a Polylang export", () => {
  const imported = plan();
  const byFile = posts(imported);
  const post = (file: string) => {
    const found = byFile.get(file);
    assert.ok(found, `no ${file} in ${[...byFile.keys()].join(", ")}`);
    return found;
  };

  it("gives each post its language, and a French one its address under /fr/", () => {
    const french = post("posts/2024-04-12-jouer-pour-gagner-encore.md");
    assert.equal(french.data.lang, "fr");
    assert.equal(french.post.url, "/fr/2024/04/12/jouer-pour-gagner-encore/");
    assert.equal(post("posts/2024-05-15-une-note-en-francais.md").post.url, "/fr/2024/05/15/une-note-en-francais/");
    // A post in the site's language is written as before: no lang, its address under /en/.
    const english = post("posts/2024-04-10-playing-to-win-again.md");
    assert.ok(!("lang" in english.data));
    assert.equal(english.post.url, "/en/2024/04/10/playing-to-win-again/");
  });

  it("gives the versions of one post one translationKey: its English version's slug", () => {
    const keys = Object.fromEntries([...byFile].map(([file, { data }]) => [file, data.translationKey]));
    assert.deepEqual(keys, {
      "posts/2024-04-10-playing-to-win-again.md": "playing-to-win-again",
      "posts/2024-04-12-jouer-pour-gagner-encore.md": "playing-to-win-again",
      "posts/2024-06-01-open-source-leadership.md": "open-source-leadership",
      "posts/2024-06-03-le-leadership-de-lopen-source.md": "open-source-leadership",
      "posts/2024-05-15-une-note-en-francais.md": undefined,
      "posts/2024-03-01-culture.md": "culture",
      "posts/2024-03-01-culture-fr.md": "culture",
      // Its English version was private, so not imported: no other version, no key.
      "posts/2024-02-02-des-notes-publiques.md": undefined,
      // Written in French first: the key is still the English version's slug.
      "posts/2024-01-10-apprendre-en-equipe.md": "learning-as-a-team",
      "posts/2024-01-20-learning-as-a-team.md": "learning-as-a-team",
    });
  });

  it("makes no tag of a language or a group of versions", () => {
    const tags = [...byFile.values()].flatMap(({ post }) => post.tags.map((t) => t.name));
    assert.deepEqual([...new Set(tags)].sort(), ["Open source", "Strategy", "Stratégie"]);
    // Nor Polylang's French copy of "Uncategorized": its archive leads to the French archive page.
    const uncategorized = '<category domain="category" nicename="uncategorized-fr"><![CDATA[Non classé]]></category>';
    const withDefault = plan(
      EXPORT.replace(
        '<category domain="language" nicename="fr"><![CDATA[Français]]></category>\n\t</item>',
        `${uncategorized}<category domain="language" nicename="fr"><![CDATA[Français]]></category>\n\t</item>`,
      ),
    );
    assert.deepEqual(
      posts(withDefault)
        .get("posts/2024-05-15-une-note-en-francais.md")
        ?.post.tags.map((t) => t.name),
      ["Stratégie"],
    );
    assert.equal(redirectsOf(withDefault)["/fr/category/uncategorized-fr/"], "/fr/archive/");
  });

  it("keeps a French post's old addresses, as an English post's are kept", () => {
    // Its old permalink is its address: the ?p= link and the permalink without its front lead to it.
    assert.deepEqual(post("posts/2024-04-12-jouer-pour-gagner-encore.md").post.redirect_from, [
      "/?p=102",
      "/2024/04/12/jouer-pour-gagner-encore/",
    ]);
    assert.deepEqual(post("posts/2024-04-10-playing-to-win-again.md").post.redirect_from, [
      "/?p=101",
      "/2024/04/10/playing-to-win-again/",
    ]);
    // One slug and one day in both languages: two files, two addresses; the path without a front stays the English one's.
    const culture = post("posts/2024-03-01-culture-fr.md").post;
    assert.equal(culture.url, "/fr/2024/03/01/culture/");
    assert.deepEqual(culture.redirect_from, ["/?p=107"]);
    assert.deepEqual(post("posts/2024-03-01-culture.md").post.redirect_from, ["/?p=106", "/2024/03/01/culture/"]);
    // A draft's link (/fr/?p=104) is no address of its own: not the French home page.
    assert.deepEqual(post("posts/2024-06-03-le-leadership-de-lopen-source.md").post.redirect_from, ["/?p=104"]);
  });

  it("sends each language's archives to that language's pages", () => {
    const to = redirectsOf(imported);
    assert.equal(to["/en/category/strategy/"], "/tags/strategy/");
    assert.equal(to["/category/strategy/"], "/tags/strategy/");
    assert.equal(to["/fr/category/strategie/"], "/fr/tags/strategie/");
    assert.equal(to["/category/strategie/"], undefined, "an archive without a front is the site language's");
    assert.equal(to["/2024/"], "/en/2024/");
    assert.equal(to["/fr/2024/"], undefined, "the French year page itself is ours");
    assert.equal(to["/fr/2024/04/"], "/fr/2024/");
    assert.equal(to["/fr/2024/04/12/"], "/fr/2024/");
    assert.equal(to["/feed/"], "/feed.xml");
    assert.equal(to["/fr/feed/"], "/fr/feed.xml");
  });

  it("says in its report how many posts each language has, and how many groups of versions", () => {
    assert.deepEqual(imported.report.languages, { en: 4, fr: 6 });
    assert.equal(imported.report.translationGroups, 4);
    const outcome = { written: [], updated: [], unchanged: [], kept: [], forced: [] };
    const lines = formatReport(imported.report, outcome, {
      source: "export.xml",
      content: "content",
      dryRun: true,
    }).split("\n");
    assert.equal(lines[1], "posts: 10 articles, 0 episodes (of which 1 draft, 0 scheduled)");
    assert.equal(lines[2], "languages: 4 posts in en, 6 in fr; 4 translation groups");
  });

  it("imports the same export without Polylang's terms in one language, as before", () => {
    const single = plan(ONE_LANGUAGE);
    const files = posts(single);
    for (const { data, post } of files.values()) {
      assert.ok(!("lang" in data) && !("translationKey" in data), JSON.stringify(data));
      assert.match(post.url, /^\/en\//);
    }
    // The two "culture" posts of one day are one language now: the second gets its id in its slug.
    assert.equal(files.get("posts/2024-03-01-culture-107.md")?.post.url, "/en/2024/03/01/culture-107/");
    assert.deepEqual(single.report.languages, {});
    assert.equal(single.report.translationGroups, 0);
    const report = formatReport(
      single.report,
      { written: [], updated: [], unchanged: [], kept: [], forced: [] },
      { source: "export.xml", content: "content", dryRun: true },
    );
    assert.doesNotMatch(report, /^languages:/m);
  });

  it("reads Polylang's language slugs as language codes", () => {
    assert.equal(languageCode("fr"), "fr");
    assert.equal(languageCode("pt_BR"), "pt-br");
    assert.equal(languageCode(" FR "), "fr");
    assert.equal(languageCode("français"), null);
    const odd = plan(
      EXPORT.replace(
        'nicename="fr"><![CDATA[Français]]></category>\n\t\t<category domain="post_translations" nicename="pll_65a1f0c2b7d41"',
        'nicename="français"><![CDATA[Français]]></category>\n\t\t<category domain="post_translations" nicename="pll_65a1f0c2b7d41"',
      ),
    );
    assert.match(
      odd.report.warnings.join("\n"),
      /item 102 “Jouer pour gagner, encore” \(export\.xml:\d+\): its language "français" is not a language code \(such as fr or pt-br\): the post is in the site's language, en/,
    );
  });

  describe("then npm run check", () => {
    const folders: string[] = [];
    after(() => {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    });

    it("finds no error in the imported posts, and warns that a published post's French version is a draft", () => {
      mkdirSync(path.join(ROOT, "tests/.tmp"), { recursive: true });
      const folder = mkdtempSync(path.join(ROOT, "tests/.tmp", "polylang-"));
      folders.push(folder);
      const input = path.join(folder, "content");
      cpSync(CONTENT, input, { recursive: true });
      writePlan(imported.files, input, { force: false, dryRun: false });
      const report = checkContent({ input, cwd: ROOT, now: DateTime.fromISO("2026-01-01T00:00:00Z") });
      const shown = path.relative(ROOT, input);
      assert.deepEqual(report.errors, []);
      assert.deepEqual(
        report.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`),
        [
          `${shown}/posts/2024-06-01-open-source-leadership.md:5: translationKey "open-source-leadership": its fr version ${shown}/posts/2024-06-03-le-leadership-de-lopen-source.md is a draft: this post's page has no link to it (nor hreflang) until it is published`,
        ],
      );
    });
  });
});
