import { isoDateTime } from "../dates/dates.ts";
import type { Post } from "../posts/schema.ts";
import { prefixedPath, siteRootUrl } from "../site/path-prefix.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { TranscriptDownload } from "../transcript/downloads.ts";
import { absolutizeHtml } from "./absolute.ts";

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
export const absoluteUrl = (site: SiteSettings, path: string) => new URL(prefixedPath(site.pathPrefix, path), `${site.url}/`).href;

export function feedEntry(site: SiteSettings, post: Post, contentHtml: string, downloads: readonly TranscriptDownload[] = []): FeedEntry {
  const url = absoluteUrl(site, post.url);
  const files = downloads.map((download) => ({ ...download, absoluteUrl: absoluteUrl(site, download.url) }));
  const transcriptNote = files.length
    ? `\n<p>The full transcript is on <a href="${url}#transcript">the episode's page</a>, and as ${files
        .map((file) => `<a href="${file.absoluteUrl}">${file.label}</a>`)
        .join(", ")}.</p>`
    : "";
  return {
    post,
    url,
    html: absolutizeHtml(contentHtml, url, siteRootUrl(site.url, site.pathPrefix)) + transcriptNote,
    published: isoDateTime(post.date),
    downloads: files,
  };
}
