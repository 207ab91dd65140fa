/**
 * `npm run check`'s rules for a site in several languages: the dictionaries the build reads
 * (`_data/i18n/<lang>.json`), each post's `lang` among their languages, and the versions of one
 * post (`translationKey`): one per language, and none waiting unseen behind a published one.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { DICTIONARIES_DIR, DictionaryError, knownLanguages, readDictionaries } from "../i18n/dictionary.ts";
import { NotUtf8Error } from "../files/utf8.ts";
import { unpublishedReason } from "../posts/publishing.ts";
import { fieldLine, whyUnreadable, type PostFile } from "./files.ts";
import type { Diagnostic } from "./report.ts";

export interface SiteLanguages {
  /** The languages there is a dictionary for (a file `<lang>.json`, even one the build would refuse). */
  known: string[];
  /** The dictionaries' folder as messages show it (`content/_data/i18n`). */
  folder: string;
  errors: Diagnostic[];
}

/**
 * The dictionaries as the build reads them (readDictionaries): each of its problems an error on the
 * file it names. A file that is not UTF-8 is left to checkDataFiles, which reports every data file.
 */
export function readSiteLanguages(root: string, shown: (file: string) => string, language: string): SiteLanguages {
  const dir = path.join(root, "_data", DICTIONARIES_DIR);
  const folder = shown(dir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch (error) {
    const message = `cannot be read: ${whyUnreadable(error)}: the build needs the interface's words in each language, ${language}.json at least`;
    return { known: [], folder, errors: [{ file: folder, line: null, message }] };
  }
  const fromFiles = names.map((name) => path.basename(name, ".json")).sort();
  try {
    return { known: knownLanguages(readDictionaries(dir, language, folder)), folder, errors: [] };
  } catch (error) {
    if (error instanceof NotUtf8Error) return { known: fromFiles, folder, errors: [] };
    if (!(error instanceof DictionaryError))
      return {
        known: fromFiles,
        folder,
        errors: [{ file: folder, line: null, message: `cannot be read: ${whyUnreadable(error)}` }],
      };
    const errors = error.message.split("\n").map((text): Diagnostic => {
      const named = /^(.+?\.json): (.*)$/s.exec(text);
      return named ? { file: named[1]!, line: null, message: named[2]! } : { file: folder, line: null, message: text };
    });
    return { known: fromFiles, folder, errors };
  }
}

const listed = (languages: readonly string[]) => languages.join(", ") || "none";

/**
 * A post's `lang` must have a dictionary: its pages are written in that language's words. Only a
 * `lang` written in the front matter is checked here: the site's own language, every post's by
 * default, is the dictionaries' (readSiteLanguages says when its file is missing).
 */
export function checkLanguages(posts: readonly PostFile[], languages: SiteLanguages): Diagnostic[] {
  if (!languages.known.length) return [];
  return posts.flatMap((post) => {
    const line = fieldLine(post, "lang");
    if (line === null || languages.known.includes(post.post.lang)) return [];
    const add = `${languages.folder}/${post.post.lang}.json`;
    return [
      {
        file: post.file,
        line,
        message: `field "lang" "${post.post.lang}" is not a language of the site: there is no ${add} (the site has ${listed(languages.known)}); write one of those, or add ${add} with every phrase of the others`,
      },
    ];
  });
}

/**
 * The versions of one post share its `translationKey`, one version per language:
 * - two posts of one language with one key are an error, on the second, naming the first (which
 *   of the two would readers of the other versions be sent to?);
 * - a published post whose other version is a draft or scheduled is a warning, not an error: the
 *   build leaves that version out, so the published page simply has no link to it (nor hreflang)
 *   until it is published, and nothing readers see is broken. Translating while the original is
 *   live is the usual way to work; it must not stop a commit or a deployment. The warning says why
 *   the link is missing (`npm start` shows drafts, and their links, which the live site will not).
 */
export function checkTranslations(
  posts: readonly PostFile[],
  now: DateTime,
): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const byKey = new Map<string, PostFile[]>();
  for (const post of posts) {
    const key = post.post.translationKey;
    if (!key) continue;
    const versions = byKey.get(key) ?? [];
    const same = versions.find((other) => other.post.lang === post.post.lang);
    if (same)
      errors.push({
        file: post.file,
        line: fieldLine(post, "translationKey"),
        message: `field "translationKey" "${key}" is also the translationKey of ${same.file}, in the same language (${post.post.lang}): the versions of a post are each in another language; give one of them another key (or its own lang)`,
      });
    else versions.push(post);
    byKey.set(key, versions);
  }
  for (const [key, versions] of byKey) {
    for (const post of versions) {
      if (unpublishedReason(post.post, now)) continue;
      for (const other of versions) {
        const reason = other === post ? null : unpublishedReason(other.post, now);
        if (!reason) continue;
        const state = reason === "draft" ? "a draft" : `scheduled for ${other.post.date.toISODate()}`;
        warnings.push({
          file: post.file,
          line: fieldLine(post, "translationKey"),
          message: `translationKey "${key}": its ${other.post.lang} version ${other.file} is ${state}: this post's page has no link to it (nor hreflang) until it is published`,
        });
      }
    }
  }
  return { errors, warnings };
}
