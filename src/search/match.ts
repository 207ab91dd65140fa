/**
 * How a word of a post's text stands for a word of a query, as Pagefind matched it: used to rank
 * the moments of a result (ranking.ts). Apart from query.ts so that the page a result opens
 * (browser/highlight.ts) does not load the stemmers.
 */
import porter2 from "wink-porter2-stemmer";
import { normalizeWord } from "./query.ts";

/** A word's stem: the part its other forms share ("strategies", "strategy" → "strategi"). */
export type Stem = (word: string) => string;

/**
 * The stemmer of each language, the algorithm Pagefind stems that language's index with
 * (Snowball's): English by Porter2 (`wink-porter2-stemmer`), in every search page's script; another
 * language's is a script of its own that its search page loads first (STEMMER_SCRIPTS, addStemmer).
 * A language Pagefind stems and this list lacks is compared word for word: its other forms then
 * count as longer words at most.
 */
const STEMMERS = new Map<string, Stem>([["en", porter2]]);

/** The languages whose stemmer is a script of its own, `/assets/<name>.js` (bundle.ts), exporting it as `stem`. */
export const STEMMER_SCRIPTS: Readonly<Record<string, string>> = { fr: "stemmer-fr" };

/** Makes `stem` the stemmer of `lang` ("fr"): the search page's, once it has loaded its script. */
export function addStemmer(lang: string, stem: Stem): void {
  STEMMERS.set(lang.toLowerCase(), stem);
}

/** Words as they are, for a language without a stemmer here. */
const asTheyAre: Stem = (word) => word;

/** The stemmer of `lang` ("fr", or "fr-ca" by its first part), or none (words as they are) for a language without one. */
export function stemmerFor(lang: string): Stem {
  const code = lang.toLowerCase();
  return STEMMERS.get(code) ?? STEMMERS.get(code.split("-")[0]!) ?? asTheyAre;
}

const english = stemmerFor("en");

/**
 * How well a word of the text (normalized) stands for a term of the query: 1 for the word itself or
 * another form of it ("okr" for "okrs", "strategy" for "strategies", "organisation" for
 * "organisations" in French; `stem` is the language's stemmer, the one Pagefind uses, so that a
 * word Pagefind matched by its stem counts here too), 0.5 for a longer word that starts with it or
 * with its stem (Pagefind matches a term's stem as a prefix: "art" finds "articulate", "investing"
 * finds "investors"), 0 for a word Pagefind matched only approximately ("x" for "xqz").
 */
export function matchWeight(word: string, term: string, stem: Stem = english): number {
  const termStem = stem(term);
  if (word === term || stem(word) === termStem) return 1;
  if (word.startsWith(term) || word.startsWith(termStem)) return 0.5;
  return 0;
}

/**
 * matchWeight for a word of the text as it stands ("Self-Awareness.", "sword—while",
 * "https://www.stripe.press/…"): Pagefind indexes such a word whole and by its parts.
 */
export function tokenWeight(token: string, term: string, stem: Stem = english): number {
  let best = matchWeight(normalizeWord(token), term, stem);
  for (const part of token.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (best === 1) break;
    const word = normalizeWord(part);
    if (word) best = Math.max(best, matchWeight(word, term, stem));
  }
  return best;
}
