import type { EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";
import { TRANSCRIPT_FILE, type TranscriptStore } from "./store.ts";

/**
 * An episode's transcript is `transcript.md` beside its `index.md`. It is not a page of its own:
 * it renders inside the episode's page and into downloads next to it.
 */
export function transcriptPlugin(store: TranscriptStore) {
  return (config: EleventyConfig) => {
    config.ignores.add(`**/posts/**/${TRANSCRIPT_FILE}`);
    config.addWatchTarget(`./content/posts/**/${TRANSCRIPT_FILE}`);
    config.addCollection("transcripts", (api) => store.episodes(api.getAll()));
    config.addCollection("transcriptFiles", (api) => store.episodes(api.getAll()).flatMap((episode) => episode.downloads));
    config.addFilter("transcriptOf", (inputPath: string, post: Post) => store.load(inputPath, post));
  };
}
