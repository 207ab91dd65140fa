import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";
import { downloadBody } from "./downloads.ts";
import { TRANSCRIPT_FILE, type EpisodeWithTranscript, type TranscriptStore } from "./store.ts";

/**
 * An episode's transcript is `transcript.md` beside its `index.md`. It is not a page of its own:
 * it renders inside the episode's page and into downloads next to it.
 */
export function transcriptPlugin(store: TranscriptStore) {
  return (config: EleventyConfig) => {
    config.ignores.add(`**/posts/**/${TRANSCRIPT_FILE}`);
    config.addWatchTarget(`./content/posts/**/${TRANSCRIPT_FILE}`);
    let episodes: EpisodeWithTranscript[] = [];
    config.addCollection("transcripts", (api) => (episodes = store.episodes(api.getAll())));
    config.addFilter("transcriptOf", (inputPath: string, post: Post) => store.load(inputPath, post));

    // The downloads are written here, one file at a time, rather than as Eleventy pages, which
    // Eleventy would keep in memory to the end of the build (four files per episode). Under
    // `npm start` an episode the store did not parse again has its downloads written already.
    const written = new WeakSet<EpisodeWithTranscript>();
    config.on("eleventy.after", ({ directories }) => {
      for (const episode of episodes) {
        const { post, transcript, downloads } = episode;
        if (
          written.has(episode) &&
          downloads.every((download) => existsSync(path.join(directories.output, download.url)))
        )
          continue;
        mkdirSync(path.join(directories.output, post.url), { recursive: true });
        for (const download of downloads)
          writeFileSync(
            path.join(directories.output, download.url),
            downloadBody(transcript, download.format, post.title),
          );
        written.add(episode);
      }
    });
  };
}
