/**
 * How long each post takes, on the real content and an episode with audio: on the post's page
 * and in the lists. Expected figures are worked out here from the files, not from the site's code.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import matter from "gray-matter";
import { slugify } from "../../src/posts/slug.ts";
import { listFiles, readDocument } from "../support/build.ts";
import { sharedSite } from "../support/shared-site.ts";

const project = sharedSite("publishing");
const page = (url: string) => readDocument(path.join(project.output, url, "index.html"));
const shown = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((e) => e.textContent ?? "");

interface Expected {
  url: string;
  label: string;
}

/** The posts as their files say: an article's words at 238 a minute, an episode's audio or last transcript mark. */
function expectedTimes(): Expected[] {
  const posts = path.join(project.input, "posts");
  return listFiles(posts)
    .filter((f) => f.endsWith(".md") && path.basename(f) !== "transcript.md")
    .map((file) => {
      const { data, content } = matter(readFileSync(path.join(posts, file), "utf8"));
      const date = String(data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date);
      const slug = data.slug ?? slugify(data.title);
      const url = `/en/${date.replaceAll("-", "/")}/${slug}/`;
      if (data.draft || date > "2090") return null;
      if (data.audio) {
        const [h, m, s] = String(data.audio.duration).split(":").map(Number);
        return { url, label: `${Math.round((h! * 3600 + m! * 60 + s!) / 60)} min` };
      }
      if (data.kind === "episode") {
        const transcript = readFileSync(path.join(posts, path.dirname(file), "transcript.md"), "utf8");
        const marks = [...transcript.matchAll(/\[(\d\d):(\d\d):(\d\d)\]/g)].map(
          (m) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]),
        );
        return { url, label: `about ${Math.round(Math.max(...marks) / 60)} min` };
      }
      const words = content.replace(/\]\([^)]*\)/g, "]").match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
      return { url, label: `${Math.max(1, Math.round(words / 238))} min read` };
    })
    .filter((e): e is Expected => e !== null);
}

describe("how long each post takes", () => {
  before(() => project.build());
  after(() => project.release());

  it("shows it in each post's header: minutes of reading, the audio's length, or an estimate from the transcript", () => {
    const expected = expectedTimes();
    assert.ok(expected.length >= 13);
    assert.ok(
      expected.some((e) => e.label.endsWith(" min read")) &&
        expected.some((e) => e.label.startsWith("about ")) &&
        expected.some((e) => /^\d+ min$/.test(e.label)),
    );
    for (const { url, label } of expected) assert.deepEqual(shown(page(url), ".post-meta .reading-time"), [label], url);
  });

  it("shows it on every card of the home page and of a tag page", () => {
    const byUrl = new Map(expectedTimes().map((e) => [e.url, e.label]));
    for (const url of ["/", "/tags/culture/"]) {
      const cards = [...page(url).querySelectorAll(".post-card")];
      assert.ok(cards.length > 1, url);
      for (const card of cards) {
        const href = card.querySelector(".post-card-title a")!.getAttribute("href")!;
        assert.equal(card.querySelector(".reading-time")?.textContent, byUrl.get(href), `${href} on ${url}`);
      }
    }
  });
});
