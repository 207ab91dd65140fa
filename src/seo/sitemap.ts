import { element, wrap } from "../feeds/xml.ts";

export interface SitemapPage {
  url: string;
}

/** sitemap.xml (sitemaps.org 0.9) of the given absolute URLs. */
export function sitemap(pages: readonly SitemapPage[]): string {
  const urls = pages.map((page) => `  ${wrap("url", element("loc", page.url))}`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, "</urlset>", ""].join("\n");
}
