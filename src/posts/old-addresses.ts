/**
 * What an old address of the site may be, as a post's `redirect_from` and the site's redirects
 * file give it: a path of this site that the site does not write itself, or one of WordPress's
 * query links; and how messages show an address. No post in here: the schema checks posts with it.
 */
import { z } from "zod";

/**
 * A path from the site's root, without spaces, quotes, angle brackets, query or fragment, and
 * without "." or ".." parts: a redirect page is written at its path, which must stay in the output.
 */
export const SITE_PATH = /^(?!.*\/\.{1,2}(?:\/|$))\/[^\s?#<>"']*$/;

/** The keys of WordPress's query links to the site's root: a post (`/?p=123`), a page, an attachment's page. */
export const QUERY_KEYS = ["p", "page_id", "attachment_id"] as const;
export type QueryKey = (typeof QUERY_KEYS)[number];
const QUERY_PATH = /^\/\?(p|page_id|attachment_id)=(\d+)$/;

/** The key and number of a WordPress query link (`/?p=123`); null for a path. */
export function queryOf(from: string): { key: QueryKey; value: string } | null {
  const match = QUERY_PATH.exec(from);
  return match ? { key: match[1] as QueryKey, value: match[2]! } : null;
}

/** Where each WordPress query link leads, by key and number: `{ "p": { "123": "/en/…/" } }` (/old-links.json, made by redirects.ts). */
export type OldLinks = Partial<Record<QueryKey, Record<string, string>>>;

/** The site, as far as where a path leads is concerned: a path is resolved against it as a browser would. */
const THIS_SITE = "https://this-site.invalid";
/** Characters browsers drop from an address (tab, line feeds) or that no address holds: C0 and C1 controls, DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** U+0009: how a message names a character. */
export const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** A value as a message shows it: as written, or in JSON's quotes when it holds a control character. */
export const shownValue = (value: string) => (CONTROL.test(value) ? JSON.stringify(value) : value);

/**
 * Why a browser would not take `path` (starting with "/") to the path of this site that it reads
 * as: it leads to another site (`//evil.example`, `/\evil.example`: browsers read "\" as "/" and
 * drop tabs and line breaks), or it holds "//", "\" or a control character; null for a path of
 * this site. Checked with the WHATWG URL parser, as browsers resolve a link.
 */
export function pathOffSite(path: string): string | null {
  const control = CONTROL.exec(path)?.[0];
  const cause = control
    ? `it drops the control character ${codePoint(control)}`
    : path.includes("\\")
      ? 'it reads "\\" as "/"'
      : path.startsWith("//")
        ? '"//" starts another site\'s address'
        : null;
  let host: string | null;
  try {
    const url = new URL(path, `${THIS_SITE}/`);
    host = url.origin === THIS_SITE ? null : url.host || url.href;
  } catch {
    return "a browser cannot read it as an address";
  }
  if (host !== null) return `a browser would open ${host}, another site${cause ? ` (${cause})` : ""}`;
  if (control) return `it has the control character ${codePoint(control)}`;
  if (path.includes("\\")) return 'it has "\\", which a browser reads as "/"';
  if (path.includes("//")) return 'it has "//" (write one "/")';
  return null;
}

/** `value is not a path of this site: why`, when a browser would take it elsewhere (pathOffSite); null otherwise. */
export const offSiteMessage = (value: string): string | null => {
  const why = value.startsWith("/") ? pathOffSite(value) : null;
  return why && `${shownValue(value)} is not a path of this site: ${why}`;
};

/**
 * The addresses the site writes itself that come from no post: the pages of its templates
 * (`content/*.njk`, `about.md`) whose address is not a setting, `/podcast/` (the podcast page's
 * `podcast.url` in site.json, as it is; the feeds are settings too, given to pagesOfPosts), and
 * the files the build writes itself. A redirect page written at one of them would take its place.
 * A unit test holds this list to the templates.
 */
export const SITE_PAGES: ReadonlyMap<string, string> = new Map([
  ["/", "the home page"],
  ["/search/", "the search page"],
  ["/podcast/", "the podcast's page"],
  ["/archive/", "the archive"],
  ["/tags/", "the list of tags"],
  ["/people/", "the list of people"],
  ["/about/", "the about page"],
  ["/404.html", 'the "not found" page'],
  ["/sitemap.xml", "the sitemap"],
  ["/robots.txt", "the rules for search engines"],
  ["/_headers", "the host's headers file"],
  ["/_redirects", "the host's redirects file"],
  ["/old-links.json", "where WordPress's query links lead"],
]);

/** The folders whose every address is the site's own: copied (`content/assets/`) or written by the build (the search index, eleventy-img's images and the cards). */
export const SITE_FOLDERS: ReadonlyMap<string, string> = new Map([
  ["/assets/", "the site's scripts, stylesheet and icons"],
  ["/pagefind/", "the search index"],
  ["/img/", "the optimized images and the social cards"],
]);

/**
 * The addresses whose file a redirect page from the path `from` would be written over, or would
 * need for a folder: `/search`, `/search/` and `/search/index.html` are one page (redirectPagePath),
 * and `/feed.xml/` would need a folder where the file `/feed.xml` is.
 */
export function sameAddresses(from: string): string[] {
  const folder = from.replace(/\/index\.html?$/, "/");
  const bare = folder.length > 1 ? folder.replace(/\/$/, "") : folder;
  return [...new Set([from, folder, bare, bare === "/" ? "/" : `${bare}/`])];
}

/** What of the site's own a redirect from the path `from` would take the place of (SITE_PAGES, SITE_FOLDERS); null for none. */
export function ownAddress(from: string): string | null {
  for (const [folder, what] of SITE_FOLDERS)
    if (from.startsWith(folder) || from === folder.slice(0, -1)) return `under ${folder}, ${what}`;
  for (const address of sameAddresses(from)) {
    const page = SITE_PAGES.get(address);
    if (page) return page;
  }
  return null;
}

/**
 * An old address: a path (`/2019/05/old-title/`), or one of WordPress's query links to the
 * site's root (`/?p=123`, `/?page_id=12`, `/?attachment_id=456`). Not a path a browser would
 * read as another site's, nor one the site writes itself.
 */
export const oldAddress = z
  .string({
    error: (issue) =>
      issue.input === undefined ? "is required: the old path, e.g. /2019/05/old-title/" : "must be a path",
  })
  .superRefine((value, ctx) => {
    const message = oldAddressProblem(value);
    if (message) ctx.addIssue({ code: "custom", message });
  });

/** What is wrong with an old address (see oldAddress), or null. */
function oldAddressProblem(value: string): string | null {
  if (QUERY_PATH.test(value)) return null;
  if (value.startsWith("/?"))
    return `${value} must be a WordPress query link with one number: /?p=123, /?page_id=12 or /?attachment_id=456`;
  const offSite = offSiteMessage(value);
  if (offSite) return offSite;
  if (!SITE_PATH.test(value))
    return `${value} must be a path from the site's root, like /2019/05/old-title/, without spaces, quotes or "." and ".." parts (or a WordPress query link such as /?p=123)`;
  const own = ownAddress(value);
  return own && `${value} is an address the site writes itself (${own}): no redirect can take it`;
}
