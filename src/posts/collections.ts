import type { DateTime } from "luxon";
import type { Post } from "./schema.ts";

/**
 * What a list of posts shows of each (layouts/partials/post-list.njk). The tag, year and people
 * pages hold cards rather than posts, so that everything such a page shows is in its data:
 * under `npm start` a page whose data did not change is not rendered again (build/listing-pages.ts).
 */
export interface PostCard {
  kind: Post["kind"];
  date: DateTime;
  url: string;
  title: string;
  guests: { name: string; role?: string }[];
  description?: string;
  readingTime: Post["readingTime"];
}

export const postCard = ({ kind, date, url, title, guests, description, readingTime }: Post): PostCard => ({
  kind,
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

export interface TagSummary {
  name: string;
  slug: string;
  url: string;
  count: number;
}

export interface TagPage {
  tag: TagSummary;
  posts: PostCard[];
  pageNumber: number;
  pageCount: number;
  url: string;
  previousUrl: string | null;
  nextUrl: string | null;
}

export const tagUrl = (slug: string, pageNumber = 1) => (pageNumber === 1 ? `/tags/${slug}/` : `/tags/${slug}/page/${pageNumber}/`);

/** Every tag with its post count, by name. */
export function tagSummaries(posts: readonly Post[]): TagSummary[] {
  const tags = new Map<string, TagSummary>();
  for (const post of posts) {
    for (const { name, slug } of post.tags) {
      // The schema refuses such a tag (slug.ts, addressProblems): never a page at /tags//.
      if (!slug) throw new Error(`${post.url} ("${post.title}"): the tag "${name}" has no letter or digit to make its address (/tags/<slug>/)`);
      const tag = tags.get(slug) ?? { name, slug, url: tagUrl(slug), count: 0 };
      tag.count += 1;
      tags.set(slug, tag);
    }
  }
  return [...tags.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** One entry per page of each tag's listing, newest first, `perPage` posts a page. */
export function tagPages(posts: readonly Post[], perPage: number): TagPage[] {
  const sorted = newestFirst(posts);
  return tagSummaries(sorted).flatMap((tag) => {
    const tagged = sorted.filter((post) => post.tags.some((t) => t.slug === tag.slug));
    const pageCount = Math.ceil(tagged.length / perPage);
    return Array.from({ length: pageCount }, (_, index) => {
      const pageNumber = index + 1;
      return {
        tag,
        posts: tagged.slice(index * perPage, pageNumber * perPage).map(postCard),
        pageNumber,
        pageCount,
        url: tagUrl(tag.slug, pageNumber),
        previousUrl: pageNumber > 1 ? tagUrl(tag.slug, pageNumber - 1) : null,
        nextUrl: pageNumber < pageCount ? tagUrl(tag.slug, pageNumber + 1) : null,
      };
    });
  });
}

export interface YearArchive {
  year: number;
  url: string;
  posts: PostCard[];
}

/** Posts grouped by the year of their date in the site's zone, newest year first. */
export function yearArchives(posts: readonly Post[]): YearArchive[] {
  const years = new Map<number, PostCard[]>();
  for (const post of newestFirst(posts)) {
    const list = years.get(post.date.year) ?? [];
    list.push(postCard(post));
    years.set(post.date.year, list);
  }
  return [...years.entries()].map(([year, list]) => ({ year, url: `/en/${year}/`, posts: list }));
}
