/**
 * Makes the links and media of a post's HTML absolute, for feed readers that show it away from
 * the site. markdown-it writes every attribute in double quotes, which is what this relies on.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const absolute = (value: string) => {
    try {
      return new URL(value, pageUrl).href;
    } catch {
      return value;
    }
  };
  return html
    .replace(/\b(href|src|poster)="([^"]*)"/g, (_, name: string, value: string) => `${name}="${absolute(value)}"`)
    .replace(/\bsrcset="([^"]*)"/g, (_, value: string) =>
      `srcset="${value
        .split(",")
        .map((candidate) => candidate.trim().replace(/^\S+/, (url) => absolute(url)))
        .join(", ")}"`,
    );
}
