import { readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { SiteSettings } from "../site/settings.ts";
import { newestFirst, tagPages, tagSummaries, yearArchives } from "./collections.ts";
import { frontMatterOptions, readFrontMatter } from "./front-matter.ts";
import { parsePost, type Post } from "./schema.ts";

export const POSTS_DIR = "posts";

/**
 * Posts are the Markdown files under `<input>/posts/`. Each one's front matter is validated
 * before it renders (a bad file stops the build with file, line and field), becomes `post`
 * in its data, and gives the page its URL. Collections are lists of validated posts.
 */
export function postsPlugin(site: SiteSettings) {
  return (config: EleventyConfig) => {
    config.setFrontMatterParsingOptions(frontMatterOptions);

    const posts = new Map<string, Post>();

    config.addPreprocessor("post-front-matter", "md", function (data) {
      const file = path.relative(process.cwd(), this.inputPath);
      if (!file.split(path.sep).includes(POSTS_DIR) || path.basename(file) === "transcript.md") return undefined;
      const source = readFileSync(this.inputPath, "utf8");
      const post = parsePost(readFrontMatter(source).data, file, site.timeZone, source);
      posts.set(file, post);
      data.post = post;
      data.permalink = post.url;
      return undefined;
    });

    const published = (api: { getAll(): { data: Record<string, unknown> }[] }) =>
      newestFirst(api.getAll().flatMap((item) => (item.data.post ? [item.data.post as Post] : [])));

    config.addCollection("posts", (api) => published(api));
    config.addCollection("tagList", (api) => tagSummaries(published(api)));
    config.addCollection("tagPages", (api) => tagPages(published(api), site.postsPerTagPage));
    config.addCollection("years", (api) => yearArchives(published(api)));
  };
}
