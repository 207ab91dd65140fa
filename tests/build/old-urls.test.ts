import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite, readDocument, tempProject } from "../support/build.ts";
import { MOVED_POST, SITE_REDIRECTS } from "../support/old-urls.ts";

const SITE = "https://alexis.monville.com";
const MOVED = "/en/2024/08/01/a-moved-article/";

/** Every message of an error and of its causes, as Eleventy wraps them. */
function messages(error: unknown): string {
  const chain: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError)
    chain.push(e.message);
  return chain.join("\n");
}

describe("old URLs keep answering", () => {
  const project = tempProject("old-urls");
  const out = project.output;
  const read = (file: string) => readFileSync(path.join(out, file), "utf8");

  before(async () => {
    writeFileSync(path.join(project.input, "posts/2024-08-01-a-moved-article.md"), MOVED_POST);
    writeFileSync(path.join(project.input, "_data/redirects.json"), JSON.stringify(SITE_REDIRECTS, null, 2));
    await buildSite(project.input, out);
  });
  after(() => project.remove());

  it("writes a redirect page at every old path, a post's and the site's, leading to its page", () => {
    const expected: [string, string][] = [
      ["2024/08/01/a-moved-article/index.html", MOVED],
      ["en/2024/08/01/a-moved-article/photo/index.html", MOVED],
      ["en/category/strategy/index.html", "/tags/strategy/"],
      ["2024/index.html", "/en/2024/"],
      ["en/2024/06/index.html", "/en/2024/"],
      ["feed/index.html", "/feed.xml"],
    ];
    for (const [file, to] of expected) {
      const doc = readDocument(path.join(out, file));
      assert.equal(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), `0; url=${to}`, file);
      assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), `${SITE}${to}`, file);
      assert.equal(doc.querySelector("a")?.getAttribute("href"), to, file);
      assert.ok(existsSync(path.join(out, to.endsWith("/") ? `${to}index.html` : to)), `${to} is a page of the build`);
    }
  });

  it("lists them all in _redirects: paths as they are, query links in Netlify's query form on the root, forced", () => {
    assert.equal(
      read("_redirects"),
      [
        `/2024/08/01/a-moved-article/ ${MOVED} 301`,
        `/en/2024/08/01/a-moved-article/photo/ ${MOVED} 301`,
        `/ p=123 ${MOVED} 301!`,
        `/ attachment_id=456 ${MOVED} 301!`,
        "/en/category/strategy/ /tags/strategy/ 301",
        "/2024/ /en/2024/ 301",
        "/en/2024/06/ /en/2024/ 301",
        "/ page_id=12 /about/ 301!",
        "/feed/ /feed.xml 301",
        "",
      ].join("\n"),
    );
  });

  it("maps the query links for the home page's script, which the home page and the 404 page load", () => {
    assert.deepEqual(JSON.parse(read("old-links.json")), {
      p: { "123": MOVED },
      attachment_id: { "456": MOVED },
      page_id: { "12": "/about/" },
    });
    for (const file of ["index.html", "404.html"]) {
      const scripts = [...readDocument(path.join(out, file)).querySelectorAll("script")].map(
        (s) => `${s.getAttribute("type")} ${s.getAttribute("src")}`,
      );
      assert.ok(scripts.includes("module /assets/old-links.js"), `${file}: ${scripts.join(", ")}`);
    }
    assert.ok(existsSync(path.join(out, "assets/old-links.js")));
    assert.ok(
      !existsSync(path.join(out, "index.html?p=123")) && !existsSync(path.join(out, "?p=123")),
      "no page at a query link",
    );
  });

  it("leaves the live pages as they were", () => {
    assert.equal(readDocument(path.join(out, MOVED, "index.html")).querySelector("h1")?.textContent, "A Moved Article");
    assert.match(readDocument(path.join(out, "en/2024/index.html")).querySelector("h1")?.textContent ?? "", /2024/);
  });
});

describe("old URLs that cannot work", () => {
  const projects: ReturnType<typeof tempProject>[] = [];
  after(() => {
    for (const project of projects) project.remove();
  });

  async function buildWith(redirects: string, post = MOVED_POST) {
    const project = tempProject("old-urls-bad");
    projects.push(project);
    writeFileSync(path.join(project.input, "posts/2024-08-01-a-moved-article.md"), post);
    writeFileSync(path.join(project.input, "_data/redirects.json"), redirects);
    await buildSite(project.input, project.output);
    return project;
  }

  it("stops the build on a bad entry of redirects.json, naming the file, the entry's index and what is wrong", async () => {
    await assert.rejects(
      buildWith(JSON.stringify([SITE_REDIRECTS[0], { from: "/en/tag/x/", to: "tags/x/" }])),
      (error: Error) => {
        assert.match(
          messages(error),
          /content\/_data\/redirects\.json: entry \[1\] \(from \/en\/tag\/x\/\) field "to" must be a path from the site's root, starting with \//,
        );
        return true;
      },
    );
  });

  it("stops the build on a site redirect to a page the build does not write, or from a live post's address", async () => {
    const redirects = JSON.stringify([
      { from: "/en/category/gone/", to: "/tags/gone/" },
      { from: MOVED, to: "/" },
    ]);
    await assert.rejects(buildWith(redirects), (error: Error) => {
      const text = messages(error);
      assert.match(text, /content\/_data\/redirects\.json: entry \[0\]: "to" \/tags\/gone\/ is not a page of the site/);
      assert.match(
        text,
        new RegExp(`content/_data/redirects\\.json: entry \\[1\\]: ${MOVED} is the address of a live post`),
      );
      return true;
    });
  });

  it("stops the build on a site redirect to another path that the build did not write", async () => {
    await assert.rejects(
      buildWith(
        JSON.stringify([
          { from: "/old-about/", to: "/about" },
          { from: "/old-home/", to: "/" },
        ]),
      ),
      (error: Error) => {
        assert.match(
          messages(error),
          /content\/_data\/redirects\.json: entry \[0\]: "to" \/about is not a page the build wrote \(did you mean \/about\/\?\)/,
        );
        assert.doesNotMatch(messages(error), /entry \[1\]/);
        return true;
      },
    );
  });

  it("writes no map and loads no script when no old address is a query link", async () => {
    const project = await buildWith("[]", MOVED_POST.replace("  - /?p=123\n  - /?attachment_id=456\n", ""));
    assert.ok(!existsSync(path.join(project.output, "old-links.json")));
    assert.ok(!readFileSync(path.join(project.output, "index.html"), "utf8").includes("old-links.js"));
    assert.equal(
      readFileSync(path.join(project.output, "_redirects"), "utf8"),
      `/2024/08/01/a-moved-article/ ${MOVED} 301\n/en/2024/08/01/a-moved-article/photo/ ${MOVED} 301\n`,
    );
  });
});
