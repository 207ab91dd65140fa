import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { CollectionApi, EleventyConfig } from "../eleventy-config.ts";
import { personUrl } from "../people/people.ts";
import { readFrontMatter } from "../posts/front-matter.ts";
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
 * An episode's transcript is `transcript.md` beside its `index.md`. It is not a page of its own:
 * it renders inside the episode's page and into downloads next to it. Errors stop the production
 * build; under `npm start` they are printed and the rest still renders.
 */
export function transcriptPlugin(config: EleventyConfig) {
  config.ignores.add(`**/posts/**/${TRANSCRIPT_FILE}`);
  config.addWatchTarget(`./content/posts/**/${TRANSCRIPT_FILE}`);

  const cache = new Map<string, { key: string; value: EpisodeWithTranscript }>();

  function load(inputPath: string, post: Post): EpisodeWithTranscript | null {
    const file = path.join(path.dirname(inputPath), TRANSCRIPT_FILE);
    if (post.kind !== "episode" || path.basename(inputPath) !== "index.md" || !existsSync(file)) return null;
    const key = `${statSync(file).mtimeMs}:${JSON.stringify(post)}`;
    const cached = cache.get(file);
    if (cached?.key === key) return cached.value;

    const relative = path.relative(process.cwd(), file);
    const transcript = readEpisodeTranscript(readFrontMatter(readFileSync(file, "utf8")), relative, post);
    const errors = transcript.diagnostics.filter((d) => d.severity === "error");
    for (const warning of transcript.diagnostics.filter((d) => d.severity === "warning")) console.warn(`[11ty] warning: ${warning.message}`);
    if (errors.length) {
      const message = `Transcript errors in ${relative}:\n${errors.map((e) => e.message).join("\n")}`;
      if (process.env.ELEVENTY_RUN_MODE === "build" || !process.env.ELEVENTY_RUN_MODE) throw new Error(message);
      console.error(`[11ty] ${message}`);
    }
    const value = {
      post,
      transcript,
      html: renderTranscriptHtml(transcript, { personUrl }),
      downloads: transcriptDownloads(transcript, post.url, post.title),
    };
    cache.set(file, { key, value });
    return value;
  }

  const episodes = (api: CollectionApi) =>
    api
      .getAll()
      .flatMap((item) => (item.data.post ? [load(item.inputPath, item.data.post as Post)] : []))
      .filter((episode): episode is EpisodeWithTranscript => episode !== null);

  config.addCollection("transcripts", (api) => episodes(api));
  config.addCollection("transcriptFiles", (api) => episodes(api).flatMap((episode) => episode.downloads));
  config.addFilter("transcriptOf", (inputPath: string, post: Post) => load(inputPath, post));
}
