import type { SiteSettings } from "../site/settings.ts";
import { escapeXml } from "../text/escape.ts";
import { absoluteUrl, type FeedEntry } from "./entries.ts";
import type { LanguageFeed } from "./languages.ts";
import { element, empty } from "./xml.ts";

// An entry is written once: under `npm start` the same entry comes back until its post changes.
const written = new WeakMap<SiteSettings, WeakMap<FeedEntry, string>>();

/**
 * An Atom 1.0 feed of the posts of one language (`feed`), newest first, full content. `updated`
 * is the newest post's date, so builds repeat. The site language's feed is identified by the
 * site's home page, as it always was; another language's by its own address. The author is the
 * site's, at its home page.
 */
export function atomFeed(site: SiteSettings, entries: readonly FeedEntry[], feed: LanguageFeed): string {
  const home = absoluteUrl(site, feed.home);
  const self = absoluteUrl(site, feed.atom);
  const updated = entries[0]?.published ?? "1970-01-01T00:00:00Z";
  const writtenForSite = written.get(site) ?? new WeakMap<FeedEntry, string>();
  written.set(site, writtenForSite);
  const items = entries.map((entry) => {
    const known = writtenForSite.get(entry);
    if (known) return known;
    const xml = [
      "  <entry>",
      `    ${element("title", entry.post.title)}`,
      `    ${empty("link", { href: entry.url, rel: "alternate", type: "text/html" })}`,
      `    ${element("id", entry.url)}`,
      `    ${element("published", entry.published)}`,
      `    ${element("updated", entry.published)}`,
      `    <author>${element("name", site.author.name)}</author>`,
      ...entry.post.tags.map((tag) => `    ${empty("category", { term: tag.name })}`),
      ...(entry.post.description ? [`    ${element("summary", entry.post.description)}`] : []),
      `    ${element("content", entry.html, { type: "html" })}`,
      "  </entry>",
    ].join("\n");
    writtenForSite.set(entry, xml);
    return xml;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  ${element("title", feed.title)}`,
    `  ${element("subtitle", feed.description)}`,
    `  ${empty("link", { href: self, rel: "self", type: "application/atom+xml" })}`,
    `  ${empty("link", { href: home, rel: "alternate", type: "text/html" })}`,
    `  ${element("id", feed.lang === site.language ? home : self)}`,
    `  ${element("updated", updated)}`,
    `  <author>${element("name", site.author.name)}${element("uri", absoluteUrl(site, "/"))}</author>`,
    ...items,
    "</feed>",
    "",
  ].join("\n");
}
