/**
 * What the search page's script says (browser/search-view.ts), in the page's language: phrases of
 * the dictionaries (content/_data/i18n/<lang>.json, `search.results.*`), whose `{name}`
 * placeholders the script fills. The page in the site's language finds its phrases in the script
 * itself (bundle.ts puts that language's in); a page in another language gives its own, with its
 * language, in a JSON block (`#search-settings`, plugin.ts), so one script serves every language
 * and the page in the site's language is as it was. Pure: the build and the script share it.
 */

/** Every phrase the script says, by its dictionary key. */
export const SCRIPT_PHRASES = [
  // "Search is not available right now ({error})."
  "search.results.unavailable",
  // "No post holds “{query}”."
  "search.results.none",
  // "{count} post for “{query}”", "{count} posts for “{query}”": by Intl.PluralRules' category
  "search.results.count.one",
  "search.results.count.other",
  // "Showing results for {corrected}. Search exactly for {typed}.": the two words as elements
  "search.results.corrected",
  // "No post holds all of these words; these hold {held} of {terms}."
  "search.results.partial",
  // "No post holds all of these words; {most} of these hold(s) {held} of {terms}, the others fewer."
  "search.results.partialMost.one",
  "search.results.partialMost.other",
  // "No post holds {words} as typed."
  "search.results.unmatchedAsTyped",
  // "Nothing on the site comes close to {words}."
  "search.results.unmatchedNowhere",
  // "“{word}”": a word of those lists, which a comma and a space separate
  "search.results.quoted",
  // "with {guests}", after an episode's kind and date
  "search.results.withGuests",
  // "In the transcript": the name of a result's list of turns
  "search.results.turns",
] as const;

export type PhraseKey = (typeof SCRIPT_PHRASES)[number];
export type Phrases = Readonly<Record<PhraseKey, string>>;

/** What a search page tells its script: its language, the files it reads, what it says. */
export interface SearchSettings {
  /** The page's language: the index Pagefind loads (its `<html lang>`), the stemmer that ranks, how numbers are written. */
  lang: string;
  /**
   * The language the files beside Pagefind's index are named for (`posts.fr.json`,
   * language-files.ts), or null for the site's language, whose files keep their plain names.
   */
  files: string | null;
  phrases: Phrases;
}

/** `phrase` with its `{name}` placeholders filled from `values`, in pieces: text, and the values as given (elements too). */
export function fillPhrase<T>(phrase: string, values: Readonly<Record<string, T>>): (string | T)[] {
  const pieces: (string | T)[] = [];
  let last = 0;
  for (const match of phrase.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]!;
    if (!(name in values)) continue;
    pieces.push(phrase.slice(last, match.index));
    pieces.push(values[name]!);
    last = match.index + match[0].length;
  }
  pieces.push(phrase.slice(last));
  return pieces.filter((piece) => piece !== "");
}

/** `phrase` with its `{name}` placeholders filled from `values`, as text. */
export const fillText = (phrase: string, values: Readonly<Record<string, string | number>>): string =>
  fillPhrase(phrase, values).join("");

/** The settings' phrases from `json` (the page's block, or the script's own), or an error naming what is missing. */
export function decodeSettings(json: unknown): SearchSettings {
  const settings = json as Partial<SearchSettings> | null;
  const phrases = settings?.phrases as Record<string, unknown> | undefined;
  const missing = SCRIPT_PHRASES.filter((key) => typeof phrases?.[key] !== "string");
  if (
    typeof settings?.lang !== "string" ||
    !(settings.files === null || typeof settings.files === "string") ||
    missing.length
  )
    throw new Error(`The search page's settings lack ${missing.length ? missing.join(", ") : "their language"}`);
  return settings as SearchSettings;
}
