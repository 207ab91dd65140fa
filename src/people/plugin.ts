import type { EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";
import { peopleOf, personUrl } from "./people.ts";

/** One page per person who appears in an episode, at /people/<slug>/. */
export function peoplePlugin(config: EleventyConfig) {
  config.addCollection("people", (api) => peopleOf(api.getAll().flatMap((item) => (item.data.post ? [item.data.post as Post] : []))));
  config.addFilter("personUrl", (name: string) => personUrl(name));
}
