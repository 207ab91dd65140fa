import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite, buildSiteInChild, listFiles, tempProject } from "../support/build.ts";

const ARTICLE = "posts/2024-05-20-mindsets-for-the-future.md";
const OLD_URL = "en/2024/05/20/mindsets-for-the-future";
const NEW_URL = "en/2024/05/20/mindsets-for-what-comes-next";
const EPISODE = "posts/2024-01-24-navigating-the-evolution-of-cloud-infrastructure-insights-from-michael-galloway";

describe("npm run build into the output of an earlier build", () => {
  const project = tempProject("rebuild");
  const fresh = tempProject("rebuild-fresh");
  let before_: string[];
  let episodeUrl: string;

  before(async () => {
    buildSiteInChild(project.input, project.output);
    before_ = listFiles(project.output);
    // The episode's URL keeps its original slug (`slug:` in its front matter): find its page by its downloads.
    episodeUrl = path.dirname(before_.find((file) => file.endsWith(".vtt") && file.includes("/2024/01/24/"))!);
    // An author renames a post and deletes an episode, then builds again.
    for (const input of [project.input, fresh.input]) {
      const file = path.join(input, ARTICLE);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, 'title: "Mindsets for What Comes Next"'));
      rmSync(path.join(input, EPISODE), { recursive: true });
    }
    buildSiteInChild(project.input, project.output);
    await buildSite(fresh.input, fresh.output);
  });
  after(() => {
    project.remove();
    fresh.remove();
  });

  it("leaves no page at a renamed post's old URL, nor the page and downloads of a deleted episode", () => {
    assert.ok(before_.includes(path.join(OLD_URL, "index.html")));
    assert.equal(existsSync(path.join(project.output, OLD_URL)), false);
    assert.ok(existsSync(path.join(project.output, NEW_URL, "index.html")));
    assert.ok(
      before_.filter((file) => file.startsWith(`${episodeUrl}/`)).length >= 5,
      "the episode had its page and its downloads",
    );
    assert.equal(existsSync(path.join(project.output, episodeUrl)), false);
  });

  it("writes the same files as a build into an empty folder", () => {
    assert.deepEqual(listFiles(project.output).sort(), listFiles(fresh.output).sort());
  });
});
