// Old WordPress links to the site's root, /?p=123 (a post), /?page_id=12 (a page) and
// /?attachment_id=456 (an attachment's page), reach the home page (or the 404 page) of a static
// host with their query. This script looks the number up in /old-links.json, which the build
// writes from the posts' redirect_from and _data/redirects.json, and sends the reader on to the
// page it became. Netlify answers them with a 301 before this page loads (see _redirects).

const KEYS = ["p", "page_id", "attachment_id"];

// The site's root: "/", or "/repo/" under a path prefix. This file is <root>assets/old-links.js.
const root = new URL("../", import.meta.url);

const query = new URLSearchParams(location.search);
const key = KEYS.find((name) => /^\d+$/.test(query.get(name) ?? ""));

if (key) {
  const response = await fetch(new URL("old-links.json", root)).catch(() => null);
  const links = response?.ok ? await response.json().catch(() => null) : null;
  const target = links?.[key]?.[query.get(key)];
  // Only a path of this site: the map is ours, but a link never leads elsewhere.
  if (typeof target === "string" && /^\/(?!\/)/.test(target)) location.replace(new URL(target.slice(1), root).href + location.hash);
  // A link the old site had but this one does not know: the page stays (and says it looked).
  else document.documentElement.dataset.oldLink = "unknown";
}
