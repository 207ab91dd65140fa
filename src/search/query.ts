/**
 * What a reader typed into the search field, and how a word of the text stands for a word of the
 * query. Shared by the search page and the page a result opens (src/search/browser/), and
 * unit-tested here: no DOM, no Pagefind.
 */
import { escapeRegExp } from "../text/escape.ts";

/** Words that stand in almost every turn: they do not decide which posts or turns come first. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    "a about all also am an and any are as at be been but by can could did do does doing for from had has have he her him his how i if im in " +
    "into is it its just me my no not of on or our out she so some than that thats the their them then there these they this those to too " +
    "up us was we were what when where which who whom why will with would you your youre"
  ).split(" "),
);

export interface SearchQuery {
  /** As typed, trimmed. */
  text: string;
  /** The whole query stood in double quotes: only the exact phrase matches. */
  quoted: boolean;
  /** The query's words, normalized (normalizeWord), in order, common ones included. */
  words: string[];
  /** The words that decide: distinct, without the common ones (all of them when every word is common). */
  terms: string[];
  /** The last word while it may be unfinished (no space typed after it): it alone matches the start of longer words ("ram" finds "ramen"). */
  partial: string | null;
  /** The language searched, that of the search page: its stemmer tells the forms of a word apart (match.ts). */
  lang: string;
}

/** A word as search compares it: lower case, without accents and punctuation ("OKRs”" → "okrs", "I’m" → "im"). */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\p{M}\p{P}\p{S}]/gu, "");
}

/** What was typed, searched in `lang` (the search page's language). */
export function parseQuery(typed: string, lang = "en"): SearchQuery {
  const text = typed.trim();
  // Straight or curly quotes around the whole query; quotes elsewhere are left out.
  const quoted = /^["“”].*\S.*["“”]$/u.test(text) && text.length > 2;
  const words = text.split(/\s+/).map(normalizeWord).filter(Boolean);
  const distinct = [...new Set(words)];
  const decisive = distinct.filter((word) => !COMMON_WORDS.has(word));
  const partial = !quoted && !/\s$/.test(typed) ? (words.at(-1) ?? null) : null;
  return { text, quoted, words, terms: decisive.length ? decisive : distinct, partial, lang };
}

/** A word typed, replaced by a correction written as the word was: "Momofuko" → "Momofuku", "RUMMELT" → "RUMELT". */
function inTheCaseOf(typed: string, correction: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase() && typed !== typed.toLowerCase())
    return correction.toUpperCase();
  const first = typed.match(/\p{L}/u)?.[0];
  return first && first !== first.toLowerCase() ? correction.charAt(0).toUpperCase() + correction.slice(1) : correction;
}

/**
 * The query with some of its words corrected (`corrections`: a word as normalized → the word of
 * the site it was taken for): its text as the reader would have typed it, its words and terms. A
 * corrected word is whole: it no longer matches the start of longer words.
 */
export function correctedQuery(query: SearchQuery, corrections: ReadonlyMap<string, string>): SearchQuery {
  if (!corrections.size) return query;
  const fix = (word: string) => corrections.get(word) ?? word;
  const text = query.text
    .split(/(\s+)/)
    .map((token) => {
      const correction = corrections.get(normalizeWord(token));
      return correction === undefined ? token : inTheCaseOf(token, correction);
    })
    .join("");
  const partial = query.partial !== null && corrections.has(query.partial) ? null : query.partial;
  return {
    text,
    quoted: query.quoted,
    words: query.words.map(fix),
    terms: [...new Set(query.terms.map(fix))],
    partial,
    lang: query.lang,
  };
}

/** The text Pagefind is given for a query: the phrase in quotes for an exact search, else the words. */
export function pagefindQuery(query: SearchQuery): string {
  return query.quoted ? `"${query.words.join(" ")}"` : query.words.join(" ");
}

/**
 * The `highlight` parameters of a result's link, for the page it opens to mark (browser/highlight.ts):
 * a quoted query's phrase; else its terms, and its words as a phrase, marked as one piece where
 * they stand together. Common words alone are not marked: they stand everywhere.
 */
export function highlightParams(query: SearchQuery): string[] {
  if (query.quoted) return [query.words.join(" ")];
  return [...(query.words.length > 1 ? [query.words.join(" ")] : []), ...query.terms];
}

const WORD_CHAR = "[\\p{L}\\p{N}]";

/** A word of a highlight, as it may stand in the text: any case, with an ending ("gardener" marks "gardeners", "strategy" "strategies"). */
function wordPattern(word: string): string {
  if (COMMON_WORDS.has(word)) return `${escapeRegExp(word)}(?!${WORD_CHAR})`;
  const base = word.length > 4 ? word.replace(/[eys]$/, "") : word;
  return `${escapeRegExp(base)}${WORD_CHAR}*`;
}

/**
 * What a page opened from a result marks: each `highlight` parameter, a phrase (words separated by
 * spaces) as one piece whatever punctuation stands between its words, longest first. Null when
 * there is nothing to mark.
 */
export function highlightPattern(params: readonly string[]): RegExp | null {
  const pieces = [
    ...new Set(
      params
        .map((param) => param.split(/\s+/).map(normalizeWord).filter(Boolean))
        .filter((words) => words.length)
        .map((words) => words.join(" ")),
    ),
  ]
    .sort((a, b) => b.length - a.length)
    .map((piece) => piece.split(" ").map(wordPattern).join(`[^\\p{L}\\p{N}]+`));
  return pieces.length ? new RegExp(`(?<!${WORD_CHAR})(?:${pieces.join("|")})`, "giu") : null;
}
