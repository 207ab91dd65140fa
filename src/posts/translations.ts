import { getOrMake } from "../maps/get-or-make.ts";
import type { Post } from "./schema.ts";

/**
 * Each post's other versions, by the post's URL: the published posts that share its
 * `translationKey`, in other languages, ordered by language. A post without a key, or alone with
 * it, has none. (Two versions in one language are `npm run check`'s to report.)
 */
export function translationsByUrl(posts: readonly Post[]): Map<string, Post[]> {
  const byKey = new Map<string, Post[]>();
  for (const post of posts) if (post.translationKey) getOrMake(byKey, post.translationKey, () => []).push(post);
  const translations = new Map<string, Post[]>();
  for (const versions of byKey.values()) {
    for (const post of versions) {
      const others = versions.filter((other) => other.lang !== post.lang).sort((a, b) => a.lang.localeCompare(b.lang));
      if (others.length) translations.set(post.url, others);
    }
  }
  return translations;
}
