import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { archiveRedirects, oldPath, permalinkFront, postOldPaths } from "../../src/wordpress/old-urls.ts";

const SITE = "https://alexis.monville.com";

describe("old addresses of the WordPress site", () => {
  it("finds the permalinks' front, and keeps only paths of the old site", () => {
    assert.equal(
      permalinkFront([`${SITE}/en/2024/06/09/a/`, `${SITE}/en/2024/05/03/b/`, `${SITE}/about/`], SITE),
      "/en/",
    );
    assert.equal(permalinkFront([`${SITE}/2024/06/09/a/`], SITE), "/");
    assert.equal(oldPath("https://elsewhere.example/en/2024/06/09/a/", SITE), null);
    assert.equal(oldPath(`${SITE}/en/"><script>/`, SITE), "/en/%22%3E%3Cscript%3E/");
  });

  it("redirects a post's ?p= link and its permalink without the front, never its own address", () => {
    const url = "/en/2024/06/09/maria/";
    assert.deepEqual(postOldPaths(123, oldPath(`${SITE}${url}`, SITE), "/en/", url), ["/?p=123", "/2024/06/09/maria/"]);
    assert.deepEqual(postOldPaths(7, oldPath(`${SITE}/en/2024/06/09/old-title/`, SITE), "/en/", url), [
      "/?p=7",
      "/en/2024/06/09/old-title/",
      "/2024/06/09/old-title/",
    ]);
  });

  it("sends category and tag archives to tag pages, date archives to the year, the feed to ours", () => {
    const redirects = archiveRedirects(
      {
        front: "/en/",
        terms: [
          { domain: "category", slug: "leadership", tag: "Leadership" },
          { domain: "post_tag", slug: "open-source", tag: "Open source" },
          { domain: "category", slug: "uncategorized", tag: null },
        ],
        dates: ["2024-06-09"],
      },
      "/feed.xml",
    );
    const to = Object.fromEntries(redirects.map((r) => [r.from, r.to]));
    assert.equal(to["/en/category/leadership/"], "/tags/leadership/");
    assert.equal(to["/category/leadership/"], "/tags/leadership/");
    assert.equal(to["/en/tag/open-source/"], "/tags/open-source/");
    assert.equal(to["/en/category/uncategorized/"], "/archive/");
    assert.equal(to["/2024/"], "/en/2024/");
    assert.equal(to["/2024/06/"], "/en/2024/");
    assert.equal(to["/en/2024/06/"], "/en/2024/");
    assert.equal(to["/en/2024/06/09/"], "/en/2024/");
    assert.equal(to["/en/feed/"], "/feed.xml");
    assert.equal(to["/en/2024/"], undefined, "the year page itself is ours");
  });
});
