/**
 * Search in each language of the posts: a search page per language (content/search.njk), which
 * searches the posts of that language only, in Pagefind's index of it, and says what it says in
 * that language, from the dictionaries (src/i18n/).
 */
import { translate, type Dictionaries } from "../i18n/dictionary.ts";
import { languagePath } from "../posts/collections.ts";
import type { Post } from "../posts/schema.ts";
import { SCRIPT_PHRASES, type Phrases, type SearchSettings } from "./phrases.ts";

export interface SearchPage {
  lang: string;
  /** The search page of the language: `/search/` for the site's, `/<lang>/search/` for another. */
  url: string;
}

export interface SearchLanguage extends SearchPage {
  /** The language's home, where its search page is (`/`, `/fr/`): the template's permalink, as the other pages made per language have it (site/addresses.ts reads it). */
  root: string;
  /** The other languages' search pages, which this one links to with the same words. */
  others: SearchPage[];
}

/**
 * The languages there is a search page for: the site's (always, at `/search/`), then every other
 * language some post is written in, in order.
 */
export function searchLanguages(posts: readonly Pick<Post, "lang">[], siteLanguage: string): SearchLanguage[] {
  const others = [...new Set(posts.map((post) => post.lang))]
    .filter((lang) => lang !== siteLanguage)
    .sort((a, b) => a.localeCompare(b));
  const pages = [siteLanguage, ...others].map((lang) => ({ lang, url: languagePath("/search/", lang, siteLanguage) }));
  return pages.map((page) => ({
    ...page,
    root: languagePath("/", page.lang, siteLanguage),
    others: pages.filter((other) => other !== page),
  }));
}

/**
 * The phrases the search page's script says, in `lang` (phrases.ts): each as the dictionary
 * writes it, placeholders and all. A phrase missing is an error naming its key and file.
 */
export function scriptPhrases(dictionaries: Dictionaries, lang: string): Phrases {
  const dictionary = dictionaries.byLanguage.get(lang);
  // translate() names the missing dictionary or phrase; the placeholders stay for the script to fill.
  const raw = (key: string) => dictionary?.[key] ?? translate(dictionaries, lang, key);
  return Object.fromEntries(SCRIPT_PHRASES.map((key) => [key, raw(key)])) as Phrases;
}

/** What the search page in `lang` tells its script (phrases.ts). */
export function searchSettings(dictionaries: Dictionaries, lang: string, siteLanguage: string): SearchSettings {
  return { lang, files: lang === siteLanguage ? null : lang, phrases: scriptPhrases(dictionaries, lang) };
}

/**
 * The post's kind in its language ("Episode", "Épisode"), as its transcript's search records give
 * it (documents.ts): the phrase its page shows and gives Pagefind (`post.kind.*`, layouts/post.njk),
 * so that the kind filter has one value for both.
 */
export function kindLabel(dictionaries: Dictionaries, post: Pick<Post, "kind" | "lang">): string {
  return translate(dictionaries, post.lang, `post.kind.${post.kind}`);
}
