import { prefixedPath } from "../path-prefix.ts";

/**
 * Where the site's root is served, as the browser scripts learn it: "https://host/", or
 * "https://host/repo/" under a path prefix. Every script is bundled as `<root>assets/<name>.js`
 * (src/search/bundle.ts), so the root is the folder above the script's own (in a bundle,
 * `import.meta.url` is the bundle's address, whichever module reads it).
 */
export const SITE_ROOT_URL = new URL("../", import.meta.url);

/** The path of the site's root: "/", or "/repo/" under a path prefix. */
export const SITE_ROOT = SITE_ROOT_URL.pathname;

/** A path of the site ("/en/…/", as the search records and old-links.json hold it) as served, under the path prefix. */
export const sitePath = (path: string): string => prefixedPath(SITE_ROOT, path);
