/**
 * What this search page says and searches (../phrases.ts): a page in another language than the
 * site's gives its language, the files named for it and its phrases in a JSON block
 * (`#search-settings`, content/search.njk); the page in the site's language has none, and the
 * script's own are the site language's (bundled in by ../bundle.ts).
 */
import { decodeSettings, fillPhrase, fillText, type PhraseKey, type SearchSettings } from "../phrases.ts";

declare const SEARCH_DEFAULTS: unknown;

const block = document.getElementById("search-settings");

export const settings: SearchSettings = decodeSettings(block ? JSON.parse(block.textContent ?? "") : SEARCH_DEFAULTS);

/** The phrase `key`, its placeholders filled with text. */
export const say = (key: PhraseKey, values: Readonly<Record<string, string>> = {}): string =>
  fillText(settings.phrases[key], values);

/** The phrase `key`, its placeholders filled with text or elements, as pieces to append. */
export const sayWith = (key: PhraseKey, values: Readonly<Record<string, string | Node>>): (string | Node)[] =>
  fillPhrase(settings.phrases[key], values);

/** A count as the page's language writes it ("1,234", "1 234"). */
export const count = (n: number): string => n.toLocaleString(settings.lang);

/** The key `one` or `other` of a phrase counted `n` times, as the page's language says it ("0 post" is French's `one`). */
export const plural = (n: number): "one" | "other" =>
  new Intl.PluralRules(settings.lang).select(n) === "one" ? "one" : "other";
