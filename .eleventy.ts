import path from "node:path";
import { datesPlugin } from "./src/dates/plugin.ts";
import type { EleventyConfig } from "./src/eleventy-config.ts";
import { feedsPlugin } from "./src/feeds/plugin.ts";
import { imagesPlugin } from "./src/images/plugin.ts";
import { markdownPlugin } from "./src/markdown/plugin.ts";
import { peoplePlugin } from "./src/people/plugin.ts";
import { postsPlugin } from "./src/posts/plugin.ts";
import { securityPlugin } from "./src/security/plugin.ts";
import { searchPlugin } from "./src/search/plugin.ts";
import { seoPlugin } from "./src/seo/plugin.ts";
import { outputPlugin } from "./src/site/plugin.ts";
import { isProductionBuild } from "./src/site/run-mode.ts";
import { loadSiteSettings } from "./src/site/settings.ts";
import { transcriptPlugin } from "./src/transcript/plugin.ts";
import { TranscriptStore } from "./src/transcript/store.ts";

const transcripts = new TranscriptStore(isProductionBuild);

export default function (config: EleventyConfig) {
  // The same file Eleventy gives templates as `site`, wherever the input folder is.
  const site = loadSiteSettings(path.join(config.directories.data, "site.json"));
  config.addPlugin(markdownPlugin);
  config.addPlugin(datesPlugin(site.language));
  config.addPlugin(postsPlugin(site));
  config.addPlugin(transcriptPlugin(transcripts));
  config.addPlugin(peoplePlugin);
  config.addPlugin(imagesPlugin(config.directories.input));
  config.addPlugin(feedsPlugin(site, transcripts));
  config.addPlugin(seoPlugin(site));
  config.addPlugin(securityPlugin(site));
  config.addPlugin(searchPlugin(site, transcripts));
  config.addPlugin(outputPlugin);
  // The input is always content/ (or a test's copy of it under the git-ignored tests/.tmp/).
  config.setUseGitIgnore(false);
  config.addPassthroughCopy({ [path.join(config.directories.input, "assets")]: "assets" });
}

export const config = {
  // input (content/) and output (_site/) are given on the command line, so tests can build elsewhere
  dir: { includes: "../layouts", layouts: "../layouts", data: "_data" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk"],
};
