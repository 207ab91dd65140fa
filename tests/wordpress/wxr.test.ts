import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { parseWxr, readWxr, WxrError } from "../../src/wordpress/wxr.ts";

const NS = `xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"`;
const EXPORT = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" ${NS}>
<channel>
  <title>Alexis Monville</title>
  <link>https://alexis.monville.com</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://alexis.monville.com</wp:base_site_url>
  <wp:base_blog_url>https://alexis.monville.com</wp:base_blog_url>
  <wp:author><wp:author_login><![CDATA[alexis]]></wp:author_login><wp:author_display_name><![CDATA[Alexis Monville]]></wp:author_display_name></wp:author>
  <item>
    <title><![CDATA[Playing to Win & <more>]]></title>
    <link>https://alexis.monville.com/en/2024/04/10/playing-to-win/</link>
    <dc:creator><![CDATA[alexis]]></dc:creator>
    <content:encoded><![CDATA[<p>Where to play ]]]]><![CDATA[> how to win</p>]]></content:encoded>
    <excerpt:encoded><![CDATA[A book review.]]></excerpt:encoded>
    <wp:post_id>42</wp:post_id>
    <wp:post_date><![CDATA[2024-04-10 09:00:00]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[2024-04-10 16:00:00]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[playing-to-win]]></wp:post_name>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_parent>0</wp:post_parent>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <category domain="category" nicename="books"><![CDATA[Books]]></category>
    <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[7]]></wp:meta_value></wp:postmeta>
    <wp:comment>
      <wp:comment_id>3</wp:comment_id>
      <wp:comment_author><![CDATA[Jane Reader]]></wp:comment_author>
      <wp:comment_author_email><![CDATA[jane.secret@example.com]]></wp:comment_author_email>
      <wp:comment_author_IP><![CDATA[203.0.113.77]]></wp:comment_author_IP>
      <wp:comment_author_url>https://jane.example</wp:comment_author_url>
      <wp:comment_date><![CDATA[2024-04-11 08:00:00]]></wp:comment_date>
      <wp:comment_date_gmt><![CDATA[2024-04-11 15:00:00]]></wp:comment_date_gmt>
      <wp:comment_content><![CDATA[Thanks!]]></wp:comment_content>
      <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
      <wp:comment_type><![CDATA[comment]]></wp:comment_type>
      <wp:comment_parent>0</wp:comment_parent>
    </wp:comment>
  </item>
</channel>
</rss>
`;

describe("reading a WordPress export", () => {
  it("reads the site, the authors and each item's fields, CDATA split around ]]> included", () => {
    const wxr = parseWxr(EXPORT);
    assert.equal(wxr.wxrVersion, "1.2");
    assert.equal(wxr.baseBlogUrl, "https://alexis.monville.com");
    assert.equal(wxr.authors.get("alexis"), "Alexis Monville");
    const [item] = wxr.items;
    assert.equal(item!.title, "Playing to Win & <more>");
    assert.equal(item!.content, "<p>Where to play ]]> how to win</p>");
    assert.equal(item!.id, 42);
    assert.equal(item!.line, 10);
    assert.deepEqual(item!.terms, [{ domain: "category", slug: "books", name: "Books" }]);
    assert.equal(item!.meta.get("_thumbnail_id"), "7");
    assert.equal(item!.comments[0]!.author, "Jane Reader");
    assert.equal(item!.comments[0]!.approved, "1");
  });

  it("never keeps a commenter's e-mail, IP address or website", () => {
    const kept = JSON.stringify(parseWxr(EXPORT).items, (_key, value) => (value instanceof Map ? [...value] : value));
    assert.doesNotMatch(kept, /jane\.secret|203\.0\.113\.77|jane\.example/);
  });

  it("reads a file from disk in chunks to the same result", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wxr-"));
    try {
      const file = path.join(dir, "export.xml");
      writeFileSync(file, EXPORT);
      const streamed = await readWxr(file);
      assert.deepEqual(streamed.items, parseWxr(EXPORT, file).items);
      await assert.rejects(readWxr(path.join(dir, "missing.xml")), /missing\.xml: no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the export, the line and the column where a Latin-1 export is not UTF-8, and says to save it as UTF-8", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wxr-"));
    try {
      const file = path.join(dir, "export.xml");
      const [head, tail] = EXPORT.split("Thanks!");
      writeFileSync(
        file,
        Buffer.concat([Buffer.from(head!), Buffer.from("Très utile, merci !", "latin1"), Buffer.from(tail!)]),
      );
      const line = head!.split("\n").length;
      const column = head!.split("\n").at(-1)!.length + 3;
      await assert.rejects(readWxr(file, "old-site/export.xml"), (error: Error) => {
        assert.ok(error instanceof WxrError, String(error));
        assert.equal(
          error.message,
          `old-site/export.xml:${line}:${column}: not UTF-8: byte 0xE8 is "è" in Latin-1 (Windows-1252), which the file looks saved in: open it as Latin-1 and save it as UTF-8`,
        );
        return true;
      });

      writeFileSync(file, `\uFEFF${EXPORT}`);
      assert.deepEqual((await readWxr(file)).items, parseWxr(EXPORT, file).items);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the file, line and column of malformed XML", () => {
    assert.throws(
      () => parseWxr(EXPORT.replace("</wp:post_name>", "</wp:post_nam>"), "export.xml"),
      (error: Error) => error instanceof WxrError && /^export\.xml:19:\d+: unexpected close tag/.test(error.message),
    );
  });

  it("says that an RSS feed or another XML file is not an export", () => {
    assert.throws(
      () => parseWxr(`<rss version="2.0"><channel><title>Feed</title></channel></rss>`, "feed.xml"),
      /feed\.xml: not a WordPress export: <wp:wxr_version> is missing/,
    );
    assert.throws(
      () => parseWxr(`<html><body/></html>`, "page.xml"),
      /page\.xml: not a WordPress export: there is no <rss> element/,
    );
  });
});
