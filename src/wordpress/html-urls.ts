/** Addresses in a post: which are safe to link to, which are the old site's uploads, what an embed's address becomes. */

const SAFE_SCHEMES = new Set(["", "http", "https", "mailto", "tel"]);

/** The scheme a browser would read ("" for a relative address): browsers ignore control characters and spaces in it. */
export function schemeOf(url: string): string {
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase() ?? "";
}

/** http(s), mailto, tel or relative: never javascript:, vbscript:, data:… */
export function isSafeUrl(url: string): boolean {
  return SAFE_SCHEMES.has(schemeOf(url));
}

/** "//host/path" for an http(s) or protocol-relative address. */
const withoutScheme = (url: string) => url.replace(/^https?:(?=\/\/)/i, "");

/**
 * The address of an upload, written with its uploads URL as configured (so `http://`,
 * protocol-relative and root-relative forms of the same file give one address), or null
 * when the address is not under any uploads URL.
 */
export function uploadUrl(url: string, uploadsUrls: readonly string[]): string | null {
  for (const prefix of uploadsUrls) {
    const base = withoutScheme(prefix);
    const host = /^\/\/[^/]+/.exec(base)?.[0] ?? "";
    const candidate = /^\/(?!\/)/.test(url) ? host + url : withoutScheme(url);
    if (candidate.toLowerCase().startsWith(base.toLowerCase())) return prefix + candidate.slice(base.length);
  }
  return null;
}

/** The page a reader should open for a player's address: YouTube and Vimeo players become their watch pages. */
export function watchUrl(src: string): string {
  const youtube = /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+)/i.exec(src);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^(?:https?:)?\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return src.startsWith("//") ? `https:${src}` : src;
}

/** "youtube.com" for "https://www.youtube.com/watch?v=…"; the address itself when it has no host. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || url;
  } catch {
    return url;
  }
}

/** The file name at the end of an address ("photo-1024x683.jpg"), decoded. */
export function fileName(url: string): string {
  const last = url.split(/[?#]/)[0]!.split("/").filter(Boolean).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** An address short enough for a message: data: URLs can be megabytes long. */
export function shortUrl(url: string): string {
  return url.length > 100 ? `${url.slice(0, 80)}…` : url;
}
