import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { DICTIONARIES_DIR, phrasesOf, type Phrase } from "./dictionary.ts";
import { Words } from "./words.ts";

/**
 * The `t` filter: `{{ "nav.search" | t(lang) }}`, `{{ "list.posts" | t(lang, { count: 5 }) }}`, or a
 * phrase some code made (`{{ post.readingTime | readingTimePhrase | t(lang) }}`). The dictionaries
 * are read at the start of every build (an edit to one under `npm start` shows at the next save),
 * and a missing key stops the build with its file and key.
 *
 * Every page has a `lang`: the site's language unless its data says another (a post's front
 * matter, a listing page's language); it is `<html lang>` and the language `t` is given.
 */
export function i18nPlugin(language: string, words = new Words()) {
  return (config: EleventyConfig) => {
    const dir = path.join(config.directories.data, DICTIONARIES_DIR);
    words.readFrom(dir, language, path.relative(process.cwd(), dir));
    config.on("eleventy.before", () => {
      words.forget();
      void words.dictionaries;
    });
    config.addGlobalData("lang", language);
    config.addFilter("t", (key: string | Phrase, lang: string, values?: Record<string, unknown>) =>
      words.say(lang, key, values),
    );
    // A browser script's words, for a `<script type="application/json">` block: JSON that cannot end the block.
    config.addFilter("phrasesJson", (lang: string, prefixes: string[]) =>
      JSON.stringify(phrasesOf(words.dictionaries, lang, prefixes)).replace(/</g, "\\u003c"),
    );
  };
}
