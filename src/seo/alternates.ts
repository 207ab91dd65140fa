import type { Post } from "../posts/schema.ts";

/** A version of a page, as an hreflang link names it: its language ("fr"), or "x-default". */
export interface LanguageLink {
  hreflang: string;
  /** A path of the site ("/fr/…/"), or a full URL once made absolute. */
  url: string;
}

/**
 * The hreflang links of a post that has versions in other languages (`translations`, as
 * posts/translations.ts gives them): every version, the post's own included (each version lists
 * them all, as search engines ask), by language, then `x-default`, the site language's version,
 * for readers whose language has none (left out when no version is in the site's language).
 * None for a post without translations.
 */
export function languageLinks(post: Post, translations: readonly Post[], siteLanguage: string): LanguageLink[] {
  if (!translations.length) return [];
  const versions = [post, ...translations].sort((a, b) => a.lang.localeCompare(b.lang));
  const links = versions.map((version) => ({ hreflang: version.lang, url: version.url }));
  const byDefault = versions.find((version) => version.lang === siteLanguage);
  return byDefault ? [...links, { hreflang: "x-default", url: byDefault.url }] : links;
}
