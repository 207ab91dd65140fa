import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { SearchDocumentsFolder } from "../../src/search/documents-folder.ts";
import { writeSearchIndex } from "../../src/search/pagefind.ts";
import { readSearchRecords } from "../support/search.ts";

const root = mkdtempSync(path.join(tmpdir(), "search-index-test-"));
after(() => rmSync(root, { recursive: true, force: true }));

const page = (words: string) => `<!doctype html><html lang="en"><head><title>${words}</title></head><body><main data-pagefind-body><p>${words}</p></main></body></html>`;
const transcript = (url: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>T</title></head><body><main data-pagefind-body><div data-pagefind-ignore><span data-pagefind-meta="url">${url}</span></div><div id="turn-1" data-pagefind-title="Maria · 00:00"><p>${words}</p></div></main></body></html>`;

describe("the folder of search documents", () => {
  const folder = new SearchDocumentsFolder(path.join(root, "documents"));
  const file = (relative: string) => path.join(folder.dir, relative);

  it("writes each document where Pagefind's CLI will give it its URL", async () => {
    await folder.set([
      { url: "/en/a/", html: page("alpha") },
      { url: "/en/b/#turn-1-to-turn-1", html: transcript("/en/b/#turn-1-to-turn-1", "beta") },
    ]);
    assert.equal(readFileSync(file("en/a/index.html"), "utf8"), page("alpha"));
    assert.equal(readFileSync(file("_transcripts/en/b/turn-1-to-turn-1.html"), "utf8"), transcript("/en/b/#turn-1-to-turn-1", "beta"));
  });

  it("writes again only what changed, and removes what is gone", async () => {
    const untouched = statSync(file("en/a/index.html")).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await folder.set([
      { url: "/en/a/", html: page("alpha") },
      { url: "/en/c/", html: page("gamma") },
    ]);
    assert.equal(statSync(file("en/a/index.html")).mtimeMs, untouched);
    assert.equal(readFileSync(file("en/c/index.html"), "utf8"), page("gamma"));
    assert.equal(existsSync(file("_transcripts/en/b/turn-1-to-turn-1.html")), false);
  });

  it("refuses two documents that would share a file, naming both", async () => {
    await assert.rejects(
      folder.set([
        { url: "/en/a/", html: page("one") },
        { url: "/en/a/index.html", html: page("two") },
      ]),
      /Two search documents would be written to en\/a\/index\.html: \/en\/a\/ and \/en\/a\/index\.html/,
    );
  });

  it("starts empty, whatever an earlier process left in it", async () => {
    const again = new SearchDocumentsFolder(folder.dir);
    await again.set([{ url: "/en/d/", html: page("delta") }]);
    assert.equal(existsSync(file("en/a/index.html")), false);
    assert.equal(existsSync(file("en/d/index.html")), true);
  });
});

describe("the folder of search documents, written at once", () => {
  it("writes the documents before returning, into a folder emptied first", () => {
    const folder = new SearchDocumentsFolder(path.join(root, "documents"));
    folder.addSync([{ url: "/en/e/", html: page("epsilon") }]);
    assert.equal(readFileSync(path.join(folder.dir, "en/e/index.html"), "utf8"), page("epsilon"));
    assert.equal(existsSync(path.join(folder.dir, "en/d/index.html")), false, "what an earlier folder held is gone");
    assert.throws(() => folder.addSync([{ url: "/en/e/", html: page("again") }]), /Two search documents would be written to en\/e\/index\.html/);
  });

  it("refuses while documents are still being written", async () => {
    const folder = new SearchDocumentsFolder(path.join(root, "busy"));
    const writing = folder.set([{ url: "/en/a/", html: page("alpha") }]);
    assert.throws(() => folder.addSync([{ url: "/en/b/", html: page("beta") }]), /still being written/);
    await writing;
    folder.addSync([{ url: "/en/b/", html: page("beta") }]);
    assert.deepEqual([existsSync(path.join(folder.dir, "en/a/index.html")), existsSync(path.join(folder.dir, "en/b/index.html"))], [true, true]);
  });
});

describe("the search index written by Pagefind's CLI", () => {
  it("indexes every document, a transcript's under the URL readers follow", async () => {
    const folder = new SearchDocumentsFolder(path.join(root, "indexed"));
    await folder.set([
      { url: "/en/a/", html: page("alpha ramen") },
      { url: "/en/b/#turn-1-to-turn-1", html: transcript("/en/b/#turn-1-to-turn-1", "beta ramen") },
    ]);
    // Relative, as Eleventy gives the output folder.
    const out = path.relative(process.cwd(), path.join(root, "site"));
    await writeSearchIndex(folder.dir, 2, path.join(out, "pagefind"), "en");
    const records = readSearchRecords(out);
    assert.deepEqual(records.map((r) => r.url).sort(), ["/en/a/", "/en/b/#turn-1-to-turn-1"]);
    assert.deepEqual(records.find((r) => r.url === "/en/b/#turn-1-to-turn-1")!.anchors.map((a) => a.id), ["turn-1"]);
  });

  it("fails, with Pagefind's own words, when a document is not indexed", async () => {
    const folder = new SearchDocumentsFolder(path.join(root, "lossy"));
    // Once one page has data-pagefind-body, Pagefind skips the pages without it.
    await folder.set([
      { url: "/en/a/", html: page("alpha") },
      { url: "/en/b/", html: "<!doctype html><html lang=\"en\"><body><p>beta</p></body></html>" },
    ]);
    await assert.rejects(writeSearchIndex(folder.dir, 2, path.join(root, "lossy-out"), "en"), /Pagefind indexed 1 pages of the 2 search documents in .*lossy:[\s\S]*Indexed 1 page/);
  });

  it("fails, with Pagefind's own words, when it cannot index at all", async () => {
    const folder = new SearchDocumentsFolder(path.join(root, "empty"));
    await folder.set([]);
    await assert.rejects(writeSearchIndex(folder.dir, 0, path.join(root, "empty-out"), "en"), /Pagefind could not index .*empty \(exit code 1\):[\s\S]*not able to build an index/);
  });
});
