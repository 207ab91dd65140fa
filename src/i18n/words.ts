import { readDictionaries, translate, type Dictionaries, type Phrase } from "./dictionary.ts";

/**
 * The dictionaries of the build under way, for the code that says words outside the templates
 * (the transcript's HTML): the i18n plugin says where they are for each configuration, and they
 * are read again at the start of every build (an edit under `npm start` shows at the next save).
 */
export class Words {
  #source: { dir: string; language: string; shown: string } | undefined;
  #dictionaries: Dictionaries | undefined;

  /** The dictionaries are `<lang>.json` files in `dir` (shown to authors as `shown`), complete in `language`. */
  readFrom(dir: string, language: string, shown = dir): void {
    this.#source = { dir, language, shown };
    this.#dictionaries = undefined;
  }

  /** Reads them again at the next use: a build is starting. */
  forget(): void {
    this.#dictionaries = undefined;
  }

  get dictionaries(): Dictionaries {
    if (!this.#source) throw new Error("the dictionaries are read once the i18n plugin has said where they are");
    const { dir, language, shown } = this.#source;
    this.#dictionaries ??= readDictionaries(dir, language, shown);
    return this.#dictionaries;
  }

  /** The phrase `key` in `lang` (see translate). */
  say(lang: string, key: string | Phrase, values?: Readonly<Record<string, unknown>>): string {
    return translate(this.dictionaries, lang, key, values);
  }
}
