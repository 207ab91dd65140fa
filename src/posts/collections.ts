import type { DateTime } from "luxon";
import { getOrMake } from "../maps/get-or-make.ts";
import type { Post } from "./schema.ts";

/**
 * What a list of posts shows of each (layouts/partials/post-list.njk). The tag, year and people
 * pages hold cards rather than posts, so that everything such a page shows is in its data:
 * under `npm start` a page whose data did not change is not rendered again (build/listing-pages.ts).
 */
export interface PostCard {
  kind: Post["kind"];
  /** The post's language: a list in another language marks it. */
  lang: string;
  date: DateTime;
  url: string;
  title: string;
  guests: { name: string; role?: string }[];
  description?: string;
  readingTime: Post["readingTime"];
}

export const postCard = ({ kind, lang, date, url, title, guests, description, readingTime }: Post): PostCard => ({
  kind,
  lang,
  date,
  url,
  title,
  guests: guests.map(({ name, role }) => ({ name, role })),
  description,
  readingTime,
});

export function newestFirst(posts: readonly Post[]): Post[] {
  return [...posts].sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.title.localeCompare(b.title));
}

/**
 * Where a page of the site is in a language: the site language's pages at their own path
 * (`/archive/`), another language's under its code (`/fr/archive/`).
 */
export function languagePath(path: string, lang: string, siteLanguage: string): string {
  return lang === siteLanguage ? path : `/${lang}${path}`;
}

/** The posts by language, newest first in each: the site's language first (even without posts), then the others by code. */
export function postsByLanguage(posts: readonly Post[], siteLanguage: string): [lang: string, posts: Post[]][] {
  const languages = new Map<string, Post[]>([[siteLanguage, []]]);
  for (const post of newestFirst(posts)) getOrMake(languages, post.lang, () => []).push(post);
  return [...languages].sort(([a], [b]) => (a === siteLanguage ? -1 : b === siteLanguage ? 1 : a.localeCompare(b)));
}

export interface TagSummary {
  name: string;
  slug: string;
  url: string;
  count: number;
}

export interface TagPage {
  /** The language of the page and its posts. */
  lang: string;
  tag: TagSummary;
  posts: PostCard[];
  pageNumber: number;
  pageCount: number;
  url: string;
  previousUrl: string | null;
  nextUrl: string | null;
}

/** A tag's page; `root` is where its language's pages are ("/", "/fr/"). */
export const tagUrl = (slug: string, pageNumber = 1, root = "/") =>
  pageNumber === 1 ? `${root}tags/${slug}/` : `${root}tags/${slug}/page/${pageNumber}/`;

/** Every tag with its post count, by name; `root` is where the posts' language has its pages ("/", "/fr/"). */
export function tagSummaries(posts: readonly Post[], root = "/"): TagSummary[] {
  const tags = new Map<string, TagSummary>();
  for (const post of posts) {
    for (const { name, slug } of post.tags) {
      // The schema refuses such a tag (slug.ts, addressProblems): never a page at /tags//.
      if (!slug)
        throw new Error(
          `${post.url} ("${post.title}"): the tag "${name}" has no letter or digit to make its address (/tags/<slug>/)`,
        );
      const tag = tags.get(slug) ?? { name, slug, url: tagUrl(slug, 1, root), count: 0 };
      tag.count += 1;
      tags.set(slug, tag);
    }
  }
  return [...tags.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One entry per page of each tag's listing, newest first, `perPage` posts a page: each language's
 * tags list its own posts (`/tags/strategy/`, `/fr/tags/strategie/`), the site language's first.
 */
export function tagPages(posts: readonly Post[], perPage: number, siteLanguage = "en"): TagPage[] {
  return postsByLanguage(posts, siteLanguage).flatMap(([lang, sorted]) => {
    const root = languagePath("/", lang, siteLanguage);
    return tagSummaries(sorted, root).flatMap((tag) => {
      const tagged = sorted.filter((post) => post.tags.some((t) => t.slug === tag.slug));
      const pageCount = Math.ceil(tagged.length / perPage);
      return Array.from({ length: pageCount }, (_, index) => {
        const pageNumber = index + 1;
        return {
          lang,
          tag,
          posts: tagged.slice(index * perPage, pageNumber * perPage).map(postCard),
          pageNumber,
          pageCount,
          url: tagUrl(tag.slug, pageNumber, root),
          previousUrl: pageNumber > 1 ? tagUrl(tag.slug, pageNumber - 1, root) : null,
          nextUrl: pageNumber < pageCount ? tagUrl(tag.slug, pageNumber + 1, root) : null,
        };
      });
    });
  });
}

export interface YearArchive {
  /** The language of the page and its posts. */
  lang: string;
  year: number;
  url: string;
  posts: PostCard[];
}

/**
 * Posts grouped by the year of their date in the site's zone, newest year first: each language's
 * years list its own posts, at `/<lang>/YYYY/` (`/en/2024/`, `/fr/2024/`), the site language's first.
 */
export function yearArchives(posts: readonly Post[], siteLanguage = "en"): YearArchive[] {
  return postsByLanguage(posts, siteLanguage).flatMap(([lang, sorted]) => {
    const years = new Map<number, PostCard[]>();
    for (const post of sorted) getOrMake(years, post.date.year, () => []).push(postCard(post));
    return [...years.entries()].map(([year, list]) => ({ lang, year, url: `/${lang}/${year}/`, posts: list }));
  });
}

/**
 * What a language's home, archive, tags and 404 pages list: the site language's at `/`,
 * `/archive/`, `/tags/`, `/404.html`, another language's under its code (`/fr/`, `/fr/archive/`…),
 * there only when some post is written in it.
 */
export interface LanguageListing {
  lang: string;
  /** Where the language's pages are: "/" for the site's language, "/fr/" for French. */
  root: string;
  /** Its posts, newest first. */
  posts: Post[];
  years: YearArchive[];
  tags: TagSummary[];
}

export function languageListings(posts: readonly Post[], siteLanguage: string): LanguageListing[] {
  return postsByLanguage(posts, siteLanguage).map(([lang, list]) => {
    const root = languagePath("/", lang, siteLanguage);
    return { lang, root, posts: list, years: yearArchives(list, siteLanguage), tags: tagSummaries(list, root) };
  });
}
