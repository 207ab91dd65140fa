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
 * Redirects for the archives: each category and tag archive to its tag page (the archive page when
 * the term became no tag, as "Uncategorized"), date archives to the year's page, the feed to ours.
 */
export function archiveRedirects({ front, terms, dates }: ArchiveSources, feedPath: string): SiteRedirect[] {
  const redirects = new Map<string, string>();
  const add = (paths: string[], to: string) => {
    for (const from of paths) if (from !== to && !redirects.has(from)) redirects.set(from, to);
  };
  for (const term of terms) {
    const base = term.domain === "category" ? "category" : "tag";
    add(withAndWithoutFront(front, `${base}/${term.slug}/`), term.tag ? `/tags/${slugify(term.tag)}/` : "/archive/");
  }
  for (const date of [...new Set(dates)].sort()) {
    const [year, month, day] = date.split("-");
    const page = `/en/${year}/`;
    add([...withAndWithoutFront(front, `${year}/`), ...withAndWithoutFront(front, `${year}/${month}/`), ...withAndWithoutFront(front, `${year}/${month}/${day}/`)], page);
  }
  add(withAndWithoutFront(front, "feed/"), feedPath);
  return [...redirects.entries()].filter(([from]) => PATH_RE.test(from)).map(([from, to]) => ({ from, to }));
}
