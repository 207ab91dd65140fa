import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { cardsPlugin } from "./src/cards/plugin.ts";
import { datesPlugin } from "./src/dates/plugin.ts";
import type { EleventyConfig } from "./src/eleventy-config.ts";
import { feedsPlugin } from "./src/feeds/plugin.ts";
import { filesPlugin } from "./src/files/plugin.ts";
import { i18nPlugin } from "./src/i18n/plugin.ts";
import { Words } from "./src/i18n/words.ts";
import { imagesPlugin } from "./src/images/plugin.ts";
import { markdownPlugin } from "./src/markdown/plugin.ts";
import { postsPlugin } from "./src/posts/plugin.ts";
import { contentSecurityPolicy } from "./src/security/csp.ts";
import { securityPlugin } from "./src/security/plugin.ts";
import { searchPlugin } from "./src/search/plugin.ts";
import { seoPlugin } from "./src/seo/plugin.ts";
import { ListingPages } from "./src/build/listing-pages.ts";
import { listingPagesPlugin, outputPlugin } from "./src/build/plugin.ts";
import { isProductionBuild } from "./src/build/run-mode.ts";
import { loadSiteSettings } from "./src/site/settings.ts";
import type { Post } from "./src/posts/schema.ts";
import { transcriptPlugin } from "./src/transcript/plugin.ts";
import { TranscriptStore } from "./src/transcript/store.ts";

// The dictionaries of the build under way (the i18n plugin says where they are), for the words of
// the transcripts' HTML.
const words = new Words();
const transcripts = new TranscriptStore(isProductionBuild, (lang) => words.say(lang, "transcript.estimated"));

export default function (config: EleventyConfig) {
  // The same file Eleventy gives templates as `site`, wherever the input folder is.
  const site = loadSiteSettings(path.join(config.directories.data, "site.json"));
  // Every page's layout shows the policy, the one part of it that depends on the posts.
  const listings = new ListingPages((posts: Post[]) => contentSecurityPolicy(site, posts, "meta"));
  config.addPlugin(filesPlugin);
  config.addPlugin(markdownPlugin);
  config.addPlugin(i18nPlugin(site.language, words));
  config.addPlugin(datesPlugin(site.language));
  config.addPlugin(
    postsPlugin(site, listings, (inputPath, post) => transcripts.load(inputPath, post)?.transcript.end ?? null),
  );
  // Before the plugins that write files at the end of the build: the search index starts first.
  config.addPlugin(searchPlugin(site, transcripts, listings));
  config.addPlugin(transcriptPlugin(transcripts));
  config.addPlugin(imagesPlugin(config.directories.input));
  config.addPlugin(cardsPlugin(site, words));
  config.addPlugin(feedsPlugin(site, transcripts, words));
  config.addPlugin(seoPlugin(site, listings));
  config.addPlugin(securityPlugin(site));
  config.addPlugin(listingPagesPlugin(listings));
  config.addPlugin(outputPlugin);
  // The input is always content/ (or a test's copy of it under the git-ignored tests/.tmp/).
  config.setUseGitIgnore(false);
  // Under `npm start`, Eleventy waits until a saved file has not changed for 150 ms before it
  // rebuilds; editors write a file at once, so 40 ms is enough and the wait is a third of the goal.
  config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
  config.addPassthroughCopy({ [path.join(config.directories.input, "assets")]: "assets" });
  // Under a path prefix ("/repo/", from site.json's pathPrefix or PATH_PREFIX), Eleventy's HTML
  // base plugin rewrites every root-relative URL of the HTML pages (links, assets, forms, meta
  // refresh) to start with it; with the default "/" it leaves the output as it is. URLs outside
  // HTML (feeds, sitemap, _redirects, _headers) and full URLs are made with the prefix by our code.
  // Redirect pages may be written at an old `.htm` path: those are HTML too.
  config.addPlugin(HtmlBasePlugin, { extensions: "html,htm" });
  // Merged with `config` below: Eleventy reads the prefix from what this function returns.
  return { pathPrefix: site.pathPrefix };
}

export const config = {
  // input (content/) and output (_site/) are given on the command line, so tests can build elsewhere
  dir: { includes: "../layouts", layouts: "../layouts", data: "_data" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk"],
};
