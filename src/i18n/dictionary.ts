/**
 * The interface's words in each language: one dictionary per language, a file of its own beside
 * the site settings (`content/_data/i18n/<lang>.json`), one key per phrase. Every dictionary holds
 * every key the site language's holds, so a French page never falls back to an English word.
 * Adding a language is adding its dictionary (and posts with its `lang`).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { readUtf8File } from "../files/utf8.ts";
import { getOrMake } from "../maps/get-or-make.ts";
import { fillPlaceholders } from "../text/placeholders.ts";

/**
 * A dictionary: phrase key → the phrase, which may hold `{name}` placeholders. A phrase said of a
 * count has one key per plural form of the language (`list.posts.one`, `list.posts.other`; French
 * and English need these two, other languages `few`, `many`…), chosen by `values.count`.
 */
export type Dictionary = Readonly<Record<string, string>>;

export interface Dictionaries {
  /** The site's language (`site.json`): its dictionary is the complete one the others are held to. */
  readonly language: string;
  readonly byLanguage: ReadonlyMap<string, Dictionary>;
  /** Where each language's dictionary was read, to name it in an error. */
  readonly files: ReadonlyMap<string, string>;
}

export class DictionaryError extends Error {
  override name = "DictionaryError";
}

/** The folder of the dictionaries, in the data folder. */
export const DICTIONARIES_DIR = "i18n";

/**
 * Reads every `<lang>.json` of `dir` (shown to authors as `shown`), and checks that each holds the
 * same keys as the site language's: a missing or extra key is an error naming the file and the key.
 */
export function readDictionaries(dir: string, language: string, shown = dir): Dictionaries {
  const byLanguage = new Map<string, Dictionary>();
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()) {
    const file = path.join(shown, name);
    byLanguage.set(path.basename(name, ".json"), parseDictionary(readUtf8File(path.join(dir, name), file), file));
    files.set(path.basename(name, ".json"), file);
  }
  const dictionaries = { language, byLanguage, files };
  const problems = dictionaryProblems(dictionaries);
  if (problems.length) throw new DictionaryError(problems.join("\n"));
  return dictionaries;
}

function parseDictionary(text: string, file: string): Dictionary {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DictionaryError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new DictionaryError(`${file}: must be an object of phrases, { "key": "phrase" }`);
  for (const [key, value] of Object.entries(json))
    if (typeof value !== "string") throw new DictionaryError(`${file}: "${key}" must be a phrase (text)`);
  return json as Dictionary;
}

/** What is wrong with a set of dictionaries: the site language's is missing, or another lacks or adds keys. */
export function dictionaryProblems({ language, byLanguage, files }: Dictionaries): string[] {
  const complete = byLanguage.get(language);
  if (!complete)
    return [
      `no dictionary for the site's language "${language}" (site.json): add ${DICTIONARIES_DIR}/${language}.json`,
    ];
  const problems: string[] = [];
  for (const [lang, dictionary] of byLanguage) {
    if (lang === language) continue;
    for (const key of Object.keys(complete))
      if (!(key in dictionary)) problems.push(`${files.get(lang)}: missing "${key}" (${files.get(language)} has it)`);
    for (const key of Object.keys(dictionary))
      if (!(key in complete) && !isPluralFormOf(complete, key))
        problems.push(`${files.get(lang)}: "${key}" is not a key of ${files.get(language)}`);
  }
  return problems;
}

/** The languages with a dictionary file in the data folder `dataDir`, without reading them; none without the folder. */
export function dictionaryLanguages(dataDir: string): string[] {
  try {
    return readdirSync(path.join(dataDir, DICTIONARIES_DIR))
      .filter((name) => name.endsWith(".json"))
      .map((name) => path.basename(name, ".json"))
      .sort();
  } catch {
    return [];
  }
}

/** The languages there is a dictionary for. */
export const knownLanguages = (dictionaries: Dictionaries) => [...dictionaries.byLanguage.keys()];

/** The plural forms a language may need beside `other` (Intl.PluralRules' categories). */
const PLURAL_FORMS = ["zero", "one", "two", "few", "many"];

/** `list.posts.few` is a plural form of a phrase the site language's dictionary has (`list.posts.other`). */
function isPluralFormOf(complete: Dictionary, key: string): boolean {
  const dot = key.lastIndexOf(".");
  return PLURAL_FORMS.includes(key.slice(dot + 1)) && `${key.slice(0, dot)}.other` in complete;
}

/**
 * A phrase to say later, in the page's language: its key and the values of its placeholders, any
 * of which may be a phrase itself ("{duration} read", with duration "{minutes} min"). Code that
 * knows what to say but not in which language (a reading time, a host's role) gives templates
 * these, and `t` says them.
 */
export interface Phrase {
  key: string;
  values?: Readonly<Record<string, unknown>>;
}

const isPhrase = (value: unknown): value is Phrase =>
  typeof value === "object" && value !== null && typeof (value as Phrase).key === "string";

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The phrase `key` in `lang`, its `{name}` placeholders filled from `values`. A value that is a
 * Phrase is said in the same language. With a number `count` among the values, a key that is not
 * a phrase of its own is said in the plural form the language gives that count (`key.one`,
 * `key.other`…), and `{count}` is written as the language writes numbers ("1,000", "1 000").
 * An unknown language, key or placeholder is an error that names it: a page never shows a key or a hole.
 */
export function translate(
  dictionaries: Dictionaries,
  lang: string,
  key: string | Phrase,
  values: Readonly<Record<string, unknown>> = {},
): string {
  if (isPhrase(key)) return translate(dictionaries, lang, key.key, { ...key.values, ...values });
  const dictionary = dictionaries.byLanguage.get(lang);
  if (!dictionary)
    throw new DictionaryError(`no dictionary for the language "${lang}": add ${DICTIONARIES_DIR}/${lang}.json`);
  const count = typeof values.count === "number" ? values.count : undefined;
  const form =
    count !== undefined && !(key in dictionary)
      ? getOrMake(pluralRules, lang, () => new Intl.PluralRules(lang)).select(count)
      : undefined;
  const shownKey = form === undefined ? key : `${key}.${form}` in dictionary ? `${key}.${form}` : `${key}.other`;
  const phrase = dictionary[shownKey];
  if (phrase === undefined) throw new DictionaryError(`${dictionaries.files.get(lang)}: no phrase "${shownKey}"`);
  const filled: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values))
    filled[name] = isPhrase(value) ? translate(dictionaries, lang, value) : value;
  if (count !== undefined)
    filled.count = getOrMake(numberFormats, lang, () => new Intl.NumberFormat(lang)).format(count);
  return fillPlaceholders(phrase, filled, (name) => {
    throw new DictionaryError(`${dictionaries.files.get(lang)}: "${shownKey}" needs a value for {${name}}`);
  });
}

/** The phrases of `lang` whose keys start with one of `prefixes`, as they are written (for a browser script). */
export function phrasesOf(
  dictionaries: Dictionaries,
  lang: string,
  prefixes: readonly string[],
): Record<string, string> {
  const dictionary = dictionaries.byLanguage.get(lang);
  if (!dictionary)
    throw new DictionaryError(`no dictionary for the language "${lang}": add ${DICTIONARIES_DIR}/${lang}.json`);
  return Object.fromEntries(
    Object.entries(dictionary).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))),
  );
}
