import { element, empty, wrap } from "../feeds/xml.ts";
import type { LanguageLink } from "./alternates.ts";

export interface SitemapPage {
  url: string;
  /** The page's versions in every language, with absolute URLs (alternates.ts): for a post with translations. */
  alternates?: readonly LanguageLink[];
}

const XHTML = "http://www.w3.org/1999/xhtml";

/**
 * sitemap.xml (sitemaps.org 0.9) of the given absolute URLs. A page with versions in other
 * languages lists them all, as `xhtml:link rel="alternate" hreflang` elements (Google's sitemap
 * extension); the namespace is declared only when some page has them.
 */
export function sitemap(pages: readonly SitemapPage[]): string {
  const urls = pages.map((page) => {
    const alternates = (page.alternates ?? []).map((link) =>
      empty("xhtml:link", { rel: "alternate", hreflang: link.hreflang, href: link.url }),
    );
    return `  ${wrap("url", element("loc", page.url) + alternates.join(""))}`;
  });
  const namespaces = pages.some((page) => page.alternates?.length) ? ` xmlns:xhtml="${XHTML}"` : "";
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${namespaces}>`,
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}
