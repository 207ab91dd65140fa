import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";
import {
  cardAlt,
  cardContent,
  drawnWords,
  ENGLISH_CARD_WORDS,
  type CardContent,
  type CardWords,
  type DrawnWords,
} from "./content.ts";
import type { FontCatalog, FontFile } from "./fonts.ts";
import { cardTree, type CardNode } from "./layout.ts";
import { RENDERER } from "./renderer.ts";
import type { CardTheme } from "./theme.ts";

/** A post's card, ready to draw: what it says, in which words, colours and fonts, and the key of the PNG it makes. */
export interface CardPlan {
  key: string;
  alt: string;
  /** The text drawn: the post's, without the characters no font has. */
  content: CardContent;
  /** The words drawn around it, in the post's language. */
  words: DrawnWords;
  theme: CardTheme;
  fonts: FontFile[];
}

/** The content with only the characters the fonts can draw (an emoji would be an empty box). */
function drawableContent(content: CardContent, catalog: FontCatalog): CardContent {
  const drawable = (text: string) => catalog.drawable(text);
  return {
    ...content,
    title: drawable(content.title),
    guests: content.guests.map((guest) => ({
      name: drawable(guest.name),
      ...(guest.role ? { role: drawable(guest.role) } : {}),
    })),
    ...(content.show ? { show: drawable(content.show) } : {}),
    siteName: drawable(content.siteName),
  };
}

/** The words with only the characters the fonts can draw. */
function drawableWords(words: DrawnWords, catalog: FontCatalog): DrawnWords {
  const drawable = (text: string) => catalog.drawable(text);
  return {
    lang: words.lang,
    article: drawable(words.article),
    episode: drawable(words.episode),
    withGuests: drawable(words.withGuests),
    moreGuests: drawable(words.moreGuests),
    namesAnd: drawable(words.namesAnd),
  };
}

const allText = (content: CardContent, words: DrawnWords) =>
  [
    content.kind,
    content.title,
    content.show ?? "",
    content.siteName,
    content.siteHost,
    ...content.guests.flatMap((guest) => [guest.name, guest.role ?? ""]),
    words.article,
    words.episode,
    words.withGuests,
    words.moreGuests,
    words.namesAnd,
  ].join(" ");

/**
 * What decides every card's bytes besides its content, colours and fonts: the code that lays it
 * out and draws it (its source, so that any change to it makes new keys) and the renderers'
 * versions and settings. Made once, so that keying a card in a build where it is cached costs a
 * hash of its text, not a layout.
 */
const DRAWING = createHash("sha256")
  .update(JSON.stringify(RENDERER))
  .update(readFileSync(new URL("./layout.ts", import.meta.url)))
  .update(readFileSync(new URL("./render.ts", import.meta.url)))
  .digest("hex");

/**
 * The key of a card's PNG: a hash of everything that decides its bytes, the text (title, kind,
 * guests and roles, show, site), the words around it and their language, the colours, the font
 * files (package, version, file) and the drawing code and renderers. Any change to one of them
 * makes another key, hence another file (and URL): a cached PNG is never stale, and a card in one
 * language is never taken for another's.
 */
export function cardKey(
  content: CardContent,
  theme: CardTheme,
  fonts: readonly FontFile[],
  words: DrawnWords = drawnWords(ENGLISH_CARD_WORDS),
): string {
  const input = JSON.stringify([content, theme, fonts.map((font) => [font.name, font.weight, font.identity]), words]);
  return createHash("sha256").update(DRAWING).update(input).digest("hex").slice(0, 20);
}

/** The card of `post`, with the words of its language (`wordsOf(post.lang)`, the dictionary's). */
export function planCard(
  post: Post,
  site: SiteSettings,
  theme: CardTheme,
  catalog: FontCatalog,
  wordsOf: (lang: string) => CardWords = () => ENGLISH_CARD_WORDS,
): CardPlan {
  const content = cardContent(post, site);
  const drawn = drawableContent(content, catalog);
  const allWords = wordsOf(post.lang);
  const words = drawableWords(drawnWords(allWords), catalog);
  const fonts = catalog.filesFor(allText(drawn, words));
  // The alternative text says the title as written, emoji and all: a screen reader can say it.
  return {
    key: cardKey(drawn, theme, fonts, words),
    alt: cardAlt(content, allWords),
    content: drawn,
    words,
    theme,
    fonts,
  };
}

/** The layout of a planned card, in the fonts it needs, in their order. */
export const planTree = (plan: Pick<CardPlan, "content" | "words" | "theme" | "fonts">): CardNode =>
  cardTree(plan.content, plan.theme, [...new Set(plan.fonts.map((font) => font.name))], plan.words);
