/**
 * Names as heard: which words of the site a query word that stands nowhere in the index may have
 * meant. Pagefind matches whole words and the start of words, and has no typo tolerance; the
 * build lists the site's words with their counts in shards (word-shards.ts), and the search page
 * fetches the shards a word needs only when that word matches nothing (browser/corrections.ts).
 * Shared by both, and unit-tested here: no DOM, no Pagefind, no file system.
 */
import { doubleMetaphone } from "double-metaphone";

/** A word of the site (normalized, as normalizeWord makes it) and how many times it is said or written. */
export type WordCount = readonly [word: string, count: number];

/**
 * The index of the word lists, `pagefind/words.json`: for each family, the file (under
 * `pagefind/words/`) of each key. A word is listed under the start of its spelling ("mo") and
 * under the start of each of its sound keys ("MMF"); a key's file holds the words whose spelling
 * (or sound key) starts with it and with no longer key of the family.
 */
export interface WordShardIndex {
  spelling: Record<string, string>;
  sound: Record<string, string>;
}

export const WORD_SHARD_INDEX = "words.json";
export const WORD_SHARDS_DIR = "words";

/** Words shorter than this are never corrected: too many words stand one letter from them. */
export const SHORTEST_CORRECTED = 4;

/** Edits allowed between a query word and its correction: one for 4 to 6 letters, two for longer words. */
export function editsAllowed(word: string): number {
  const length = [...word].length;
  return length < SHORTEST_CORRECTED ? 0 : length <= 6 ? 1 : 2;
}

/** Edits allowed between a word and one that sounds the same: names are spelled as heard ("Kristina", "Christina"). */
const SOUND_EDITS = 3;

/**
 * The number of edits (a letter inserted, deleted or replaced, or two letters side by side
 * swapped) that turn `a` into `b`, or `max + 1` as soon as it is known to be more than `max`
 * (optimal string alignment distance).
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[t.length]!, max + 1);
}

/** A word's Double Metaphone keys ("momofuku" → MMFK), one or two; none for a word with no Latin letter. */
export function soundKeys(word: string): string[] {
  return [...new Set(doubleMetaphone(word))].filter(Boolean);
}

/** Whether a word may be corrected at all: long enough, made of letters only. */
export function correctable(word: string): boolean {
  return editsAllowed(word) > 0 && /^\p{L}+$/u.test(word);
}

export interface Correction {
  word: string;
  /** Edits from the word typed. */
  distance: number;
  /** It has a sound key of the word typed. */
  sound: boolean;
  /** How many times the site says it. */
  count: number;
}

/**
 * The site's words that `typed` (normalized, standing nowhere in the index) may have meant, best
 * first: within its edits allowed by spelling, or within three edits and sounding the same. Fewer
 * edits first; then one that sounds the same; then the word said most.
 */
export function corrections(typed: string, words: Iterable<WordCount>): Correction[] {
  const allowed = editsAllowed(typed);
  if (!correctable(typed)) return [];
  const keys = new Set(soundKeys(typed));
  const found = new Map<string, Correction>();
  for (const [word, count] of words) {
    if (word === typed || found.has(word)) continue;
    const distance = editDistance(typed, word, Math.max(allowed, SOUND_EDITS));
    if (distance > SOUND_EDITS) continue;
    const sound = soundKeys(word).some((key) => keys.has(key));
    if (distance <= allowed || sound) found.set(word, { word, distance, sound, count });
  }
  return [...found.values()].sort(
    (a, b) =>
      a.distance - b.distance || Number(b.sound) - Number(a.sound) || b.count - a.count || (a.word < b.word ? -1 : 1),
  );
}

/** Whether the site says `word` itself. */
export function listed(word: string, words: Iterable<WordCount>): boolean {
  for (const [listedWord] of words) if (listedWord === word) return true;
  return false;
}

/** Whether some word of the site starts with `prefix` (Pagefind then matches it, as the start of that word). */
export function startsAWord(prefix: string, words: Iterable<WordCount>): boolean {
  for (const [word] of words) if (word.length > prefix.length && word.startsWith(prefix)) return true;
  return false;
}

/** The key of `index` that `text` falls under: the longest that starts it. */
export function shardKey(keys: Iterable<string>, text: string): string | null {
  let best: string | null = null;
  for (const key of keys) if (text.startsWith(key) && (best === null || key.length > best.length)) best = key;
  return best;
}

/** The files that hold the words `typed` may have meant, and any word it starts. */
export function shardFiles(index: WordShardIndex, typed: string): string[] {
  const files = new Set<string>();
  const spelling = shardKey(Object.keys(index.spelling), typed);
  if (spelling !== null) files.add(index.spelling[spelling]!);
  for (const key of soundKeys(typed)) {
    const sound = shardKey(Object.keys(index.sound), key);
    if (sound !== null) files.add(index.sound[sound]!);
  }
  return [...files];
}

/** Reads a file of words: `{"words": [["momofuku", 4], …]}`. */
export function decodeWordShard(json: unknown, file: string): WordCount[] {
  const words = (json as { words?: unknown } | null)?.words;
  if (
    !Array.isArray(words) ||
    !words.every((entry) => Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "number")
  )
    throw new Error(`${file} does not list words as [word, count] pairs`);
  return words as WordCount[];
}

/** Reads `words.json`. */
export function decodeWordShardIndex(json: unknown): WordShardIndex {
  const index = json as Partial<WordShardIndex> | null;
  const isMap = (value: unknown) =>
    typeof value === "object" && value !== null && Object.values(value).every((file) => typeof file === "string");
  if (!index || !isMap(index.spelling) || !isMap(index.sound))
    throw new Error(`${WORD_SHARD_INDEX} does not map keys to files`);
  return index as WordShardIndex;
}
