/**
 * Old WordPress links to the site's root, /?p=123 (a post), /?page_id=12 (a page) and
 * /?attachment_id=456 (an attachment's page), reach the home page (or the 404 page) of a static
 * host with their query. This script, bundled into /assets/old-links.js and loaded by those two
 * pages when the site has such links, looks the number up in /old-links.json, which the build
 * writes from the posts' redirect_from and _data/redirects.json (oldLinks in ../redirects.ts), and
 * sends the reader on to the page it became. Netlify answers them with a 301 before this page
 * loads (see _redirects).
 */
import type { OldLinks, QueryKey } from "../old-addresses.ts";
import { isSitePath, resolveSitePath } from "../../site/path-prefix.ts";
import { SITE_ROOT_URL } from "../../site/browser/site-root.ts";

// QUERY_KEYS of ../old-addresses.ts, which this script does not import (it would bundle zod): the compiler checks each.
const KEYS: readonly QueryKey[] = ["p", "page_id", "attachment_id"];

const query = new URLSearchParams(location.search);
const key = KEYS.find((name) => /^\d+$/.test(query.get(name) ?? ""));

if (key) {
  const response = await fetch(new URL("old-links.json", SITE_ROOT_URL)).catch(() => null);
  const links = (response?.ok ? await response.json().catch(() => null) : null) as OldLinks | null;
  const target: unknown = links?.[key]?.[query.get(key)!];
  // Only a path of this site: the map is ours, but a link never leads elsewhere.
  if (typeof target === "string" && isSitePath(target))
    location.replace(resolveSitePath(SITE_ROOT_URL, target) + location.hash);
  // A link the old site had but this one does not know: the page stays (and says it looked).
  else document.documentElement.dataset.oldLink = "unknown";
}
