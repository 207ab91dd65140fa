import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { DICTIONARIES_DIR, readDictionaries, translate, type Dictionaries } from "./dictionary.ts";

/**
 * The `t` filter: `{{ "search.button" | t(lang) }}`, `{{ "post.readingTime" | t(lang, { minutes: 5 }) }}`.
 * The dictionaries are read at the start of every build (an edit to one under `npm start` shows
 * at the next save), and a missing key stops the build with its file and key.
 */
export function i18nPlugin(language: string) {
  return (config: EleventyConfig) => {
    const dir = path.join(config.directories.data, DICTIONARIES_DIR);
    let dictionaries: Dictionaries | undefined;
    const loaded = () => (dictionaries ??= readDictionaries(dir, language, path.relative(process.cwd(), dir)));
    config.on("eleventy.before", () => {
      dictionaries = undefined;
      loaded();
    });
    config.addFilter("t", (key: string, lang: string, values?: Record<string, unknown>) => translate(loaded(), lang, key, values));
  };
}
