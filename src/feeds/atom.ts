import type { SiteSettings } from "../site/settings.ts";
import { absoluteUrl, type FeedEntry } from "./entries.ts";
import { element, empty } from "./xml.ts";

// An entry is written once: under `npm start` the same entry comes back until its post changes.
const written = new WeakMap<SiteSettings, WeakMap<FeedEntry, string>>();

/** An Atom 1.0 feed of the posts, newest first, full content. `updated` is the newest post's date, so builds repeat. */
export function atomFeed(site: SiteSettings, entries: readonly FeedEntry[]): string {
  const home = absoluteUrl(site, "/");
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
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}">`,
    `  ${element("title", site.title)}`,
    `  ${element("subtitle", site.description)}`,
    `  ${empty("link", { href: absoluteUrl(site, site.feeds.atom), rel: "self", type: "application/atom+xml" })}`,
    `  ${empty("link", { href: home, rel: "alternate", type: "text/html" })}`,
    `  ${element("id", home)}`,
    `  ${element("updated", updated)}`,
    `  <author>${element("name", site.author.name)}${element("uri", home)}</author>`,
    ...items,
    "</feed>",
    "",
  ].join("\n");
}
