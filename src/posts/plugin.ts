import { DateTime } from "luxon";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { ListingPages } from "../site/listing-pages.ts";
import { isProductionBuild } from "../site/run-mode.ts";
import type { SiteSettings } from "../site/settings.ts";
import { newestFirst, tagPages, tagSummaries, yearArchives } from "./collections.ts";
import { readableCount } from "./counts.ts";
import { frontMatterEngine } from "./front-matter.ts";
import type { Post } from "./schema.ts";
import { unpublishedReason } from "./publishing.ts";
import { netlifyRedirects, redirectPagePath, redirectsOf, type Redirect } from "./redirects.ts";

/**
 * Posts are the Markdown files under `<input>/posts/`. Their front matter is validated as it is
 * read (see front-matter.ts); collections are lists of the validated posts.
 */
export function postsPlugin(site: SiteSettings, listings: ListingPages<Post[]>) {
  return (config: EleventyConfig) => {
    config.setFrontMatterParsingOptions({ engines: { yaml: frontMatterEngine(site.timeZone) } });

    // Drafts and posts dated in the future are left out of the production build entirely (page,
    // lists, feeds, sitemap, search); `npm start` shows them with a banner.
    config.addPreprocessor("unpublished", "md", (data) => {
      const post = data.post as Post | undefined;
      const reason = post && unpublishedReason(post, DateTime.now());
      if (!reason) return undefined;
      if (isProductionBuild()) return false;
      data.unpublished = reason;
      return undefined;
    });

    const published = (api: { getAll(): { data: Record<string, unknown> }[] }) =>
      newestFirst(api.getAll().flatMap((item) => (item.data.post ? [item.data.post as Post] : [])));

    config.addCollection("posts", (api) => published(api));
    config.addCollection("tagList", (api) => tagSummaries(published(api)));
    config.addCollection("years", (api) => yearArchives(published(api)));
    // The pages of tag.njk and year.njk: under `npm start`, only those whose posts changed.
    config.addCollection("tagPagesToRender", (api) => {
      const posts = published(api);
      return listings.toRender("tag pages", tagPages(posts, site.postsPerTagPage), posts);
    });
    config.addCollection("yearPagesToRender", (api) => {
      const posts = published(api);
      return listings.toRender("year pages", yearArchives(posts), posts);
    });
    config.addCollection("redirects", (api) => redirectsOf(published(api)));
    config.addFilter("readableCount", (count: number) => readableCount(count, site.language));
    config.addFilter("netlifyRedirects", (redirects: Redirect[]) => netlifyRedirects(redirects, site.pathPrefix));
    config.addFilter("redirectPagePath", redirectPagePath);
  };
}
