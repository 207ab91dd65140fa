import type { Post } from "../posts/schema.ts";

/** Podcasting 2.0 JSON chapters (https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md). */
export function chaptersJson(post: Post): string {
  return `${JSON.stringify({ version: "1.2.0", chapters: post.chapters.map((c) => ({ startTime: c.seconds, title: c.title })) }, null, 1)}\n`;
}

export const chaptersUrl = (post: Post) => `${post.url}chapters.json`;
