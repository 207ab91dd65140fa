/**
 * The interface's words in each language: one dictionary per language, a file of its own beside
 * the site settings (`content/_data/i18n/<lang>.json`), one key per phrase. Every dictionary holds
 * every key the site language's holds, so a French page never falls back to an English word.
 * Adding a language is adding its dictionary (and posts with its `lang`).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { readUtf8File } from "../files/utf8.ts";

/** A dictionary: phrase key → the phrase, which may hold `{name}` placeholders. */
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
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".json")).sort()) {
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
  if (!complete) return [`no dictionary for the site's language "${language}" (site.json): add ${DICTIONARIES_DIR}/${language}.json`];
  const problems: string[] = [];
  for (const [lang, dictionary] of byLanguage) {
    if (lang === language) continue;
    for (const key of Object.keys(complete))
      if (!(key in dictionary)) problems.push(`${files.get(lang)}: missing "${key}" (${files.get(language)} has it)`);
    for (const key of Object.keys(dictionary))
      if (!(key in complete)) problems.push(`${files.get(lang)}: "${key}" is not a key of ${files.get(language)}`);
  }
  return problems;
}

/** The languages there is a dictionary for. */
export const knownLanguages = (dictionaries: Dictionaries) => [...dictionaries.byLanguage.keys()];

/**
 * The phrase `key` in `lang`, its `{name}` placeholders filled from `values`. An unknown language,
 * key or placeholder is an error that names it: a page never shows a key or a hole.
 */
export function translate(dictionaries: Dictionaries, lang: string, key: string, values: Record<string, unknown> = {}): string {
  const dictionary = dictionaries.byLanguage.get(lang);
  if (!dictionary) throw new DictionaryError(`no dictionary for the language "${lang}": add ${DICTIONARIES_DIR}/${lang}.json`);
  const phrase = dictionary[key];
  if (phrase === undefined) throw new DictionaryError(`${dictionaries.files.get(lang)}: no phrase "${key}"`);
  return phrase.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new DictionaryError(`${dictionaries.files.get(lang)}: "${key}" needs a value for {${name}}`);
    return String(values[name]);
  });
}
