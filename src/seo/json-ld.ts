import { isoDateTime } from "../dates/dates.ts";
import { absoluteUrl } from "../feeds/entries.ts";
import { personUrl } from "../posts/people.ts";
import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";

/**
 * Schema.org data for a post: a BlogPosting for an article; a PodcastEpisode, part of the
 * PodcastSeries, for an episode, with its AudioObject when it has audio.
 */
export function postJsonLd(site: SiteSettings, post: Post): Record<string, unknown> {
  const url = absoluteUrl(site, post.url);
  const author = { "@type": "Person", name: site.author.name, url: absoluteUrl(site, "/about/") };
  const common = {
    "@context": "https://schema.org",
    url,
    name: post.title,
    datePublished: isoDateTime(post.date),
    inLanguage: post.lang,
    ...(post.description ? { description: post.description } : {}),
    ...(post.tags.length ? { keywords: post.tags.map((tag) => tag.name).join(", ") } : {}),
  };
  if (post.kind === "article") {
    return { ...common, "@type": "BlogPosting", headline: post.title, author, mainEntityOfPage: url };
  }
  const person = (name: string) => ({ "@type": "Person", name, url: absoluteUrl(site, personUrl(name)) });
  return {
    ...common,
    "@type": "PodcastEpisode",
    partOfSeries: { "@type": "PodcastSeries", name: site.podcast.title, url: absoluteUrl(site, site.podcast.url) },
    author,
    ...(post.host ? { actor: [person(post.host.name), ...post.guests.map((guest) => person(guest.name))] } : {}),
    ...(post.audio
      ? {
          associatedMedia: {
            "@type": "AudioObject",
            contentUrl: absoluteUrl(site, post.audio.url),
            encodingFormat: post.audio.type,
            contentSize: String(post.audio.length),
            duration: `PT${post.audio.seconds}S`,
          },
        }
      : {}),
  };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` become Unicode
 * escapes, so no string can close the script or open a comment, and the JSON means the same.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
