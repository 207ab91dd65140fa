/**
 * The words the episode page's script says (browser/), in English: the dictionaries' phrases of
 * the same keys (content/_data/i18n/en.json; a unit test keeps them equal). A page in another
 * language gives the script its own in a `<script type="application/json" id="transcript-words">`
 * block (layouts/post.njk), which pageWords reads; an English page needs none.
 */
import { fillPlaceholders } from "../text/placeholders.ts";

export const ENGLISH_WORDS = {
  "transcript.moment.link": "Link",
  "transcript.moment.linkMore": " to this moment",
  "transcript.moment.share": "Share",
  "transcript.moment.shareMore": " this moment",
  "transcript.moment.copied": "Link copied",
  "transcript.moment.inAddressBar": "Link in the address bar",
  "player.follow": "Follow along",
  "player.stoppedFollowing": "Stopped following: you scrolled.",
  "player.resumeAt": "Resume at {time}",
  "player.playFrom": "Play from {time}",
  "player.play": "Play",
  "player.playMore": " from here",
  "player.playFromName": "Play from here, {time}, {speaker}",
  "player.aboutTime": "about {time}",
} as const;

export type WordKey = keyof typeof ENGLISH_WORDS;
export type ScriptWords = Readonly<Record<WordKey, string>>;

/** The script's words from a page's JSON block (or none): its phrases for the keys the script knows, English for the rest. */
export function pageWords(json: string | null | undefined): ScriptWords {
  const words: Record<WordKey, string> = { ...ENGLISH_WORDS };
  if (!json) return words;
  try {
    const given: unknown = JSON.parse(json);
    if (typeof given !== "object" || given === null) return words;
    for (const key of Object.keys(words) as WordKey[]) {
      const phrase = (given as Record<string, unknown>)[key];
      if (typeof phrase === "string") words[key] = phrase;
    }
  } catch {
    // A block that is not JSON: the script speaks English rather than not at all.
  }
  return words;
}

/** The phrase `key` with its `{name}` placeholders filled (a placeholder without a value is left as it is). */
export function say(words: ScriptWords, key: WordKey, values: Readonly<Record<string, unknown>> = {}): string {
  return fillPlaceholders(words[key], values, (name) => `{${name}}`);
}
