import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";
import { fillPlaceholders } from "../text/placeholders.ts";

export interface CardPerson {
  name: string;
  role?: string;
}

/**
 * The words a card says around the post's own, in the post's language: its dictionary's `card.*`
 * phrases (`content/_data/i18n/<lang>.json`). Phrases with placeholders are kept as they are
 * written ("with {names}") and filled when the card is laid out (`fillPhrase`).
 */
export interface CardWords {
  /** The language of the words, the post's: part of the card's key, so that no card is taken for another language's. */
  lang: string;
  /** The kind as the card's pill says it: "Article", "Episode". */
  article: string;
  episode: string;
  /** "with {names}": an episode's guests, when there are more than two. */
  withGuests: string;
  /** "{count} more": the guests a list of more than four leaves out. */
  moreGuests: string;
  /** "{names} and {last}": the end of a list of names. */
  namesAnd: string;
  /** The alternative text (not drawn): "{title} — Article by {site}", "{title} — Episode of {show}". */
  articleAlt: string;
  episodeAlt: string;
}

/** The dictionary keys of the card's words. */
export const CARD_PHRASES = {
  article: "card.article",
  episode: "card.episode",
  withGuests: "card.withGuests",
  moreGuests: "card.moreGuests",
  namesAnd: "card.namesAnd",
  articleAlt: "card.articleAlt",
  episodeAlt: "card.episodeAlt",
} as const satisfies Record<Exclude<keyof CardWords, "lang">, string>;

/** The placeholders the card's phrases may hold, each standing for itself: a phrase comes back as written, to be filled on the card. */
const PLACEHOLDERS = Object.fromEntries(
  ["names", "count", "last", "title", "site", "show"].map((name) => [name, `{${name}}`]),
);

/**
 * The card's words in `lang`, from `translate` (the dictionaries' `translate`: it stops at a
 * language, a key or a placeholder it does not know, naming the file).
 */
export function cardWords(
  lang: string,
  translate: (lang: string, key: string, values: Record<string, string>) => string,
): CardWords {
  const words = { lang } as CardWords;
  for (const [name, key] of Object.entries(CARD_PHRASES) as [keyof typeof CARD_PHRASES, string][])
    words[name] = translate(lang, key, PLACEHOLDERS);
  return words;
}

/**
 * The English words, as `content/_data/i18n/en.json` has them (a test holds the two together):
 * for the code that plans or draws a card without the site's dictionaries (the unit tests).
 */
export const ENGLISH_CARD_WORDS: CardWords = {
  lang: "en",
  article: "Article",
  episode: "Episode",
  withGuests: "with {names}",
  moreGuests: "{count} more",
  namesAnd: "{names} and {last}",
  articleAlt: "{title} — Article by {site}",
  episodeAlt: "{title} — Episode of {show}",
};

/** The words a card draws: the alternative text's are left out of its plan, its key and its drawing. */
export type DrawnWords = Omit<CardWords, "articleAlt" | "episodeAlt">;

export const drawnWords = ({ articleAlt: _article, episodeAlt: _episode, ...drawn }: CardWords): DrawnWords => drawn;

/** A phrase with its `{name}` placeholders filled from `values` (an unknown one left as written), as the card lays it out. */
export const fillPhrase = (phrase: string, values: Record<string, string | number>): string =>
  fillPlaceholders(phrase, values, (name) => `{${name}}`);

/** What a post's social card says: everything drawn on it, and nothing else. */
export interface CardContent {
  kind: "Episode" | "Article";
  title: string;
  /** An episode's guests, in the order the show notes give them. */
  guests: CardPerson[];
  /** The show an episode belongs to. */
  show?: string;
  siteName: string;
  /** The site's address as readers type it (`alexis.monville.com`). */
  siteHost: string;
}

export function cardContent(post: Post, site: SiteSettings): CardContent {
  const common = { title: post.title, siteName: site.title, siteHost: new URL(site.url).host };
  if (post.kind === "article") return { ...common, kind: "Article", guests: [] };
  return {
    ...common,
    kind: "Episode",
    guests: post.guests.map((guest) => (guest.role ? { name: guest.name, role: guest.role } : { name: guest.name })),
    show: site.podcast.title,
  };
}

/** Names as a sentence says them: "A", "A and B", "A, B and C" (in `words`' language). */
export function listOfNames(names: readonly string[], words: Pick<CardWords, "namesAnd"> = ENGLISH_CARD_WORDS): string {
  if (names.length <= 1) return names.join("");
  return fillPhrase(words.namesAnd, { names: names.slice(0, -1).join(", "), last: names.at(-1)! });
}

/**
 * The card's alternative text, for readers who cannot see it, in `words`' language: "Title —
 * Episode of Le Podcast on Emerging Leadership with Maria Bracho", or "Title — Article by Alexis
 * Monville".
 */
export function cardAlt(content: CardContent, words: CardWords = ENGLISH_CARD_WORDS): string {
  if (content.kind === "Article") return fillPhrase(words.articleAlt, { title: content.title, site: content.siteName });
  const episode = fillPhrase(words.episodeAlt, { title: content.title, show: content.show ?? "" });
  const names = listOfNames(
    content.guests.map((guest) => guest.name),
    words,
  );
  return content.guests.length ? `${episode} ${fillPhrase(words.withGuests, { names })}` : episode;
}
