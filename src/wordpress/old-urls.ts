/**
 * The addresses the WordPress site answered at, and where each now leads: a post's permalink
 * with and without the permalinks' front ("/en/"), its `?p=` link, its attachments' pages, and
 * the archives (categories, tags, years, months, days, the feed) that become our tag and year pages.
 */
import { slugify } from "../posts/slug.ts";

export interface SiteRedirect {
  from: string;
  to: string;
}

/** What our redirects accept as an old path: no spaces, quotes, angle brackets, query or fragment. */
const PATH_RE = /^\/[^\s?#<>"']*$/;

/** The path of an address of the old site, or null for another site or an unusable path. */
export function oldPath(link: string, siteUrl: string): string | null {
  try {
    const url = new URL(link, siteUrl);
    if (url.host !== new URL(siteUrl).host) return null;
    return PATH_RE.test(url.pathname) ? url.pathname : null;
  } catch {
    return null;
  }
}

/**
 * The part of the permalinks before the date ("/en/" for /en/2024/06/09/slug/): WordPress puts
 * its category, tag and date archives under it too. "/" when the posts' links have none.
 */
export function permalinkFront(links: readonly string[], siteUrl: string): string {
  const counts = new Map<string, number>();
  for (const link of links) {
    const front = /^(\/(?:[^/]+\/)*?)\d{4}\/\d{2}\//.exec(oldPath(link, siteUrl) ?? "")?.[1];
    if (front) counts.set(front, (counts.get(front) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "/";
}

/** Both forms of an archive path: under the front, and at the root. */
function withAndWithoutFront(front: string, rest: string): string[] {
  return [...new Set([`${front}${rest}`, `/${rest}`])];
}

/** The old paths of a post that are not its new URL: its permalink (oldPath of its link), without the front, and `/?p=ID`. */
export function postOldPaths(id: number, permalink: string | null, front: string, newUrl: string): string[] {
  const paths = [`/?p=${id}`];
  if (permalink) {
    paths.push(permalink);
    if (front !== "/" && permalink.startsWith(front)) paths.push(`/${permalink.slice(front.length)}`);
  }
  return [...new Set(paths)].filter((p) => p !== newUrl && p !== "/");
}

export interface ArchiveSources {
  front: string;
  /** Categories and tags of the published posts: WordPress's term slug and the tag it became. */
  terms: { domain: string; slug: string; tag: string | null }[];
  /** The published posts' dates, "YYYY-MM-DD". */
  dates: string[];
}

/**
 * The pages an archive of the old site leads to. The site's language: `/tags/<slug>/`, `/archive/`,
 * the year's page `/en/YYYY/`, the feed; another language (Polylang's `/fr/category/…/`): its own
 * tag pages, archive, years and feed under `/<lang>/`, and only its archives under its front lead
 * there (the archives without one are the site language's).
 */
export interface ArchivePages {
  tag(slug: string): string;
  /** For a term that became no tag ("Uncategorized"). */
  archive: string;
  year(year: string): string;
  feed: string;
  /** Whether the archives' paths without the front lead here too. */
  withoutFront: boolean;
}

export const siteLanguageArchives = (feedPath: string, lang = "en"): ArchivePages => ({
  tag: (slug) => `/tags/${slug}/`,
  archive: "/archive/",
  year: (year) => `/${lang}/${year}/`,
  feed: feedPath,
  withoutFront: true,
});

/** Another language's pages: `/fr/tags/<slug>/`, `/fr/archive/`, `/fr/YYYY/`, `/fr/feed.xml`. */
export const languageArchives = (lang: string, feedPath: string): ArchivePages => ({
  tag: (slug) => `/${lang}/tags/${slug}/`,
  archive: `/${lang}/archive/`,
  year: (year) => `/${lang}/${year}/`,
  feed: `/${lang}${feedPath}`,
  withoutFront: false,
});

/**
 * Redirects for the archives: each category and tag archive to its tag page (the archive page when
 * the term became no tag, as "Uncategorized"), date archives to the year's page, the feed to ours.
 */
export function archiveRedirects(
  { front, terms, dates }: ArchiveSources,
  feedPath: string,
  pages = siteLanguageArchives(feedPath),
): SiteRedirect[] {
  const redirects = new Map<string, string>();
  const add = (paths: string[], to: string) => {
    for (const from of paths) if (from !== to && !redirects.has(from)) redirects.set(from, to);
  };
  const under = (rest: string) => (pages.withoutFront ? withAndWithoutFront(front, rest) : [`${front}${rest}`]);
  for (const term of terms) {
    const base = term.domain === "category" ? "category" : "tag";
    add(under(`${base}/${term.slug}/`), term.tag ? pages.tag(slugify(term.tag)) : pages.archive);
  }
  for (const date of [...new Set(dates)].sort()) {
    const [year, month, day] = date.split("-");
    const page = pages.year(year!);
    add([...under(`${year}/`), ...under(`${year}/${month}/`), ...under(`${year}/${month}/${day}/`)], page);
  }
  add(under("feed/"), pages.feed);
  return [...redirects.entries()].filter(([from]) => PATH_RE.test(from)).map(([from, to]) => ({ from, to }));
}
