import { writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { absoluteUrl } from "../feeds/entries.ts";
import { postOf } from "../posts/front-matter.ts";
import type { Post } from "../posts/schema.ts";
import { translationsByUrl } from "../posts/translations.ts";
import { BuiltPages, type ListingChanges } from "../build/built-pages.ts";
import { oncePerBuild } from "../build/once-per-build.ts";
import type { SiteSettings } from "../site/settings.ts";
import { languageLinks, type LanguageLink } from "./alternates.ts";
import { postJsonLd, scriptSafeJson } from "./json-ld.ts";
import { encodeLinks } from "../site/links.ts";
import { sitemap } from "./sitemap.ts";

const NOINDEX = /<meta name="robots" content="noindex">/;

/**
 * Search engines and link previews: JSON-LD for posts, absolute URLs for meta tags, a post's
 * versions in other languages (the head's hreflang links and og:locale:alternate,
 * layouts/partials/alternates.njk, and the sitemap's), sitemap.xml.
 */
export function seoPlugin(site: SiteSettings, listings: ListingChanges) {
  return (config: EleventyConfig) => {
    config.addFilter("jsonLd", (post: Post) => scriptSafeJson(postJsonLd(site, post)));
    config.addFilter("absoluteUrl", (path: string) => absoluteUrl(site, path));
    // Each post's versions in other languages and its hreflang links, by the post's URL, worked out
    // once a build as the collections are made: before any page is rendered, and at every build,
    // so that the sitemap has them whatever pages a build of `npm start` rendered again.
    let versions = { translations: new Map<string, Post[]>(), links: new Map<string, LanguageLink[]>() };
    config.addCollection(
      "translations",
      oncePerBuild((api) => {
        const posts = api.getAll().flatMap((item) => postOf(item) ?? []);
        const translations = translationsByUrl(posts);
        const links = new Map(
          posts.flatMap((post) =>
            translations.has(post.url)
              ? [[post.url, languageLinks(post, translations.get(post.url)!, site.language)] as const]
              : [],
          ),
        );
        versions = { translations, links };
        return translations;
      }),
    );
    /** `{% for version in post | translations %}`: the post's versions in other languages, by language; none for most. */
    config.addFilter("translations", (post: Post) => versions.translations.get(post.url) ?? []);
    /** `{% for link in post | hreflangLinks %}`: every version of a post with translations, then x-default, as paths; none for the others. */
    config.addFilter("hreflangLinks", (post: Post) => versions.links.get(post.url) ?? []);
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
    const indexable = new BuiltPages((page) =>
      NOINDEX.test(page.content) ? null : { path: page.url, url: absoluteUrl(site, page.url) },
    );
    config.on("eleventy.after", ({ directories, results }) => {
      const pages = indexable
        .update(results, listings)
        .sort((a, b) => a.url.localeCompare(b.url))
        .map(({ path: pagePath, url }) => {
          const links = versions.links.get(pagePath);
          return links
            ? { url, alternates: links.map((link) => ({ ...link, url: absoluteUrl(site, link.url) })) }
            : { url };
        });
      writeFileSync(path.join(directories.output, "sitemap.xml"), sitemap(pages));
    });
  };
}
