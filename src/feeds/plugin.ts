import type { CollectionApi, CollectionItem, EleventyConfig } from "../eleventy-config.ts";
import { postOf } from "../posts/front-matter.ts";
import { isProductionBuild } from "../build/run-mode.ts";
import { getOrMake } from "../maps/get-or-make.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { TranscriptStore } from "../transcript/store.ts";
import { atomFeed } from "./atom.ts";
import { chaptersJson, chaptersUrl } from "./chapters.ts";
import { feedEntry, type FeedEntry } from "./entries.ts";
import { jsonFeed } from "./json-feed.ts";
import { podcastFeed } from "./podcast.ts";

type RenderedItem = CollectionItem & { content: string };

/** The Atom, JSON and podcast feeds, written by templates from the posts as Eleventy rendered them. */
export function feedsPlugin(site: SiteSettings, transcripts: TranscriptStore) {
  return (config: EleventyConfig) => {
    const millis = (item: CollectionItem) => postOf(item)?.date.toMillis() ?? 0;
    config.addCollection("feedItems", (api: CollectionApi) =>
      api
        .getAll()
        .filter((item) => postOf(item))
        .sort((a, b) => millis(b) - millis(a)),
    );
    // The three feeds share their entries: each is made once per build, and only for the posts a
    // feed carries (the newest for Atom and JSON, the episodes with audio for the podcast).
    const made = new WeakMap<RenderedItem[], Map<RenderedItem, FeedEntry>>();
    // Under `npm start` an edit leaves the other posts as they were: their entries are kept.
    const kept = new Map<string, { content: string; data: string; entry: FeedEntry }>();
    const entryOf = (item: RenderedItem) => {
      const post = postOf(item)!;
      const downloads = transcripts.load(item.inputPath, post)?.downloads;
      if (isProductionBuild()) return feedEntry(site, post, item.content, downloads);
      const data = JSON.stringify([post, downloads]);
      const before = kept.get(item.inputPath);
      if (before && before.content === item.content && before.data === data) return before.entry;
      const entry = feedEntry(site, post, item.content, downloads);
      kept.set(item.inputPath, { content: item.content, data, entry });
      return entry;
    };
    /** The entries of `chosen`, some of `items` (every post, newest first). */
    const entries = (items: RenderedItem[], chosen: RenderedItem[]) => {
      const byItem = getOrMake(made, items, () => {
        const listed = new Set(items.map((item) => item.inputPath));
        for (const inputPath of kept.keys()) if (!listed.has(inputPath)) kept.delete(inputPath);
        return new Map<RenderedItem, FeedEntry>();
      });
      return chosen.map((item) => getOrMake(byItem, item, entryOf));
    };
    const newest = (items: RenderedItem[]) => entries(items, items.slice(0, site.feedEntries));
    config.addFilter("atomFeed", (items: RenderedItem[]) => atomFeed(site, newest(items)));
    config.addFilter("jsonFeed", (items: RenderedItem[]) => jsonFeed(site, newest(items)));
    config.addCollection("chapterFiles", (api: CollectionApi) =>
      api.getAll().flatMap((item) => {
        const post = postOf(item);
        return post?.chapters.length ? [{ url: chaptersUrl(post), body: chaptersJson(post) }] : [];
      }),
    );
    config.addFilter("podcastFeed", (items: RenderedItem[]) =>
      podcastFeed(site, entries(items, items.filter((item) => postOf(item)?.audio))),
    );
  };
}
