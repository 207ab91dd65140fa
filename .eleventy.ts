import { datesPlugin } from "./src/dates/plugin.ts";
import { markdownPlugin } from "./src/markdown/plugin.ts";
import { peoplePlugin } from "./src/people/plugin.ts";
import { postsPlugin } from "./src/posts/plugin.ts";
import { loadSiteSettings } from "./src/site/settings.ts";
import { transcriptPlugin } from "./src/transcript/plugin.ts";
import type { EleventyConfig } from "./src/eleventy-config.ts";

const site = loadSiteSettings();

export default function (config: EleventyConfig) {
  config.addPlugin(markdownPlugin);
  config.addPlugin(datesPlugin(site.language));
  config.addPlugin(postsPlugin(site));
  config.addPlugin(transcriptPlugin);
  config.addPlugin(peoplePlugin);
  // The input is always content/ (or a test's copy of it under the git-ignored tests/.tmp/).
  config.setUseGitIgnore(false);
  config.addPassthroughCopy({ "content/assets": "assets" });
}

export const config = {
  // input (content/) and output (_site/) are given on the command line, so tests can build elsewhere
  dir: { includes: "../layouts", layouts: "../layouts", data: "_data" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk"],
};
