import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { stalePages } from "../../src/build/stale-pages.ts";

const p = (...parts: string[]) => path.join(...parts);

describe("the pages an earlier build left in the output", () => {
  const files = [
    p("index.html"),
    p("en", "2024", "01", "10", "old-title", "index.html"),
    p("en", "2024", "02", "02", "gone-episode", "index.html"),
    p("en", "2024", "02", "02", "gone-episode", "transcript.vtt"),
    p("en", "2024", "06", "09", "maria", "index.html"),
    p("en", "2024", "06", "09", "maria", "transcript.vtt"),
    p("tags", "gone-tag", "index.html"),
    p("pagefind", "pagefind-entry.json"),
    p("assets", "old.html"),
    p("img", "abc-720.avif"),
    p("sitemap.xml"),
  ];
  const written = new Set([p("index.html"), p("en", "2024", "06", "09", "maria", "index.html")]);

  it("are the pages this build did not write, with the files beside a gone page", () => {
    assert.deepEqual(stalePages(files, written), [
      p("en", "2024", "01", "10", "old-title", "index.html"),
      p("en", "2024", "02", "02", "gone-episode", "index.html"),
      p("en", "2024", "02", "02", "gone-episode", "transcript.vtt"),
      p("tags", "gone-tag", "index.html"),
    ]);
  });

  it("leave alone what is written outside Eleventy's pages: downloads of a current episode, the sitemap, search index, images, assets", () => {
    const stale = stalePages(files, written);
    for (const kept of [
      p("en", "2024", "06", "09", "maria", "transcript.vtt"),
      p("sitemap.xml"),
      p("pagefind", "pagefind-entry.json"),
      p("img", "abc-720.avif"),
      p("assets", "old.html"),
    ])
      assert.ok(!stale.includes(kept), kept);
  });
});
