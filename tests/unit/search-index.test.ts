import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { SearchDocumentsFolder } from "../../src/search/documents-folder.ts";
import { writeSearchIndex } from "../../src/search/pagefind.ts";
import { readSearchRecords } from "../support/search.ts";

const root = mkdtempSync(path.join(tmpdir(), "search-index-test-"));
after(() => rmSync(root, { recursive: true, force: true }));

const page = (words: string) =>
  `<!doctype html><html lang="en"><head><title>${words}</title></head><body><main data-pagefind-body><p>${words}</p></main></body></html>`;
const transcript = (url: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>T</title></head><body><main data-pagefind-body><div data-pagefind-ignore><span data-pagefind-meta="url">${url}</span></div><div id="turn-1" data-pagefind-title="Maria · 00:00"><p>${words}</p></div></main></body></html>`;

describe("the folder of search documents", () => {
  const folder = new SearchDocumentsFolder(path.join(root, "documents"));
  const file = (relative: string) => path.join(folder.dir, relative);

  it("writes each document where Pagefind's CLI will give it its URL", () => {
    folder.write([
      { url: "/en/a/", html: page("alpha") },
      { url: "/en/b/#turn-1-to-turn-1", html: transcript("/en/b/#turn-1-to-turn-1", "beta") },
    ]);
    assert.equal(readFileSync(file("en/a/index.html"), "utf8"), page("alpha"));
    assert.equal(
      readFileSync(file("_transcripts/en/b/turn-1-to-turn-1.html"), "utf8"),
      transcript("/en/b/#turn-1-to-turn-1", "beta"),
    );
  });

  it("writes again only what changed, and removes what is gone", async () => {
    const untouched = statSync(file("en/a/index.html")).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    folder.write([
      { url: "/en/a/", html: page("alpha") },
      { url: "/en/c/", html: page("gamma") },
    ]);
    assert.equal(statSync(file("en/a/index.html")).mtimeMs, untouched);
    assert.equal(readFileSync(file("en/c/index.html"), "utf8"), page("gamma"));
    assert.equal(existsSync(file("_transcripts/en/b/turn-1-to-turn-1.html")), false);
  });

  it("refuses two documents that would share a file, naming both", () => {
    assert.throws(
      () =>
        folder.write([
          { url: "/en/a/", html: page("one") },
          { url: "/en/a/index.html", html: page("two") },
        ]),
      /Two search documents would be written to en\/a\/index\.html: \/en\/a\/ and \/en\/a\/index\.html/,
    );
  });

  it("starts empty, whatever an earlier process left in it", () => {
    const again = new SearchDocumentsFolder(folder.dir);
    again.write([{ url: "/en/d/", html: page("delta") }]);
    assert.equal(existsSync(file("en/a/index.html")), false);
    assert.equal(existsSync(file("en/d/index.html")), true);
  });

  it("is gone once removed, and starts again empty", () => {
    const again = new SearchDocumentsFolder(folder.dir);
    again.write([{ url: "/en/e/", html: page("epsilon") }]);
    again.remove();
    assert.equal(existsSync(folder.dir), false);
    again.write([{ url: "/en/f/", html: page("phi") }]);
    assert.deepEqual([existsSync(file("en/e/index.html")), existsSync(file("en/f/index.html"))], [false, true]);
  });
});

describe("what a build records with its search documents, for the step that indexes them", () => {
  it("is read back as it was written, and is gone with the documents of the next build", () => {
    const folder = new SearchDocumentsFolder(path.join(root, "summarised"));
    folder.write([{ url: "/en/a/", html: page("alpha") }]);
    folder.writeSummary({ pages: 1, transcriptRecords: 0, language: "en" });
    assert.deepEqual(new SearchDocumentsFolder(folder.dir).readSummary(), {
      pages: 1,
      transcriptRecords: 0,
      language: "en",
    });
    new SearchDocumentsFolder(folder.dir).write([{ url: "/en/b/", html: page("beta") }]);
    assert.throws(
      () => folder.readSummary(),
      new RegExp(`No search documents in ${folder.dir}: the site's build writes them`),
    );
  });

  it("names the file when it does not say what the documents are", () => {
    const folder = new SearchDocumentsFolder(path.join(root, "garbled"));
    folder.write([]);
    writeFileSync(path.join(folder.dir, "summary.json"), '{"pages":"twelve"}');
    assert.throws(
      () => folder.readSummary(),
      new RegExp(
        `${path.join(folder.dir, "summary.json")} does not say how many pages and transcript records there are`,
      ),
    );
  });
});

describe("a folder of search documents named by someone (SEARCH_DOCUMENTS_DIR)", () => {
  it("is refused, and left as it is, when it holds files that are not search documents", () => {
    const dir = path.join(root, "notes");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "draft.md"), "mine");
    const folder = new SearchDocumentsFolder(dir, true);
    assert.throws(
      () => folder.write([{ url: "/en/a/", html: page("alpha") }]),
      new RegExp(`folder ${dir} holds files that are not search documents`),
    );
    assert.deepEqual(readdirSync(dir), ["draft.md"]);
  });

  it("is emptied when it holds the documents of an earlier build", () => {
    const dir = path.join(root, "kept");
    new SearchDocumentsFolder(dir, true).write([{ url: "/en/a/", html: page("alpha") }]);
    new SearchDocumentsFolder(dir, true).write([{ url: "/en/b/", html: page("beta") }]);
    assert.deepEqual(
      [existsSync(path.join(dir, "en/a/index.html")), existsSync(path.join(dir, "en/b/index.html"))],
      [false, true],
    );
  });
});

describe("the search index written by Pagefind's CLI", () => {
  it("indexes every document, a transcript's under the URL readers follow", async () => {
    const folder = new SearchDocumentsFolder(path.join(root, "indexed"));
    folder.write([
      { url: "/en/a/", html: page("alpha ramen") },
      { url: "/en/b/#turn-1-to-turn-1", html: transcript("/en/b/#turn-1-to-turn-1", "beta ramen") },
    ]);
    // Relative, as Eleventy gives the output folder.
    const out = path.relative(process.cwd(), path.join(root, "site"));
    await writeSearchIndex(folder.dir, 2, path.join(out, "pagefind"));
    const records = readSearchRecords(out);
    assert.deepEqual(records.map((r) => r.url).sort(), ["/en/a/", "/en/b/#turn-1-to-turn-1"]);
    assert.deepEqual(
      records.find((r) => r.url === "/en/b/#turn-1-to-turn-1")!.anchors.map((a) => a.id),
      ["turn-1"],
    );
  });

  it("fails, with Pagefind's own words, when a document is not indexed", async () => {
    const folder = new SearchDocumentsFolder(path.join(root, "lossy"));
    // Once one page has data-pagefind-body, Pagefind skips the pages without it.
    folder.write([
      { url: "/en/a/", html: page("alpha") },
      { url: "/en/b/", html: '<!doctype html><html lang="en"><body><p>beta</p></body></html>' },
    ]);
    await assert.rejects(
      writeSearchIndex(folder.dir, 2, path.join(root, "lossy-out")),
      /Pagefind indexed 1 pages of the 2 search documents in .*lossy:[\s\S]*Indexed 1 page/,
    );
  });

  it("fails, with Pagefind's own words, when it cannot index at all", async () => {
    const folder = new SearchDocumentsFolder(path.join(root, "empty"));
    folder.write([]);
    await assert.rejects(
      writeSearchIndex(folder.dir, 0, path.join(root, "empty-out")),
      /Pagefind could not index .*empty \(exit code 1\):[\s\S]*not able to build an index/,
    );
  });
});
