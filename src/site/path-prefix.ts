/**
 * The path prefix, where the site lives under its address ("/" at the root, "/repo/" for a project
 * site), put before the site's paths: by the build (feeds, `_redirects`, the content check) and by
 * the browser scripts (which learn it from their own address). Pure functions, no Eleventy, no
 * Node modules.
 */

/** Whether `address` is a path of the site from its root ("/en/…"), not a full URL, a relative one or a scheme-relative "//host/…". */
export const isSitePath = (address: string): boolean => address.startsWith("/") && !address.startsWith("//");

/** A path of the site ("/feed.xml") as served under the path prefix ("/repo/" → "/repo/feed.xml"); other URLs as they are. */
export function prefixedPath(prefix: string, path: string): string {
  return isSitePath(path) ? `${prefix}${path.slice(1)}` : path;
}

/** The address of the site's root, from site.json's `url` ("https://host", no final slash) and the prefix: "https://host/" or "https://host/repo/". */
export const siteRootUrl = (url: string, prefix: string): string => new URL(prefix, `${url}/`).href;

/**
 * A path of the site ("/en/…", see isSitePath) as a full URL under the site's root
 * ("https://host/repo/" → "https://host/repo/en/…"). Resolved relative to the root ("./en/…"),
 * not as "/repo/en/…": then a backslash, which a URL parser reads as a slash ("/\evil.example"
 * is "//evil.example"), cannot take it to another host.
 */
export const resolveSitePath = (root: string | URL, path: string): string => new URL(`./${path.slice(1)}`, root).href;
