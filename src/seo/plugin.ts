import { writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { absoluteUrl } from "../feeds/entries.ts";
import type { Post } from "../posts/schema.ts";
import { BuiltPages, type ListingChanges } from "../build/built-pages.ts";
import type { SiteSettings } from "../site/settings.ts";
import { postJsonLd, scriptSafeJson } from "./json-ld.ts";
import { encodeLinks } from "../site/links.ts";
import { sitemap } from "./sitemap.ts";

const NOINDEX = /<meta name="robots" content="noindex">/;

/** Search engines and link previews: JSON-LD for posts, absolute URLs for meta tags, sitemap.xml. */
export function seoPlugin(site: SiteSettings, listings: ListingChanges) {
  return (config: EleventyConfig) => {
    config.addFilter("jsonLd", (post: Post) => scriptSafeJson(postJsonLd(site, post)));
    config.addFilter("absoluteUrl", (path: string) => absoluteUrl(site, path));
    // Links to an address in another script (/tags/日本/) percent-encoded in every page (and
    // redirect page), whichever template wrote them; the page itself is written at /tags/日本/.
    // Full URLs (canonical, og:url, JSON-LD, feeds, sitemap) are encoded by absoluteUrl.
    config.addTransform("encodeLinks", function (content) {
      const output = this.page.outputPath;
      return typeof output === "string" && /\.html?$/.test(output) ? encodeLinks(content) : content;
    });
    // Written from what the builds wrote, so no page is missed (pages paginated over collections
    // are not in `collections.all`, and under `npm start` a build reports only what it rebuilt);
    // pages marked noindex (404, redirects) stay out.
    const indexable = new BuiltPages((page) => (NOINDEX.test(page.content) ? null : { url: absoluteUrl(site, page.url) }));
    config.on("eleventy.after", ({ directories, results }) => {
      const pages = indexable.update(results, listings).sort((a, b) => a.url.localeCompare(b.url));
      writeFileSync(path.join(directories.output, "sitemap.xml"), sitemap(pages));
    });
  };
}
