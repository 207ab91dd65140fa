import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { checkContent, entryLines } from "../../src/check/content.ts";
import { formatText } from "../../src/check/report.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MARIA = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";

/** `npm run check` on `input` (relative to the project), as the command prints it. */
function checkHere(input: string) {
  const report = checkContent({ input: path.join(ROOT, input), cwd: ROOT });
  return { report, lines: formatText(report).trimEnd().split("\n") };
}

/** What the WordPress importer writes: an article in a folder with its image, old addresses of three kinds, comments. */
const FOLDER_ARTICLE = `---
title: "An Imported Article"
date: 2024-08-01
kind: article
tags: [Strategy]
redirect_from:
  - /2024/08/01/an-imported-article/
  - /en/2024/08/01/an-imported-article/chart/
  - /?p=123
comments:
  - author: "Jane Reader"
    date: "2024-08-02T08:12:00-07:00"
    text: "Great post.\\n\\nSecond paragraph."
  - author: Sam
    date: 2024-08-03
    text: "Thanks"
    in_reply_to: "Jane Reader"
---

The text, [an old link](/en/category/strategy/) and [another](/2024/08/01/an-imported-article/).

![A chart](chart.png)
`;

describe("npm run check on imported content", () => {
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  /** A copy of content/ with the imported article, and `redirects` as _data/redirects.json; returns its path relative to the project. */
  function importedContent(redirects?: string): string {
    mkdirSync(path.join(ROOT, "tests/.tmp"), { recursive: true });
    const folder = mkdtempSync(path.join(ROOT, "tests/.tmp", "check-imported-"));
    folders.push(folder);
    const input = path.join(folder, "content");
    cpSync(path.join(ROOT, "content"), input, { recursive: true });
    const article = path.join(input, "posts/2024-08-01-an-imported-article");
    mkdirSync(article);
    writeFileSync(path.join(article, "index.md"), FOLDER_ARTICLE);
    writeFileSync(path.join(article, "chart.png"), "a PNG");
    if (redirects !== undefined) writeFileSync(path.join(input, "_data/redirects.json"), redirects);
    return path.relative(ROOT, input);
  }

  it("accepts an article in a folder with its image, query links in redirect_from, comments and the site's redirects", () => {
    const input = importedContent(
      JSON.stringify(
        [
          { from: "/en/category/strategy/", to: "/tags/strategy/" },
          { from: "/2024/", to: "/en/2024/" },
          { from: "/?page_id=12", to: "/about/" },
          { from: "/feed/", to: "/feed.xml" },
          { from: "/old-episode/", to: MARIA },
        ],
        null,
        2,
      ),
    );
    const { report, lines } = checkHere(input);
    assert.deepEqual(report.errors, [], lines.join("\n"));
    assert.equal(report.posts, 13);
  });

  it("names redirects.json, the entry's index and line, and what is wrong", () => {
    const input = importedContent(`[
  { "from": "/en/category/strategy/", "to": "/tags/strategy/" },
  { "from": "/en/category/x/",
    "to": "tags/x/" },
  { "from": "/?cat=3", "to": "/" }
]
`);
    const file = `${input}/_data/redirects.json`;
    const { report } = checkHere(input);
    assert.deepEqual(
      report.errors.filter((e) => e.file === file),
      [
        {
          file,
          line: 3,
          message:
            'entry [1] (from /en/category/x/) field "to" must be a path from the site\'s root, starting with / (e.g. /tags/leadership/), without spaces, quotes or "." and ".." parts',
        },
        {
          file,
          line: 5,
          message:
            'entry [2] field "from" /?cat=3 must be a WordPress query link with one number: /?p=123, /?page_id=12 or /?attachment_id=456',
        },
      ],
    );
  });

  it("applies the build's rules to the site's redirects: no live post, no path twice, a page that comes from posts", () => {
    const input = importedContent(
      JSON.stringify([
        { from: MARIA, to: "/" },
        { from: "/?p=123", to: "/about/" },
        { from: "/en/category/gone/", to: "/tags/gone/" },
        { from: "/en/2019/", to: "/en/2019/" },
        { from: "/en/category/strategy/", to: "/somewhere-the-build-decides/" },
      ]),
    );
    const file = `${input}/_data/redirects.json`;
    const article = `${input}/posts/2024-08-01-an-imported-article/index.md`;
    const { report, lines } = checkHere(input);
    assert.deepEqual(
      report.errors.map((e) => `${e.file}:${e.line}: ${e.message}`),
      [
        `${file}:1: entry [0]: ${MARIA} is the address of a live post (${input}/posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/index.md)`,
        `${file}:1: entry [1]: /?p=123 already redirects to /en/2024/08/01/an-imported-article/ (${article})`,
        `${file}:1: entry [2]: "to" /tags/gone/ is not a page of the site: give a post's URL, a tag page (/tags/<slug>/), a year page (/en/YYYY/), a person's page (/people/<slug>/), or another page of the site (/, /archive/, /podcast/…)`,
        `${file}:1: entry [3]: /en/2019/ leads to itself`,
      ],
      lines.join("\n"),
    );
  });

  it("counts a link to a site redirect's old path as a link to where it leads", () => {
    const withPostLink = importedContent(JSON.stringify([{ from: "/en/2019/01/01/old-slug/", to: MARIA }]));
    const article = path.join(ROOT, withPostLink, "posts/2024-08-01-an-imported-article/index.md");
    writeFileSync(
      article,
      FOLDER_ARTICLE.replace(
        "[another](/2024/08/01/an-imported-article/)",
        "[another](/en/2019/01/01/old-slug/) and [a third](/en/2019/01/02/gone/)",
      ),
    );
    const run = checkHere(withPostLink);
    assert.deepEqual(
      run.report.errors.map((e) => e.message),
      ["link to /en/2019/01/02/gone/ leads nowhere: no post has this URL or lists it under redirect_from"],
    );
  });

  it("reports an image of an article's folder that is not there", () => {
    const input = importedContent();
    rmSync(path.join(ROOT, input, "posts/2024-08-01-an-imported-article/chart.png"));
    const article = `${input}/posts/2024-08-01-an-imported-article/index.md`;
    const { report } = checkHere(input);
    assert.deepEqual(report.errors, [
      {
        file: article,
        line: 22,
        message: `image chart.png: no such file ${input}/posts/2024-08-01-an-imported-article/chart.png`,
      },
    ]);
  });
});

describe("the lines of a JSON array's entries", () => {
  it("finds where each element starts, whatever the strings hold", () => {
    assert.deepEqual(entryLines('[\n  {"a": "[{,"},\n  {"b": "\\"]"}, {"c": 1}\n,\n"x"]'), [2, 3, 3, 5]);
    assert.deepEqual(entryLines("[]"), []);
    assert.deepEqual(entryLines("{}"), []);
  });
});
