import { readableDate } from "../dates/dates.ts";
import type { Post } from "../posts/schema.ts";
import { formatTime, turnText, type Turn } from "../transcript/parse.ts";

/** A Pagefind custom record (the shape of `index.addCustomRecord`'s argument). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export const KIND_LABELS = { article: "Article", episode: "Episode" } as const;

/** Filters shared by a post's page and by each turn of its transcript. */
export function postFilters(post: Post): Record<string, string[]> {
  const people = [post.host?.name, ...post.guests.map((g) => g.name)].filter((n): n is string => Boolean(n));
  return {
    kind: [KIND_LABELS[post.kind]],
    tag: post.tags.map((t) => t.name),
    year: [String(post.date.year)],
    ...(people.length ? { speaker: people } : {}),
  };
}

/** "Maria Bracho · 12:00", or "· ~12:00" when the turn's time is estimated. */
export function turnTitle(turn: Turn): string {
  const time = turn.start !== null ? formatTime(turn.start) : `~${formatTime(turn.estimatedStart)}`;
  return `${turn.speaker} · ${time}`;
}

/**
 * One search record per transcript turn, so a hit lands on the turn (its URL ends with the turn's
 * anchor) and a result loads only that turn's words, not the whole 9,000-word page.
 */
export function turnRecords(post: Post, turns: readonly Turn[], language: string): SearchRecord[] {
  const guests = post.guests.map((g) => g.name).join(", ");
  const shared = postFilters(post);
  return turns.flatMap((turn) => {
    const content = turnText(turn);
    if (!content) return [];
    return [
      {
        url: `${post.url}#${turn.id}`,
        content,
        language,
        meta: {
          title: turnTitle(turn),
          episode: post.title,
          episode_url: post.url,
          date: readableDate(post.date, language),
          kind: KIND_LABELS[post.kind],
          guests,
        },
        filters: { ...shared, speaker: [turn.speaker] },
        sort: { date: post.date.toISODate() ?? "" },
      },
    ];
  });
}
