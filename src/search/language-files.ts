/**
 * The files the search page reads beside Pagefind's index, which records make each post
 * (`posts.json`) and the word lists for corrections (`words.json`), are made per language, as
 * Pagefind's indexes are: a record is of one language's index, and a French word is corrected by
 * the French words of the site. The site language's keep their plain names; another language's
 * say which it is (`posts.fr.json`). The lists a words file names (`words/…`) are named by their
 * content, and share their folder. Pure: the build and the search page both name them so.
 */

/** `file` ("posts.json") for the language `lang` ("posts.fr.json"), or as it is for the site's language (`null`). */
export function languageFile(file: string, lang: string | null): string {
  return lang === null ? file : file.replace(/(\.json)?$/, `.${lang}$1`);
}
