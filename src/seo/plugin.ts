import { machineDate } from "../dates/dates.ts";
import type { CollectionItem, EleventyConfig } from "../eleventy-config.ts";
import { absoluteUrl } from "../feeds/entries.ts";
import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";
import { postJsonLd, scriptSafeJson } from "./json-ld.ts";
import { sitemap } from "./sitemap.ts";

/** Search engines and link previews: JSON-LD for posts, absolute URLs for meta tags, sitemap.xml. */
export function seoPlugin(site: SiteSettings) {
  return (config: EleventyConfig) => {
    config.addFilter("jsonLd", (post: Post) => scriptSafeJson(postJsonLd(site, post)));
    config.addFilter("absoluteUrl", (path: string) => absoluteUrl(site, path));
    config.addFilter("sitemap", (items: CollectionItem[]) =>
      sitemap(
        items
          .filter((item) => item.url && item.data.sitemap !== false)
          .map((item) => ({
            url: absoluteUrl(site, item.url),
            lastmod: item.data.post ? machineDate((item.data.post as Post).date) : undefined,
          }))
          .sort((a, b) => a.url.localeCompare(b.url)),
      ),
    );
  };
}
