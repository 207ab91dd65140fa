import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BuiltPages } from "../../src/build/built-pages.ts";
import type { BuiltPage } from "../../src/eleventy-config.ts";

const page = (inputPath: string, url: string, content = "<p>text</p>"): BuiltPage => ({
  inputPath,
  url,
  outputPath: `_site${url}index.html`,
  content,
});

describe("the pages of the site across incremental builds", () => {
  const existing = new Set(["a.md", "b.md", "tag.njk", "feed.njk"]);
  const make = () =>
    new BuiltPages(
      (p) => (p.content.includes("noindex") ? null : p.url),
      (inputPath) => existing.has(inputPath),
    );

  it("keeps the pages a later build did not rebuild, and replaces the ones it did", () => {
    const pages = make();
    assert.deepEqual(
      pages
        .update([
          page("a.md", "/a/"),
          page("b.md", "/b/"),
          page("tag.njk", "/tags/x/"),
          page("tag.njk", "/tags/x/page/2/"),
        ])
        .sort(),
      ["/a/", "/b/", "/tags/x/", "/tags/x/page/2/"],
    );
    // An edit to a.md that moved it, and shortened the tag's listing to one page.
    assert.deepEqual(pages.update([page("a.md", "/a-moved/"), page("tag.njk", "/tags/x/")]).sort(), [
      "/a-moved/",
      "/b/",
      "/tags/x/",
    ]);
  });

  it("drops the pages of a template whose file is gone", () => {
    const pages = make();
    pages.update([page("a.md", "/a/"), page("gone.md", "/gone/")]);
    assert.deepEqual(pages.update([]), ["/a/"]);
  });

  it("leaves out what the consumer does not keep, and files that are not HTML pages", () => {
    const pages = make();
    const feed: BuiltPage = {
      inputPath: "feed.njk",
      url: "/feed.xml",
      outputPath: "_site/feed.xml",
      content: "<feed/>",
    };
    assert.deepEqual(
      pages.update([page("a.md", "/a/", '<meta name="robots" content="noindex">'), page("b.md", "/b/"), feed]),
      ["/b/"],
    );
    // A page that becomes noindex is taken out; one that stops being so comes back.
    assert.deepEqual(pages.update([page("b.md", "/b/", "noindex"), page("a.md", "/a/")]), ["/a/"]);
  });

  it("keeps the listing pages a build left as they were, and drops the ones it no longer has", () => {
    const pages = make();
    pages.update([
      page("a.md", "/a/"),
      page("tag.njk", "/tags/x/"),
      page("tag.njk", "/tags/y/"),
      page("tag.njk", "/tags/z/"),
    ]);
    // An edit to a.md changed the listing of tag x, left y as it was, and took a.md's only tag z away.
    const listings = { unchanged: new Set(["/tags/y/"]), removed: new Set(["/tags/z/"]) };
    assert.deepEqual(pages.update([page("a.md", "/a/"), page("tag.njk", "/tags/x/")], listings).sort(), [
      "/a/",
      "/tags/x/",
      "/tags/y/",
    ]);
    // A build that rendered none of the tag pages but still lost one.
    assert.deepEqual(
      pages.update([page("a.md", "/a/")], { unchanged: new Set(["/tags/x/"]), removed: new Set(["/tags/y/"]) }).sort(),
      ["/a/", "/tags/x/"],
    );
  });
});
