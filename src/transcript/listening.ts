/**
 * The rules of listening to an episode on its page, without the DOM: which turn is being said, the
 * moments a link opens (`#t=`), and when the player offers to resume. The page's script
 * (browser/transcript.ts) applies them; the unit tests check them here.
 */
import { ENGLISH_WORDS, say, type ScriptWords } from "./words.ts";

/** A position under this many seconds is not worth resuming: the listener had barely started. */
export const RESUME_FROM = 5;
/** A position this close to the end counts as finished: what is left is the goodbye. */
export const END_MARGIN = 10;
/** While playing, the position is saved at most this often (milliseconds): localStorage writes are synchronous. */
export const SAVE_EVERY_MS = 5000;

/** Seconds from a Media Fragments time in a URL's hash: "#t=754", "#t=754.5", "#t=12:34", "#t=00:12:34", "#t=npt:754", "#t=754,800". */
export function fragmentSeconds(hash: string): number | null {
  const match = /^#t=(?:npt:)?([\d:.]+)(?:,|&|$)/.exec(hash);
  if (!match) return null;
  const parts = match[1]!.split(":");
  if (parts.length > 3 || parts.some((part) => !/^\d+(?:\.\d+)?$/.test(part))) return null;
  return parts.reduce((total, part) => total * 60 + Number(part), 0);
}

/** The hash of a link that opens the page at `seconds` of the audio, as the player can seek there. */
export function momentHash(seconds: number): string {
  return `#t=${Math.round(seconds * 1000) / 1000}`;
}

/**
 * The index of the turn being said at `seconds`, from the turns' starts in order: the last one
 * that has started, or the first before any has (what the listener is about to hear). -1 without turns.
 */
export function currentTurnIndex(starts: readonly number[], seconds: number): number {
  if (starts.length === 0) return -1;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= seconds) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Where a listener stopped in an episode, and how long it was then (null until the player knew). */
export interface SavedPosition {
  position: number;
  duration: number | null;
}

/** The localStorage key of an episode's position: its URL path, the same with or without `index.html`. */
export function positionKey(pathname: string): string {
  return `le-podcast:position:${pathname.replace(/index\.html$/, "")}`;
}

/** A saved position read back, or null for anything else a browser's storage may hold under the key. */
export function readPosition(stored: string | null): SavedPosition | null {
  if (stored === null) return null;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== "object" || value === null) return null;
    const { position, duration } = value as Record<string, unknown>;
    if (!isSeconds(position) || !(duration === null || isSeconds(duration))) return null;
    return { position, duration };
  } catch {
    return null;
  }
}

const isSeconds = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;

/** The listener has heard the episode to its end (or to its last seconds). */
export function isFinished(position: number, duration: number | null): boolean {
  return duration !== null && Number.isFinite(duration) && position >= duration - END_MARGIN;
}

/**
 * Where to offer to resume, or null: not when the link opened a moment of its own (`#t=`, which
 * wins), nor for a position barely started or finished.
 */
export function resumeAt(saved: SavedPosition | null, fragment: number | null): number | null {
  if (fragment !== null || saved === null) return null;
  if (saved.position < RESUME_FROM || isFinished(saved.position, saved.duration)) return null;
  return saved.position;
}

/** What "Link to this moment" does: the system's share sheet where it is the way to share (a touch screen), the clipboard elsewhere. */
export function shareWay(canShareUrl: boolean, coarsePointer: boolean): "share" | "copy" {
  return canShareUrl && coarsePointer ? "share" : "copy";
}

/** The accessible name of a turn's "Play from here": its time as shown ("~12:34" is an estimate) and who speaks, in the page's `words`. */
export function playFromName(shownTime: string, speaker: string, words: ScriptWords = ENGLISH_WORDS): string {
  const time = shownTime.startsWith("~") ? say(words, "player.aboutTime", { time: shownTime.slice(1) }) : shownTime;
  return say(words, "player.playFromName", { time, speaker });
}
