/**
 * How a word of a post's text stands for a word of a query, as Pagefind matched it: used to rank
 * the moments of a result (ranking.ts). Apart from query.ts so that the page a result opens
 * (browser/highlight.ts) does not load the stemmer.
 */
import stem from "wink-porter2-stemmer";
import { normalizeWord } from "./query.ts";

/**
 * How well a word of the text (normalized) stands for a term of the query: 1 for the word itself or
 * another form of it ("okr" for "okrs", "strategy" for "strategies"; the English stemmer Pagefind
 * uses, Porter2, so that a word Pagefind matched by its stem counts here too), 0.5 for a longer word
 * that starts with it or with its stem (Pagefind matches a term's stem as a prefix: "art" finds
 * "articulate", "investing" finds "investors"), 0 for a word Pagefind matched only approximately
 * ("x" for "xqz").
 */
export function matchWeight(word: string, term: string): number {
  const termStem = stem(term);
  if (word === term || stem(word) === termStem) return 1;
  if (word.startsWith(term) || word.startsWith(termStem)) return 0.5;
  return 0;
}

/**
 * matchWeight for a word of the text as it stands ("Self-Awareness.", "sword—while",
 * "https://www.stripe.press/…"): Pagefind indexes such a word whole and by its parts.
 */
export function tokenWeight(token: string, term: string): number {
  let best = matchWeight(normalizeWord(token), term);
  for (const part of token.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (best === 1) break;
    const word = normalizeWord(part);
    if (word) best = Math.max(best, matchWeight(word, term));
  }
  return best;
}
