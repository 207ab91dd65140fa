import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite, normalizeText, readDocument, tempProject } from "../support/build.ts";
import { readSearchRecords } from "../support/search.ts";

const VNU = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");
const ARTICLE = "/en/2024/08/02/an-article-with-comments/";
const MARIA = "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/";
const HOSTILE_AUTHOR = "<script>alert(1)</script>";
const HOSTILE_TEXT = 'Nice <img src=x onerror=alert(2)> and <a href="javascript:alert(3)">click</a>';

/** An article whose old comments include a hostile one, and a newsletter block after them. */
const POST = `---
title: "An Article With Comments"
date: 2024-08-02
kind: article
tags: [Culture]
newsletter: true
comments:
  - author: "${HOSTILE_AUTHOR}"
    date: "2024-06-10T08:12:00-07:00"
    text: ${JSON.stringify(`${HOSTILE_TEXT}\n\njavascript:alert(4) and https://example.com/plain`)}
  - author: "Sam Quillfeather"
    date: 2024-06-11
    text: "Thanks.\\nA second line."
    in_reply_to: "${HOSTILE_AUTHOR}"
---

The post's own text.
`;

describe("comments from the original site", () => {
  const project = tempProject("comments");
  const out = project.output;
  const page = (url: string) => readDocument(path.join(out, url, "index.html"));

  before(async () => {
    writeFileSync(path.join(project.input, "posts/2024-08-02-an-article-with-comments.md"), POST);
    // An episode's comments go after its transcript.
    const maria = path.join(
      project.input,
      "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/index.md",
    );
    writeFileSync(
      maria,
      readFileSync(maria, "utf8").replace(
        "\n---\n",
        '\ncomments:\n  - author: "Jane Reader"\n    date: "2024-06-10"\n    text: "Ramen, what a metaphor."\n---\n',
      ),
    );
    await buildSite(project.input, out);
  });
  after(() => project.remove());

  it("shows them under the post, read-only, each with its author, date, whom it answers and its paragraphs", () => {
    const doc = page(ARTICLE);
    const section = doc.querySelector("section.comments")!;
    assert.equal(section.getAttribute("aria-labelledby"), "comments");
    assert.equal(section.querySelector("h2#comments")?.textContent, "Comments from the original site");
    assert.match(
      normalizeText(section.querySelector(".comments-intro")!.textContent!),
      /left on the blog’s earlier home\. They are kept here to read; comments are closed\.$/,
    );
    assert.equal(section.querySelectorAll("form, textarea, input").length, 0, "no form");
    const [hostile, answer] = [...section.querySelectorAll("article.comment")];
    assert.equal(hostile!.querySelector(".comment-author")!.textContent, HOSTILE_AUTHOR);
    assert.equal(hostile!.querySelector("time")!.getAttribute("datetime"), "2024-06-10");
    assert.equal(hostile!.querySelector("time")!.textContent, "June 10, 2024");
    assert.deepEqual(
      [...hostile!.querySelectorAll("p:not(.comment-meta)")].map((p) => p.textContent),
      [HOSTILE_TEXT, "javascript:alert(4) and https://example.com/plain"],
    );
    assert.equal(answer!.querySelector(".comment-author")!.textContent, "Sam Quillfeather");
    assert.equal(
      normalizeText(answer!.querySelector(".comment-meta")!.textContent!),
      `June 11, 2024 in reply to ${HOSTILE_AUTHOR}`,
    );
    assert.equal(answer!.querySelector("p:not(.comment-meta)")!.innerHTML, "Thanks.<br>A second line.");
  });

  it("keeps every hostile string inert: no script, image, link or handler comes from a comment", () => {
    const doc = page(ARTICLE);
    const section = doc.querySelector("section.comments")!;
    assert.equal(
      section.querySelectorAll("script, img, a, svg, iframe").length,
      0,
      "names are plain text, never links; bare URLs stay text",
    );
    for (const element of section.querySelectorAll("*"))
      assert.deepEqual(
        [...element.getAttributeNames()].filter((name) => name.startsWith("on")),
        [],
        element.tagName,
      );
    assert.equal(doc.querySelectorAll('img[src="x"]').length, 0);
    assert.ok(![...doc.querySelectorAll("script")].some((script) => script.textContent?.includes("alert(")));
    assert.ok(!readFileSync(path.join(out, ARTICLE, "index.html"), "utf8").includes("<script>alert(1)"));
  });

  it("places them after the post's text (an episode's after its transcript) and before the newsletter block", () => {
    const order = (url: string) =>
      [
        ...page(url).querySelectorAll(
          "article.post > .post-body, article.post > .transcript, article.post > .comments, article.post .newsletter",
        ),
      ].map((element) => element.className.split(" ")[0]);
    assert.deepEqual(order(ARTICLE), ["post-body", "comments", "newsletter"]);
    assert.deepEqual(order(MARIA), ["post-body", "transcript", "comments"]);
  });

  it("keeps them out of the search index and the feeds", () => {
    assert.equal(page(ARTICLE).querySelector("section.comments")!.getAttribute("data-pagefind-ignore"), "all");
    const records = readSearchRecords(out);
    assert.ok(
      records.some((r) => r.content.includes("The post's own text")),
      "the post is indexed",
    );
    for (const record of records) assert.ok(!/Quillfeather|what a metaphor|alert\(/.test(record.content), record.url);
    for (const feed of ["feed.xml", "feed.json"]) {
      const text = readFileSync(path.join(out, feed), "utf8");
      assert.match(text, /The post&#39;s own text|The post's own text|The post&apos;s own text/, feed);
      assert.doesNotMatch(text, /Quillfeather|what a metaphor|Comments from the original site/, feed);
    }
  });

  it("is valid HTML", () => {
    let report = "";
    try {
      execFileSync(
        "java",
        [
          "-jar",
          VNU,
          "--errors-only",
          "--format",
          "gnu",
          path.join(out, ARTICLE, "index.html"),
          path.join(out, MARIA, "index.html"),
        ],
        { encoding: "utf8", stdio: "pipe" },
      );
    } catch (error) {
      report = String((error as { stderr?: string }).stderr ?? error);
    }
    assert.equal(report, "");
  });
});
