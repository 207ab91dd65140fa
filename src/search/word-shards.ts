import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  SHORTEST_CORRECTED,
  WORD_SHARD_INDEX,
  WORD_SHARDS_DIR,
  soundKeys,
  type WordCount,
  type WordShardIndex,
} from "./corrections.ts";
import { normalizeWord } from "./query.ts";
import { getOrMake } from "../maps/get-or-make.ts";

/**
 * At most this many words in a file of words (about 4 KB gzipped): a key with more is split by
 * its next letter. A corrected word fetches one file by spelling and one or two by sound.
 */
export const WORDS_PER_SHARD = 1000;

/** The words that can be a correction: one letter shorter than the shortest word corrected, at least. */
const SHORTEST_LISTED = SHORTEST_CORRECTED - 1;

/**
 * The words of the search records as Pagefind reads them, counted: each word between spaces,
 * normalized, and the parts of one joined by punctuation ("follow-up": "followup", "follow",
 * "up"), which Pagefind indexes too. Words with digits, and words too short to be a correction,
 * are left out.
 */
export class WordCounts {
  /** Each token between spaces, as it stands, and how many times: tokens repeat, so each is normalized once. */
  readonly #tokens = new Map<string, number>();

  add(text: string): void {
    for (const token of text.split(/\s+/)) if (token) this.#tokens.set(token, (this.#tokens.get(token) ?? 0) + 1);
  }

  /** Each word, normalized, and how many times it stands (each token normalized now, once). */
  words(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [token, n] of this.#tokens) {
      const parts = token
        .split(/[^\p{L}\p{M}\p{N}]+/u)
        .map(normalizeWord)
        .filter(Boolean);
      const words = parts.length > 1 ? [normalizeWord(token), ...parts] : parts;
      for (const word of words) {
        if (word.length < SHORTEST_LISTED || /\p{N}/u.test(word)) continue;
        counts.set(word, (counts.get(word) ?? 0) + n);
      }
    }
    return counts;
  }
}

/**
 * Splits `entries` by the start of their key: all under "" while they fit in a file, else by the
 * first letter, then the first two…; a key's entries too short to split further stay under it.
 */
export function shardByKey(
  entries: readonly (readonly [key: string, entry: WordCount])[],
  max = WORDS_PER_SHARD,
): Map<string, WordCount[]> {
  const shards = new Map<string, WordCount[]>();
  const place = (prefix: string, items: readonly (readonly [string[], WordCount])[]) => {
    if (items.length <= max) {
      if (items.length)
        shards.set(
          prefix,
          items.map(([, entry]) => entry),
        );
      return;
    }
    const depth = [...prefix].length;
    const here = items.filter(([chars]) => chars.length <= depth);
    if (here.length)
      shards.set(
        prefix,
        here.map(([, entry]) => entry),
      );
    const deeper = new Map<string, [string[], WordCount][]>();
    for (const item of items) {
      if (item[0].length <= depth) continue;
      const next = prefix + item[0][depth]!;
      getOrMake(deeper, next, () => []).push(item as [string[], WordCount]);
    }
    for (const [next, group] of deeper) place(next, group);
  };
  place(
    "",
    entries.map(([key, entry]) => [[...key], entry] as const),
  );
  return shards;
}

export interface WordShards {
  index: WordShardIndex;
  /** The text of each file, by its name under `words/`. */
  files: Map<string, string>;
}

/**
 * The files of words for `counts`: by spelling and by sound, each file named by a hash of its
 * text, so that browsers may keep it as long as it is listed (Pagefind's own files are named so).
 */
export function wordShards(counts: ReadonlyMap<string, number>, max = WORDS_PER_SHARD): WordShards {
  const words: WordCount[] = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const families = {
    spelling: shardByKey(
      words.map((entry) => [entry[0], entry] as const),
      max,
    ),
    sound: shardByKey(
      words.flatMap((entry) => soundKeys(entry[0]).map((key) => [key, entry] as const)),
      max,
    ),
  };
  const files = new Map<string, string>();
  const index: WordShardIndex = { spelling: {}, sound: {} };
  for (const family of ["spelling", "sound"] as const) {
    for (const [key, entries] of [...families[family]].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const text = JSON.stringify({ words: entries });
      const name = `${createHash("sha256").update(text).digest("hex").slice(0, 16)}.json`;
      files.set(name, text);
      index[family][key] = name;
    }
  }
  return { index, files };
}

/**
 * Writes `words.json` (or the `indexFile` of another language, language-files.ts) and the files of
 * words it names into `pagefindDir`; returns how many words they list. The files of words are
 * named by their content: the languages' share the folder.
 */
export function writeWordShards(pagefindDir: string, counts: WordCounts, indexFile = WORD_SHARD_INDEX): number {
  const words = counts.words();
  const { index, files } = wordShards(words);
  mkdirSync(path.join(pagefindDir, WORD_SHARDS_DIR), { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(pagefindDir, WORD_SHARDS_DIR, name), text);
  writeFileSync(path.join(pagefindDir, indexFile), JSON.stringify(index));
  return words.size;
}
