/** src/site/path-prefix.ts: the path prefix put before the site's paths, by the build and by the browser scripts. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isSitePath, prefixedPath, resolveSitePath, siteRootUrl } from "../../src/site/path-prefix.ts";

describe("the path prefix", () => {
  it("isSitePath: a path from the site's root, not a full, scheme-relative or relative URL", () => {
    assert.deepEqual(["/", "/feed.xml", "/en/2024/06/09/slug/?q#h", "/?p=123"].map(isSitePath), [
      true,
      true,
      true,
      true,
    ]);
    assert.deepEqual(["//cdn.example/x.js", "https://host/x", "mailto:a@b.c", "x/y", "#top", ""].map(isSitePath), [
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("prefixedPath at the root ('/') leaves every path as it is", () => {
    for (const path of ["/", "/feed.xml", "/en/x/?q=1#h"]) assert.equal(prefixedPath("/", path), path);
  });

  it("prefixedPath under '/repo/' puts the prefix before the site's paths", () => {
    assert.equal(prefixedPath("/repo/", "/"), "/repo/");
    assert.equal(prefixedPath("/repo/", "/feed.xml"), "/repo/feed.xml");
    assert.equal(prefixedPath("/repo/", "/en/x/?q=1#h"), "/repo/en/x/?q=1#h");
    assert.equal(prefixedPath("/a/b/", "/tags/日本/"), "/a/b/tags/日本/");
  });

  it("prefixedPath leaves other URLs as they are", () => {
    for (const url of ["//cdn.example/x.js", "https://host/feed.xml", "mailto:a@b.c", "relative/x", "#top", ""])
      assert.equal(prefixedPath("/repo/", url), url);
  });

  it("siteRootUrl: the site's address with the prefix, ending in '/'", () => {
    assert.equal(siteRootUrl("https://blog.example", "/"), "https://blog.example/");
    assert.equal(siteRootUrl("https://user.github.io", "/repo/"), "https://user.github.io/repo/");
  });

  it("resolveSitePath: a path of the site as a full URL under the root", () => {
    assert.equal(resolveSitePath("https://host/", "/en/x/"), "https://host/en/x/");
    assert.equal(resolveSitePath("https://host/repo/", "/en/x/?q=1#h"), "https://host/repo/en/x/?q=1#h");
    assert.equal(resolveSitePath(new URL("https://host/repo/"), "/"), "https://host/repo/");
    assert.equal(resolveSitePath("https://host/repo/", "/a:b"), "https://host/repo/a:b");
  });

  it("resolveSitePath never leaves the host, whatever the path holds", () => {
    for (const path of ["/\\evil.example", "/\\\\evil.example/x", "/\t/evil.example"])
      assert.equal(new URL(resolveSitePath("https://host/repo/", path)).host, "host", path);
  });
});
