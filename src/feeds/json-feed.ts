import type { SiteSettings } from "../site/settings.ts";
import { absoluteUrl, type FeedEntry } from "./entries.ts";
import type { LanguageFeed } from "./languages.ts";

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the posts of one language (`language`), newest first, full content. */
export function jsonFeed(site: SiteSettings, entries: readonly FeedEntry[], language: LanguageFeed): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: language.title,
    home_page_url: absoluteUrl(site, language.home),
    feed_url: absoluteUrl(site, language.json),
    description: language.description,
    language: language.lang,
    authors: [{ name: site.author.name, url: absoluteUrl(site, "/about/") }],
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.post.title,
      content_html: entry.html,
      ...(entry.post.description ? { summary: entry.post.description } : {}),
      date_published: entry.published,
      tags: entry.post.tags.map((tag) => tag.name),
      ...(entry.post.audio
        ? {
            attachments: [
              {
                url: absoluteUrl(site, entry.post.audio.url),
                mime_type: entry.post.audio.type,
                size_in_bytes: entry.post.audio.length,
                duration_in_seconds: entry.post.audio.seconds,
              },
            ],
          }
        : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 1)}\n`;
}
