import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite, readDocument, tempProject } from "../support/build.ts";

/** The seed's 12 posts and 13 more, dated after them: more than the home page shows. */
const ADDED = 13;

describe("the home page of a blog with more posts than it shows", () => {
  const project = tempProject("home");
  const page = (url: string) => readDocument(path.join(project.output, url, "index.html"));
  const postLinks = (document: Document) =>
    [...document.querySelectorAll(".post-card-title a")].map((a) => a.getAttribute("href"));
  let shown: number;

  before(async () => {
    shown = (
      JSON.parse(readFileSync(path.join(project.input, "_data/site.json"), "utf8")) as { postsOnHomePage: number }
    ).postsOnHomePage;
    for (let n = 1; n <= ADDED; n++) {
      const day = String(n).padStart(2, "0");
      writeFileSync(
        path.join(project.input, `posts/2025-01-${day}-note-${n}.md`),
        `---\ntitle: "Leadership note ${n}"\ndate: 2025-01-${day}\nkind: article\ndescription: "A short note."\ntags: [Strategy]\n---\n\nA short note on leadership, number ${n}.\n`,
      );
    }
    await buildSite(project.input, project.output);
  });
  after(() => project.remove());

  it("shows the newest posts, as many as the settings say, and links to the archive for the rest", () => {
    const home = page("/");
    const archive = postLinks(page("/archive/"));
    assert.equal(archive.length, 12 + ADDED);
    assert.ok(shown < archive.length, `postsOnHomePage is ${shown}`);
    assert.deepEqual(postLinks(home), archive.slice(0, shown));
    assert.equal(postLinks(home)[0], "/en/2025/01/13/leadership-note-13/");
    const more = home.querySelector("p.more a")!;
    assert.equal(more.getAttribute("href"), "/archive/");
    assert.equal(more.textContent, `All ${12 + ADDED} posts and episodes, by year`);
  });
});
