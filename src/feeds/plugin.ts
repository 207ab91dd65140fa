import type { CollectionApi, CollectionItem, EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { TranscriptStore } from "../transcript/store.ts";
import { atomFeed } from "./atom.ts";
import { chaptersJson, chaptersUrl } from "./chapters.ts";
import { feedEntry } from "./entries.ts";
import { jsonFeed } from "./json-feed.ts";
import { podcastFeed } from "./podcast.ts";

type RenderedItem = CollectionItem & { content: string };

/** The Atom, JSON and podcast feeds, written by templates from the posts as Eleventy rendered them. */
export function feedsPlugin(site: SiteSettings, transcripts: TranscriptStore) {
  return (config: EleventyConfig) => {
    config.addCollection("feedItems", (api: CollectionApi) =>
      api
        .getAll()
        .filter((item) => item.data.post)
        .sort((a, b) => (b.data.post as Post).date.toMillis() - (a.data.post as Post).date.toMillis()),
    );
    const entries = (items: RenderedItem[]) =>
      items.map((item) => {
        const post = item.data.post as Post;
        return feedEntry(site, post, item.content, transcripts.load(item.inputPath, post)?.downloads);
      });
    config.addFilter("atomFeed", (items: RenderedItem[]) => atomFeed(site, entries(items)));
    config.addFilter("jsonFeed", (items: RenderedItem[]) => jsonFeed(site, entries(items)));
    config.addCollection("chapterFiles", (api: CollectionApi) =>
      api.getAll().flatMap((item) => {
        const post = item.data.post as Post | undefined;
        return post?.chapters.length ? [{ url: chaptersUrl(post), body: chaptersJson(post) }] : [];
      }),
    );
    config.addFilter("podcastFeed", (items: RenderedItem[]) => podcastFeed(site, entries(items)));
  };
}
