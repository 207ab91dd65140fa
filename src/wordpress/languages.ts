/**
 * A site made multilingual with Polylang: its export gives each post its language as a term
 * `<category domain="language" nicename="fr">`, and the versions of one post a shared term
 * `<category domain="post_translations" nicename="pll_…">`. Here each post gets its `lang` and the
 * versions of one post a `translationKey`. An export without these terms is one language, the site's.
 */
import { LANGUAGE_CODE } from "../posts/schema.ts";
import { postSlug } from "./post.ts";
import type { WxrItem } from "./wxr.ts";

/** Polylang's taxonomies, as the export names them in `domain`. */
const LANGUAGE = "language";
const TRANSLATIONS = "post_translations";

export interface Languages {
  /** Whether the export names any post's language (Polylang's terms): the report then counts posts by language. */
  multilingual: boolean;
  /** The item's language: its term's, else the site's. */
  of(item: WxrItem): string;
  /** The key shared by the item's versions, or undefined when it has no other imported version. */
  keyOf(item: WxrItem): string | undefined;
  /** The groups of versions given a key. */
  groups: number;
}

/**
 * A Polylang language slug as a language code: "fr", "pt-br" (Polylang may write "pt_BR"); null when
 * it is none (the item is then in the site's language, with a warning).
 */
export function languageCode(slug: string): string | null {
  const code = slug.trim().toLowerCase().replaceAll("_", "-");
  return LANGUAGE_CODE.test(code) ? code : null;
}

const termOf = (item: WxrItem, domain: string) =>
  item.terms.find((term) => term.domain === domain && term.slug.trim() !== "");

/**
 * The languages and versions of the export's posts. `imported` says which items become posts (a
 * version left out gives its group no key of its own). A group's key is readable: the slug of its
 * version in the site's language, else Polylang's name for the group (`pll_…`), which is unique;
 * so is the slug of a group, or that name is used.
 */
export function languagesOf(
  items: readonly WxrItem[],
  siteLanguage: string,
  imported: (item: WxrItem) => boolean,
  warnings: string[],
  label: (item: WxrItem) => string,
): Languages {
  const languages = new Map<WxrItem, string>();
  for (const item of items) {
    const term = termOf(item, LANGUAGE);
    if (!term) continue;
    const code = languageCode(term.slug);
    if (code) languages.set(item, code);
    else
      warnings.push(
        `${label(item)}: its language "${term.slug}" is not a language code (such as fr or pt-br): the post is in the site's language, ${siteLanguage}`,
      );
  }
  const of = (item: WxrItem) => languages.get(item) ?? siteLanguage;

  const groups = new Map<string, WxrItem[]>();
  for (const item of items.filter(imported)) {
    const term = termOf(item, TRANSLATIONS);
    if (!term) continue;
    const group = groups.get(term.slug) ?? [];
    group.push(item);
    groups.set(term.slug, group);
  }
  const keys = new Map<WxrItem, string>();
  const used = new Set<string>();
  for (const [name, versions] of groups) {
    if (versions.length < 2) continue;
    const original = versions.find((item) => of(item) === siteLanguage);
    const readable = original && postSlug(original);
    const key = readable && !used.has(readable) ? readable : name;
    used.add(key);
    for (const item of versions) keys.set(item, key);
  }
  return { multilingual: languages.size > 0, of, keyOf: (item) => keys.get(item), groups: used.size };
}
