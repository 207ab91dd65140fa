import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { decodeUtf8, NotUtf8Error, readUtf8File, Utf8Stream } from "../../src/files/utf8.ts";
import { loadSiteSettings } from "../../src/site/settings.ts";

const LATIN_1 = Buffer.from("# Menu\n\nCafé crème\n", "latin1");

/** The NotUtf8Error `run` throws. */
function notUtf8(run: () => unknown): NotUtf8Error {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof NotUtf8Error, `expected a NotUtf8Error, got ${String(error)}`);
    return error;
  }
  assert.fail("expected a NotUtf8Error, nothing was thrown");
}

/** `bytes` through a Utf8Stream in chunks of `size` bytes. */
function streamed(bytes: Uint8Array, size: number, file = "export.xml"): string {
  const stream = new Utf8Stream(file);
  let text = "";
  for (let at = 0; at < bytes.length; at += size) text += stream.write(bytes.subarray(at, at + size));
  return text + stream.end();
}

describe("reading a text file as UTF-8", () => {
  it("reads UTF-8 as it is, and drops only a byte order mark at the very start", () => {
    assert.equal(decodeUtf8(Buffer.from("Café crème, 東京, 🎙️\n"), "a.md"), "Café crème, 東京, 🎙️\n");
    assert.equal(decodeUtf8(Buffer.from("\uFEFFtitle: Café\n"), "a.md"), "title: Café\n");
    assert.equal(decodeUtf8(Buffer.from("a\uFEFFb"), "a.md"), "a\uFEFFb");
    assert.equal(decodeUtf8(new Uint8Array(0), "a.md"), "");
  });

  it("names the file, line and column of a Latin-1 file's first byte that is not UTF-8, says it looks like Latin-1 and what to do", () => {
    const error = notUtf8(() => decodeUtf8(LATIN_1, "content/posts/2024-07-01-menu.md"));
    assert.equal([error.file, error.line, error.column].join(":"), "content/posts/2024-07-01-menu.md:3:4");
    assert.equal(
      error.message,
      'content/posts/2024-07-01-menu.md:3:4: not UTF-8: byte 0xE9 is "é" in Latin-1 (Windows-1252), which the file looks saved in: open it as Latin-1 and save it as UTF-8',
    );
    assert.equal(error.message, `${error.file}:${error.line}:${error.column}: ${error.reason}`);
  });

  it("counts columns in characters after a byte order mark and letters of several bytes", () => {
    const bytes = Buffer.concat([Buffer.from("\uFEFFline one\nÉté ", "utf8"), Buffer.from("à", "latin1")]);
    const error = notUtf8(() => decodeUtf8(bytes, "a.md"));
    assert.deepEqual([error.line, error.column], [2, 5]);
    assert.match(error.reason, /byte 0xE0 is "à" in Latin-1/);
  });

  it("says Windows-1252 for its quotes, UTF-16 for a UTF-16 file, and what a cut-off file is", () => {
    assert.match(
      notUtf8(() => decodeUtf8(Buffer.from([0x49, 0x92, 0x6d]), "a.md")).message,
      /^a\.md:1:2: not UTF-8: byte 0x92 is "’" in Latin-1 \(Windows-1252\)/,
    );
    assert.match(
      notUtf8(() => decodeUtf8(Buffer.from("\uFEFFHi", "utf16le"), "a.vtt")).message,
      /^a\.vtt:1:1: not UTF-8: the file is UTF-16 .*: save it as UTF-8$/,
    );
    assert.match(
      notUtf8(() => decodeUtf8(Buffer.from("ok —", "utf8").subarray(0, 5), "a.md")).message,
      /^a\.md:1:4: not UTF-8: the file ends in the middle of a character \(byte 0xE2\)/,
    );
    assert.match(
      notUtf8(() => decodeUtf8(Buffer.from([0x61, 0x81]), "a.md")).message,
      /^a\.md:1:2: not UTF-8: byte 0x81 is no UTF-8 character: save the file as UTF-8$/,
    );
  });

  it("reads a file from disk, naming it as messages show it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "utf8-"));
    try {
      writeFileSync(path.join(dir, "good.md"), "\uFEFFCafé\n");
      writeFileSync(path.join(dir, "bad.md"), LATIN_1);
      assert.equal(readUtf8File(path.join(dir, "good.md")), "Café\n");
      assert.match(
        notUtf8(() => readUtf8File(path.join(dir, "bad.md"), "posts/bad.md")).message,
        /^posts\/bad\.md:3:4: /,
      );
      assert.throws(() => readUtf8File(path.join(dir, "missing.md")), { code: "ENOENT" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops the build on a site.json that is not UTF-8, naming it, its line and column", () => {
    const dir = mkdtempSync(path.join(process.cwd(), "tests", ".tmp-utf8-"));
    try {
      const file = path.join(dir, "site.json");
      writeFileSync(file, Buffer.from('{\n  "title": "Caf\xe9 cr\xe8me"\n}\n', "latin1"));
      assert.match(
        notUtf8(() => loadSiteSettings(file)).message,
        new RegExp(`^${path.relative(process.cwd(), file).replace(/[.]/g, "\\.")}:2:16: not UTF-8`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads a file in chunks to the same text, whatever the chunks cut, and finds the same line and column", () => {
    const text = "\uFEFF<title>Café crème</title>\n<p>東京 🎙️ — “quoted”</p>\n";
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5, 7, 64]) assert.equal(streamed(bytes, size), text.slice(1), `chunks of ${size}`);

    const bad = Buffer.concat([bytes, Buffer.from("<p>Café</p>\n", "latin1")]);
    for (const size of [1, 2, 3, 5, 64]) {
      const error = notUtf8(() => streamed(bad, size));
      assert.deepEqual([error.file, error.line, error.column], ["export.xml", 3, 7], `chunks of ${size}`);
      assert.match(error.reason, /byte 0xE9 is "é" in Latin-1/);
    }
    assert.match(
      notUtf8(() => streamed(Buffer.from("ok —").subarray(0, 5), 2)).message,
      /^export\.xml:1:4: not UTF-8: the file ends in the middle of a character/,
    );
  });
});
