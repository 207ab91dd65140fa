import { isoDateTime } from "../dates/dates.ts";
import type { Post } from "../posts/schema.ts";
import { prefixedPath, siteRootUrl } from "../site/path-prefix.ts";
import type { SiteSettings } from "../site/settings.ts";
import { escapeHtml, escapeText } from "../text/escape.ts";
import type { TranscriptDownload } from "../transcript/downloads.ts";
import { absolutizeHtml } from "./absolute.ts";
import type { Say } from "./languages.ts";

/** What every feed says about a post. */
export interface FeedEntry {
  post: Post;
  url: string;
  /** The post's content as HTML with absolute URLs; for an episode, its show notes and where to read the transcript. */
  html: string;
  published: string;
  downloads: (TranscriptDownload & { absoluteUrl: string })[];
}

/** A path of the site ("/en/…/", as Eleventy's page.url gives it, without the path prefix) as a full URL; full URLs as they are. */
export const absoluteUrl = (site: SiteSettings, path: string) =>
  new URL(prefixedPath(site.pathPrefix, path), `${site.url}/`).href;

/**
 * A phrase of the dictionary as HTML: its words escaped, its placeholders filled with the HTML
 * given for them (which `say` never sees: it fills them with marks that escaping leaves alone).
 */
function htmlPhrase(say: Say, lang: string, key: string, html: Record<string, string>): string {
  const mark = (name: string) => `\uE000${name}\uE001`;
  const text = say(lang, key, Object.fromEntries(Object.keys(html).map((name) => [name, mark(name)])));
  return escapeText(text).replace(/\uE000(\w+)\uE001/g, (_, name: string) => html[name]!);
}

/**
 * What the feeds say of `post`. An episode's content ends with where to read its transcript, in
 * the post's language (`say`: the dictionary's `feed.transcriptNote`, `feed.episodePage` and
 * `feed.format.*`).
 */
export function feedEntry(
  site: SiteSettings,
  post: Post,
  contentHtml: string,
  say: Say,
  downloads: readonly TranscriptDownload[] = [],
): FeedEntry {
  const url = absoluteUrl(site, post.url);
  const files = downloads.map((download) => ({ ...download, absoluteUrl: absoluteUrl(site, download.url) }));
  const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeText(text)}</a>`;
  const transcriptNote = files.length
    ? `\n<p>${htmlPhrase(say, post.lang, "feed.transcriptNote", {
        page: link(`${url}#transcript`, say(post.lang, "feed.episodePage")),
        files: files.map((file) => link(file.absoluteUrl, say(post.lang, `feed.format.${file.format}`))).join(", "),
      })}</p>`
    : "";
  return {
    post,
    url,
    html: absolutizeHtml(contentHtml, url, siteRootUrl(site.url, site.pathPrefix)) + transcriptNote,
    published: isoDateTime(post.date),
    downloads: files,
  };
}
