/**
 * Addresses in any script (issue #23): an episode titled "東京での対話" with guests "李明" and
 * "王芳" and tags "日本語" and "日本" builds, each at its own page, written on disk as it reads and
 * linked percent-encoded from every page, feed and the sitemap.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite, listFiles, readDocument, ROOT, tempProject } from "../support/build.ts";

const SITE = "https://alexis.monville.com";
const TITLE = "東京での対話";
const POST = `/en/2024/06/09/${TITLE}/`;
const PAGES = {
  post: POST,
  "guest 李明": "/people/李明/",
  "guest 王芳": "/people/王芳/",
  "tag 日本語": "/tags/日本語/",
  "tag 日本": "/tags/日本/",
};
/** How a link carries an address: its characters that are not ASCII percent-encoded as UTF-8. */
const encoded = (url: string) => encodeURI(url);

describe("addresses in any script", () => {
  const project = tempProject("addresses");
  const out = project.output;
  /** The file a root-relative URL is served from, the URL decoded as a server decodes it. */
  const fileOf = (url: string) => {
    const pathname = decodeURIComponent(new URL(url, SITE).pathname);
    return path.join(out, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
  };
  const page = (url: string) => readDocument(fileOf(url));

  before(async () => {
    cpSync(path.join(ROOT, "tests/fixtures/addresses"), path.join(project.input, "posts"), { recursive: true });
    // An old category's address leading to the tag page: what stopped the build at /tags// before.
    writeFileSync(
      path.join(project.input, "_data/redirects.json"),
      JSON.stringify([{ from: "/en/category/日本語/", to: "/tags/日本語/" }]),
    );
    await buildSite(project.input, out);
  });
  after(() => project.remove());

  it("writes the post, both guests' and both tags' pages at their own addresses, as they read, on disk", () => {
    const files = new Set(listFiles(out));
    for (const [what, url] of Object.entries(PAGES))
      assert.ok(files.has(path.join(url.slice(1), "index.html")), `${what}: no page at ${url}`);
    assert.equal(page(POST).querySelector("h1")?.textContent, TITLE);
    assert.equal(page("/people/李明/").querySelector("h1")?.textContent, "李明");
    assert.equal(page("/people/王芳/").querySelector("h1")?.textContent, "王芳");
    assert.equal(page("/tags/日本語/").querySelector("h1")?.textContent, "Tagged “日本語”");
    assert.equal(page("/tags/日本/").querySelector("h1")?.textContent, "Tagged “日本”");
    // The index pages are their own, not overwritten by a page at an empty address.
    assert.equal(page("/people/").querySelector("h1")?.textContent, "People");
    assert.equal(page("/tags/").querySelector("h1")?.textContent, "Tags");
    assert.ok(!files.has("en/2024/06/09/index.html"), "a page at the post's date without a slug");
  });

  it("links to them percent-encoded from the post, the people and tag lists, and each other", () => {
    const links = (url: string) => [...page(url).querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!);
    const post = links(POST);
    for (const url of ["/people/李明/", "/people/王芳/", "/tags/日本語/", "/tags/日本/"])
      assert.ok(post.includes(encoded(url)), `the post does not link to ${encoded(url)}:\n${post.join("\n")}`);
    for (const url of ["/people/李明/", "/people/王芳/"])
      assert.ok(links("/people/").includes(encoded(url)), `/people/ does not link to ${url}`);
    for (const url of ["/tags/日本語/", "/tags/日本/"])
      assert.ok(links("/tags/").includes(encoded(url)), `/tags/ does not link to ${url}`);
    for (const url of ["/people/李明/", "/people/王芳/", "/tags/日本語/", "/tags/日本/"])
      assert.ok(links(url).includes(encoded(POST)), `${url} does not link to the post`);
    // The link the show notes write to the post itself, through markdown-it.
    assert.ok(post.includes(`${encoded(POST)}#transcript`), "the show notes' link to the post");
  });

  it("has every link of these pages lead to a page the build wrote, with no address left empty", () => {
    const pages = [
      ...Object.values(PAGES),
      "/people/",
      "/tags/",
      "/",
      "/archive/",
      "/en/2024/",
      "/2024/06/09/東京での対話/",
      "/en/category/日本語/",
    ];
    for (const from of pages) {
      const document = page(from);
      const urls = [
        ...[...document.querySelectorAll("[href], [src]")].map((e) => e.getAttribute("href") ?? e.getAttribute("src")!),
        ...[...document.querySelectorAll('meta[http-equiv="refresh"]')].map((m) =>
          m.getAttribute("content")!.replace(/^\d+;\s*url=/, ""),
        ),
      ];
      for (const url of urls) {
        assert.doesNotMatch(url, /[^\x00-\x7f]/, `${from}: ${url} is not percent-encoded`);
        if (!url.startsWith("/") || url.startsWith("//")) continue;
        assert.doesNotMatch(url.split(/[?#]/)[0]!, /\/\//, `${from}: ${url} has an empty part`);
        assert.ok(existsSync(fileOf(url)), `${from} links to ${url} (${decodeURI(url)}): no such file`);
      }
    }
  });

  it("gives feeds, the sitemap, canonical links and redirects full, encoded URLs", () => {
    const canonical = `${SITE}${encoded(POST)}`;
    const post = page(POST);
    assert.equal(post.querySelector('link[rel="canonical"]')?.getAttribute("href"), canonical);
    assert.equal(post.querySelector('meta[property="og:url"]')?.getAttribute("content"), canonical);
    const jsonLd = JSON.parse(post.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<
      string,
      unknown
    >;
    assert.equal(jsonLd.url, canonical);
    assert.ok(JSON.stringify(jsonLd).includes(`${SITE}${encoded("/people/李明/")}`), "JSON-LD names the guests' pages");

    const sitemap = readFileSync(path.join(out, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    for (const url of Object.values(PAGES)) assert.ok(locs.includes(`${SITE}${encoded(url)}`), `sitemap: no ${url}`);
    assert.deepEqual(
      locs.filter((loc) => /[^\x00-\x7f]/.test(loc)),
      [],
      "sitemap URLs are ASCII",
    );

    const atom = readFileSync(path.join(out, "feed.xml"), "utf8");
    assert.ok(atom.includes(`<id>${canonical}</id>`), "Atom entry's id");
    assert.ok(atom.includes(`href="${canonical}"`), "Atom entry's link");
    const json = JSON.parse(readFileSync(path.join(out, "feed.json"), "utf8")) as {
      items: { url: string; id: string; content_html: string }[];
    };
    const item = json.items.find((i) => i.url === canonical);
    assert.ok(item, "JSON Feed item at the encoded URL");
    assert.ok(item.content_html.includes(`${canonical}#transcript`), "the transcript's link in the feed's content");

    // The post's old path and the old category page lead to them, encoded, with nothing at an empty address.
    const moved = page("/2024/06/09/東京での対話/");
    assert.equal(moved.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), `0; url=${encoded(POST)}`);
    assert.equal(moved.querySelector('link[rel="canonical"]')?.getAttribute("href"), canonical);
    const category = page("/en/category/日本語/");
    assert.equal(category.querySelector("a")?.getAttribute("href"), encoded("/tags/日本語/"));
    assert.doesNotMatch(readFileSync(path.join(out, "_redirects"), "utf8"), /\/(?:tags|people)\/\/|\/\/ /);
  });

  it("offers the transcript's downloads at the post's address", () => {
    const downloads = [...page(POST).querySelectorAll("a[download]")].map((a) => a.getAttribute("href")!);
    assert.ok(downloads.length > 0, "no transcript downloads");
    for (const url of downloads) {
      assert.ok(url.startsWith(encoded(POST)), url);
      assert.ok(existsSync(fileOf(url)), `${decodeURI(url)} was not written`);
    }
  });
});
