import { datesPlugin } from "./src/dates/plugin.ts";
import { markdownPlugin } from "./src/markdown/plugin.ts";
import { postsPlugin } from "./src/posts/plugin.ts";
import { loadSiteSettings } from "./src/site/settings.ts";
import type { EleventyConfig } from "./src/eleventy-config.ts";

const site = loadSiteSettings();

export default function (config: EleventyConfig) {
  config.addPlugin(markdownPlugin);
  config.addPlugin(datesPlugin(site.language));
  config.addPlugin(postsPlugin(site));
  config.ignores.add("content/posts/**/transcript.md");
  config.addPassthroughCopy({ "content/assets": "assets" });
}

export const config = {
  dir: { input: "content", includes: "../layouts", layouts: "../layouts", data: "_data", output: "_site" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk"],
};
