/**
 * The words a query word may have meant, from the word lists the build writes beside Pagefind's
 * index (../word-shards.ts). Bundled apart, as `/assets/search-corrections.js`, and imported by the
 * search page only when a word of a query matches nothing: an ordinary search never fetches it,
 * nor the lists. A list is fetched once a page, and browsers keep it (its name changes with it).
 */
import {
  corrections,
  decodeWordShard,
  listed,
  decodeWordShardIndex,
  shardFiles,
  startsAWord,
  WORD_SHARD_INDEX,
  WORD_SHARDS_DIR,
  type Correction,
  type WordCount,
} from "../corrections.ts";
import { fetchJson, sitePath } from "./pagefind.ts";
import { languageFile } from "../language-files.ts";
import { getOrMake } from "../../maps/get-or-make.ts";

export interface NearWords {
  /** The words of the site it may have meant, best first. */
  corrections: Correction[];
  /** Some word of the site starts with it. */
  startsAWord: boolean;
  /** The site says it, though Pagefind may have indexed it only inside a longer word ("sword—while"). */
  listed: boolean;
}

let index: Promise<ReturnType<typeof decodeWordShardIndex>> | undefined;
const shards = new Map<string, Promise<WordCount[]>>();

function shard(file: string): Promise<WordCount[]> {
  return getOrMake(shards, file, () => {
    const url = sitePath(`/pagefind/${WORD_SHARDS_DIR}/${file}`);
    return fetchJson(url).then((json) => decodeWordShard(json, url));
  });
}

/**
 * The words near `typed` (normalized), from the lists that hold them: the lists of the words of
 * the posts in the page's language, whose files are named for `lang` (null: the site's, ../language-files.ts).
 */
export async function nearWords(typed: string, lang: string | null): Promise<NearWords> {
  index ??= fetchJson(sitePath(`/pagefind/${languageFile(WORD_SHARD_INDEX, lang)}`)).then(decodeWordShardIndex);
  const files = shardFiles(await index, typed);
  const words = (await Promise.all(files.map(shard))).flat();
  return {
    corrections: corrections(typed, words),
    startsAWord: startsAWord(typed, words),
    listed: listed(typed, words),
  };
}
