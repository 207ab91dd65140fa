import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { NotUtf8Error, readUtf8File } from "../files/utf8.ts";
import { personUrl } from "../posts/people.ts";
import { readFrontMatter } from "../markdown/front-matter.ts";
import { postOf } from "../posts/front-matter.ts";
import type { Post } from "../posts/schema.ts";
import { transcriptDownloads, type TranscriptDownload } from "./downloads.ts";
import { readEpisodeTranscript, type EpisodeTranscript } from "./episode.ts";
import { renderTranscriptHtml } from "./html.ts";

export const TRANSCRIPT_FILE = "transcript.md";

export interface EpisodeWithTranscript {
  post: Post;
  transcript: EpisodeTranscript;
  html: string;
  downloads: TranscriptDownload[];
}

/**
 * Episodes' transcripts, read from `transcript.md` beside each episode's `index.md`, parsed once
 * per change of the file (or of the episode's front matter) and shared by the page, the downloads
 * and the search index. `strict` says whether a transcript error throws (the production build) or
 * is printed while the rest still renders (`npm start`); a transcript that is not UTF-8 is then
 * left out of its episode until it is fixed.
 */
export class TranscriptStore {
  readonly #cache = new Map<string, { key: string; value: EpisodeWithTranscript | null }>();

  /** `estimated` is the title of an estimated time in a language (transcript.estimated in the dictionaries). */
  constructor(
    private readonly strict: () => boolean,
    private readonly estimated: (lang: string) => string = () => "estimated",
  ) {}

  load(inputPath: string, post: Post): EpisodeWithTranscript | null {
    const file = path.join(path.dirname(inputPath), TRANSCRIPT_FILE);
    if (post.kind !== "episode" || path.basename(inputPath) !== "index.md" || !existsSync(file)) return null;
    // The post's reading time is set from this very transcript: it is not part of what it depends on.
    const estimated = this.estimated(post.lang);
    const key = `${statSync(file).mtimeMs}:${estimated}:${JSON.stringify(post, (name, value) => (name === "readingTime" ? undefined : value))}`;
    const cached = this.#cache.get(file);
    if (cached?.key === key) return cached.value;

    const relative = path.relative(process.cwd(), file);
    let source: string;
    try {
      source = readUtf8File(file, relative);
    } catch (error) {
      if (!(error instanceof NotUtf8Error) || this.strict()) throw error;
      console.error(`[11ty] ${error.message}\n[11ty] ${relative} is left out of the site until it is fixed.`);
      this.#cache.set(file, { key, value: null });
      return null;
    }
    const transcript = readEpisodeTranscript(readFrontMatter(source), relative, post);
    for (const warning of transcript.diagnostics.filter((d) => d.severity === "warning"))
      console.warn(`[11ty] warning: ${warning.message}`);
    const errors = transcript.diagnostics.filter((d) => d.severity === "error");
    if (errors.length) {
      const message = `Transcript errors in ${relative}:\n${errors.map((e) => e.message).join("\n")}`;
      if (this.strict()) throw new Error(message);
      console.error(`[11ty] ${message}`);
    }
    const value = {
      post,
      transcript,
      html: renderTranscriptHtml(transcript, { personUrl, estimated }),
      downloads: transcriptDownloads(post.url),
    };
    this.#cache.set(file, { key, value });
    return value;
  }

  /** The episodes among Eleventy's items that have a transcript. */
  episodes(items: readonly { inputPath: string; data: Record<string, unknown> }[]): EpisodeWithTranscript[] {
    return items.flatMap((item) => {
      const post = postOf(item);
      const episode = post ? this.load(item.inputPath, post) : null;
      return episode ? [episode] : [];
    });
  }
}
