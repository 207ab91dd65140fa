import { personUrl } from "../posts/people.ts";
import type { Person } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";
import { chaptersUrl } from "./chapters.ts";
import { absoluteUrl, type FeedEntry } from "./entries.ts";
import { element, empty, wrap } from "./xml.ts";

const NAMESPACES = [
  'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
  'xmlns:podcast="https://podcastindex.org/namespace/1.0"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
].join(" ");

function person(site: SiteSettings, who: Person, role: "host" | "guest"): string {
  return element("podcast:person", who.name, { role, group: "cast", href: absoluteUrl(site, personUrl(who.name)) });
}

/**
 * The podcast's RSS 2.0 feed, with the iTunes and Podcasting 2.0 namespaces. Only episodes with
 * audio belong in it: an episode without audio cannot play in a podcast app (it stays in the Atom
 * and JSON feeds). Each item lists its transcripts (in the episode's language), its people (an
 * item's list replaces the channel's, so the host is named again) and its enclosure. One show, one
 * feed: its episodes in every language, the channel in the site's.
 */
export function podcastFeed(site: SiteSettings, entries: readonly FeedEntry[]): string {
  const episodes = entries.filter((entry) => entry.post.kind === "episode" && entry.post.audio);
  const host: Person = { name: site.author.name };
  const image = absoluteUrl(site, site.podcast.image);
  const link = absoluteUrl(site, site.podcast.url);
  const newest = episodes[0]?.post.date ?? entries[0]?.post.date;
  const items = episodes.map((entry) => {
    const post = entry.post;
    const audio = post.audio!;
    return [
      "    <item>",
      `      ${element("title", post.title)}`,
      `      ${element("link", entry.url)}`,
      `      ${element("guid", entry.url, { isPermaLink: "true" })}`,
      `      ${element("pubDate", post.date.toRFC2822() ?? "")}`,
      `      ${element("description", entry.html)}`,
      `      ${empty("enclosure", { url: absoluteUrl(site, audio.url), length: audio.length, type: audio.type })}`,
      `      ${element("itunes:duration", audio.seconds)}`,
      `      ${element("itunes:episodeType", "full")}`,
      `      ${element("itunes:explicit", String(site.podcast.explicit))}`,
      ...entry.downloads.map(
        (file) =>
          `      ${empty("podcast:transcript", { url: file.absoluteUrl, type: file.type, language: post.lang, rel: file.type === "text/vtt" ? "captions" : undefined })}`,
      ),
      ...(post.chapters.length
        ? [
            `      ${empty("podcast:chapters", { url: absoluteUrl(site, chaptersUrl(post)), type: "application/json+chapters" })}`,
          ]
        : []),
      `      ${person(site, post.host ?? host, "host")}`,
      ...post.guests.map((guest) => `      ${person(site, guest, "guest")}`),
      "    </item>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rss version="2.0" ${NAMESPACES}>`,
    "  <channel>",
    `    ${element("title", site.podcast.title)}`,
    `    ${element("link", link)}`,
    `    ${empty("atom:link", { href: absoluteUrl(site, site.feeds.podcast), rel: "self", type: "application/rss+xml" })}`,
    `    ${element("description", site.podcast.description)}`,
    `    ${element("language", site.language)}`,
    ...(newest ? [`    ${element("lastBuildDate", newest.toRFC2822() ?? "")}`] : []),
    `    ${wrap("image", element("url", image) + element("title", site.podcast.title) + element("link", link))}`,
    `    ${element("itunes:author", site.author.name)}`,
    `    ${empty("itunes:image", { href: image })}`,
    `    ${wrap("itunes:category", site.podcast.subcategory ? empty("itunes:category", { text: site.podcast.subcategory }) : "", { text: site.podcast.category })}`,
    `    ${element("itunes:explicit", String(site.podcast.explicit))}`,
    `    ${element("itunes:type", "episodic")}`,
    `    ${person(site, host, "host")}`,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}
