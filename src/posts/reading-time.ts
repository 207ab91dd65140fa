/**
 * How long a post takes, as lists and pages show it: "8 min read" for an article, the duration of
 * an episode's audio ("31 min"), or, for an episode not yet published as audio, an estimate from
 * its transcript's times ("about 45 min"). Pages say it in their own language from the
 * dictionaries ("8 min de lecture", readingTimePhrase); `label` is the English.
 */
import type { Phrase } from "../i18n/dictionary.ts";

export interface ReadingTime {
  minutes: number;
  /** "8 min read", "31 min", "about 45 min", in English. */
  label: string;
  /** "read": words of the text; "listen": the audio's duration; "estimate": the transcript's last time. */
  kind: "read" | "listen" | "estimate";
}

/** Silent reading of non-fiction in English, words a minute (Brysbaert, 2019: 238). */
export const WORDS_PER_MINUTE = 238;

/** The words a reader reads in a Markdown body: link targets, images' addresses, comments and markup left out. */
export function markdownWords(markdown: string): number {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ");
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** "45 min", "1 h 5 min". */
function duration(minutes: number): string {
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}

/**
 * A reading time as the dictionaries say it: `post.readingTime.read` ("{duration} read"),
 * `.listen` ("{duration}") or `.estimate` ("about {duration}"), the duration being
 * `time.minutes` ("{minutes} min"), `time.hours` ("{hours} h") or `time.hoursMinutes`.
 */
export function readingTimePhrase({ minutes, kind }: Pick<ReadingTime, "minutes" | "kind">): Phrase {
  const hours = Math.floor(minutes / 60);
  const duration: Phrase =
    minutes < 60
      ? { key: "time.minutes", values: { minutes } }
      : minutes % 60
        ? { key: "time.hoursMinutes", values: { hours, minutes: minutes % 60 } }
        : { key: "time.hours", values: { hours } };
  return { key: `post.readingTime.${kind}`, values: { duration } };
}

export function articleReadingTime(markdown: string): ReadingTime {
  const minutes = Math.max(1, Math.round(markdownWords(markdown) / WORDS_PER_MINUTE));
  return { minutes, label: `${duration(minutes)} read`, kind: "read" };
}

/**
 * An episode: its audio's length when it has audio, else its transcript's end (estimated from
 * its marks), else the show notes read as an article.
 */
export function episodeTime(
  audioSeconds: number | null,
  transcriptEndSeconds: number | null,
  showNotes: string,
): ReadingTime {
  if (audioSeconds) {
    const minutes = Math.max(1, Math.round(audioSeconds / 60));
    return { minutes, label: duration(minutes), kind: "listen" };
  }
  if (transcriptEndSeconds) {
    const minutes = Math.max(1, Math.round(transcriptEndSeconds / 60));
    return { minutes, label: `about ${duration(minutes)}`, kind: "estimate" };
  }
  return articleReadingTime(showNotes);
}
