import { languagePath } from "../posts/collections.ts";
import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";

/** A dictionary's phrase in a language, its placeholders filled (i18n/dictionary.ts's `translate`, on the build's dictionaries). */
export type Say = (lang: string, key: string, values?: Record<string, unknown>) => string;

/** One language's Atom and JSON feeds: what they carry (the posts in `lang`) and say of themselves. */
export interface LanguageFeed {
  lang: string;
  title: string;
  description: string;
  /** The home page of the language, the feeds' web page: "/", "/fr/". */
  home: string;
  /** The feeds' paths in the site ("/fr/feed.xml"), as Eleventy's permalinks take them. */
  atom: string;
  json: string;
}

/**
 * The feeds of `lang`: the site language's at the addresses of site.json's `feeds`, with the
 * site's title and description; another's under `/<lang>/` (`/fr/feed.xml`, beside its home page
 * `/fr/`), with the title and description of its dictionary (`feed.title`, `feed.description`).
 */
export function languageFeed(site: SiteSettings, lang: string, say: Say): LanguageFeed {
  const paths = {
    home: languagePath("/", lang, site.language),
    atom: languagePath(site.feeds.atom, lang, site.language),
    json: languagePath(site.feeds.json, lang, site.language),
  };
  if (lang === site.language) return { lang, title: site.title, description: site.description, ...paths };
  return {
    lang,
    title: say(lang, "feed.title", { site: site.title }),
    description: say(lang, "feed.description", { author: site.author.name }),
    ...paths,
  };
}

/** The languages that have feeds: the site's, always, then every other language a post is written in, by code. */
export function feedLanguages(siteLanguage: string, posts: readonly Post[]): string[] {
  const others = new Set(posts.map((post) => post.lang));
  others.delete(siteLanguage);
  return [siteLanguage, ...[...others].sort()];
}
