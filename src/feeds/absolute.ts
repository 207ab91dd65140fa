import { isSitePath, resolveSitePath } from "../site/path-prefix.ts";

/**
 * Makes the links and media of a post's HTML absolute, for feed readers that show it away from
 * the site. markdown-it writes every attribute in double quotes, which is what this relies on.
 * A root-relative URL ("/en/…") is a path of the site: it is resolved against `siteRoot` (the
 * site's address with its path prefix, "https://host/repo/"), for the HTML Eleventy gives the
 * feeds has not been through the path prefix's rewriting (that is done to the pages' output).
 */
export function absolutizeHtml(html: string, pageUrl: string, siteRoot: string = new URL("/", pageUrl).href): string {
  const absolute = (value: string) => {
    try {
      if (isSitePath(value)) return resolveSitePath(siteRoot, value);
      return new URL(value, pageUrl).href;
    } catch {
      return value;
    }
  };
  return html
    .replace(/\b(href|src|poster)="([^"]*)"/g, (_, name: string, value: string) => `${name}="${absolute(value)}"`)
    .replace(
      /\bsrcset="([^"]*)"/g,
      (_, value: string) =>
        `srcset="${value
          .split(",")
          .map((candidate) => candidate.trim().replace(/^\S+/, (url) => absolute(url)))
          .join(", ")}"`,
    );
}
