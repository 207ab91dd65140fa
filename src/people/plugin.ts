import type { EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";
import type { ListingPages } from "../site/listing-pages.ts";
import { peopleOf, personUrl } from "./people.ts";

/** One page per person who appears in an episode, at /people/<slug>/. */
export function peoplePlugin(listings: ListingPages<Post[]>) {
  return (config: EleventyConfig) => {
    const posts = (api: { getAll(): { data: Record<string, unknown> }[] }) => api.getAll().flatMap((item) => (item.data.post ? [item.data.post as Post] : []));
    config.addCollection("people", (api) => peopleOf(posts(api)));
    // The pages of person.njk: under `npm start`, only those whose episodes changed.
    config.addCollection("personPagesToRender", (api) => {
      const all = posts(api);
      return listings.toRender("person pages", peopleOf(all), all);
    });
    config.addFilter("personUrl", (name: string) => personUrl(name));
  };
}
