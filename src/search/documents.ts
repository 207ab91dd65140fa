import { readableDate } from "../dates/dates.ts";
import { formatTime } from "../text/clock.ts";
import { escapeHtml } from "../text/escape.ts";
import { turnText, type Turn } from "../transcript/parse.ts";
import type { Post } from "../posts/schema.ts";

/** A page for Pagefind to index that readers never see: its URL points into a real page. */
export interface SearchDocument {
  url: string;
  html: string;
}

/**
 * Where a document is written for Pagefind's CLI, which takes a page's URL from its file's path: a
 * page's document at the page's own path, a transcript's documents under `_transcripts/` (their
 * URLs have a fragment, which a path cannot hold; the URL readers follow is in their `url` meta).
 */
export function documentFile(url: string): string {
  const [pathname, fragment] = url.split("#");
  const file = pathname!.endsWith("/") ? `${pathname}index.html` : pathname!;
  return fragment === undefined ? file.slice(1) : `_transcripts${pathname}${fragment}.html`;
}

/**
 * About this many words of transcript go into one search record. Pagefind's metadata and filter
 * files, which the first query fetches whole, grow with the number of records: on 1,000 posts
 * (400 long episodes) the first query fetched 406 KB with a record per turn, 217 KB with
 * 800-word records, 171 KB with 1,600 and 143 KB with 4,000, though a shown transcript result
 * then costs a 9 KB fragment (docs/benchmarks-history.md, "Search: sizing the transcript records"). One speaker's turns make a record (so the
 * speaker filter is exact), and each turn in it is a sub-result.
 */
export const WORDS_PER_RECORD = 4000;

/** "Maria Bracho · 12:00", or "· ~12:00" when the turn's time is estimated. */
export function turnTitle(turn: Turn): string {
  const time = turn.start !== null ? formatTime(turn.start) : `~${formatTime(turn.estimatedStart)}`;
  return `${turn.speaker} · ${time}`;
}

/**
 * Each speaker's turns with words, in order, about `words` words a group (a long turn makes a
 * group alone). Speakers come in the order they first speak.
 */
export function groupTurns(turns: readonly Turn[], words = WORDS_PER_RECORD): Turn[][] {
  const groups: Turn[][] = [];
  const open = new Map<string, { turns: Turn[]; words: number }>();
  for (const turn of turns) {
    const n = turn.words;
    if (n === 0) continue;
    let current = open.get(turn.speaker);
    if (!current || (current.turns.length && current.words + n > words)) {
      current = { turns: [], words: 0 };
      groups.push(current.turns);
      open.set(turn.speaker, current);
    }
    current.turns.push(turn);
    current.words += n;
  }
  return groups;
}

const hidden = (attribute: string, value: string) => `<span data-pagefind-${attribute}>${escapeHtml(value)}</span>`;

/**
 * The search documents of an episode's transcript: one per group of turns, each turn an anchor
 * with a title, so that a hit is a sub-result that lands on the turn where it was said
 * ("…/#turn-12", titled "Maria Bracho · 12:00"). It carries the episode's metadata and filters,
 * with its speaker, and says the post's language, whose index Pagefind puts it in and stems it
 * by. `kind` is the post's kind in that language ("Episode", "Épisode"), as its page's own
 * filter and metadata say it, so that the kind filter has one value for both.
 */
export function transcriptDocuments(post: Post, turns: readonly Turn[], kind: string): SearchDocument[] {
  const guests = post.guests.map((g) => g.name).join(", ");
  return groupTurns(turns).map((group) => {
    const speaker = group[0]!.speaker;
    // Unique per group (Pagefind keeps one record per URL), and not the first turn's own URL,
    // which Pagefind's UI would drop as a sub-result repeating its result. Readers follow the
    // turns' URLs, made from this one: a transcript result shows no link of its own.
    const url = `${post.url}#${group[0]!.id}-to-${group.at(-1)!.id}`;
    const furniture = [
      hidden('meta="url"', url),
      hidden('meta="title"', post.title),
      hidden('meta="kind"', kind),
      hidden('meta="date"', readableDate(post.date, post.lang)),
      hidden('meta="transcript"', "From the transcript"),
      ...(guests ? [hidden('meta="guests"', guests)] : []),
      hidden('sort="date"', post.date.toISODate() ?? ""),
      hidden('filter="kind"', kind),
      hidden('filter="year"', String(post.date.year)),
      ...post.tags.map((tag) => hidden('filter="tag"', tag.name)),
      hidden('filter="speaker"', speaker),
    ].join("");
    const body = group
      .map((turn) => {
        const paragraphs = turnText(turn)
          .split("\n")
          .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
          .join("");
        return `<div id="${escapeHtml(turn.id)}" data-pagefind-title="${escapeHtml(turnTitle(turn))}">${paragraphs}</div>`;
      })
      .join("\n");
    return {
      url,
      html: `<!doctype html><html lang="${escapeHtml(post.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(post.title)}</title></head><body><main data-pagefind-body><div data-pagefind-ignore>${furniture}</div>\n${body}</main></body></html>`,
    };
  });
}

/**
 * A rendered page as Pagefind should read it: without its transcript section, which Pagefind would
 * skip anyway (data-pagefind-ignore) but only after receiving and parsing it, for every episode.
 * The transcript is indexed on its own (transcriptDocuments). The section holds no other section.
 */
export function pageForIndex(html: string): string {
  return html.replace(/<section class="transcript"[\s\S]*?<\/section>/, "");
}
