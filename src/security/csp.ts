import { isLocalFile } from "../images/body-images.ts";
import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";

/** Where the pages may show images from: the site's own files and data: URLs, never another site. */
const IMAGE_SOURCES = ["'self'", "data:"] as const;

/** An image the policy would keep readers from seeing (one from another site), with why; null when it may be shown. */
export function imageBlocked(src: string): string | null {
  if (isLocalFile(src) || /^data:/i.test(src)) return null;
  return `the site's Content-Security-Policy (img-src ${IMAGE_SOURCES.join(" ")}) shows no image from another site, so readers would see none: save the image beside the post and point to it (![what it shows](photo.jpg))`;
}

const originOf = (url: string): string | null => (/^https?:\/\//.test(url) ? new URL(url).origin : null);

/**
 * The Content-Security-Policy of every page: the site's own files only, plus what it needs beyond
 * them: WebAssembly for Pagefind's search ('wasm-unsafe-eval'), the hosts of episodes' audio
 * files, and the newsletter form's address when one is configured.
 */
export function contentSecurityPolicy(site: SiteSettings, posts: readonly Post[], context: "meta" | "header"): string {
  const media = [
    ...new Set(
      posts.flatMap((post) => (post.audio ? [originOf(post.audio.url)] : [])).filter((o): o is string => o !== null),
    ),
  ].sort();
  const form = originOf(site.newsletter.action);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'wasm-unsafe-eval'"],
    ["style-src", "'self'"],
    ["img-src", ...IMAGE_SOURCES],
    ["media-src", "'self'", ...media],
    ["connect-src", "'self'"],
    ["worker-src", "'self'"],
    ["font-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(form ? [form] : [])],
  ];
  // Browsers ignore frame-ancestors in a <meta> policy (and warn about it), so only the header has it.
  if (context === "header") directives.push(["frame-ancestors", "'none'"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Netlify-style `_headers`: the policy and a few safe defaults for every path of the site (under its path prefix). */
export function headersFile(policy: string, pathPrefix = "/"): string {
  return [
    `${pathPrefix}*`,
    `  Content-Security-Policy: ${policy}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "",
  ].join("\n");
}
