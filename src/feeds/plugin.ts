import path from "node:path";
import type { CollectionApi, CollectionItem, EleventyConfig } from "../eleventy-config.ts";
import { DICTIONARIES_DIR, phrasesOf, type Dictionaries } from "../i18n/dictionary.ts";
import { Words } from "../i18n/words.ts";
import { postOf } from "../posts/front-matter.ts";
import { oncePerBuild } from "../build/once-per-build.ts";
import { isProductionBuild } from "../build/run-mode.ts";
import { getOrMake } from "../maps/get-or-make.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { TranscriptStore } from "../transcript/store.ts";
import { atomFeed } from "./atom.ts";
import { chaptersJson, chaptersUrl } from "./chapters.ts";
import { feedEntry, type FeedEntry } from "./entries.ts";
import { jsonFeed } from "./json-feed.ts";
import { feedLanguages, languageFeed, type LanguageFeed, type Say } from "./languages.ts";
import { podcastFeed } from "./podcast.ts";

type RenderedItem = CollectionItem & { content: string };

/**
 * The Atom, JSON and podcast feeds, written by templates from the posts as Eleventy rendered them.
 * The Atom and JSON feeds come one pair per language: the site language's at site.json's addresses
 * (feed-atom.njk, feed-json.njk), and each other language's under `/<lang>/` once a post is written
 * in it (`languageFeeds`, the pages of feed-atom-languages.njk and feed-json-languages.njk). The
 * podcast is one show: one feed, every episode.
 * What the feeds say in a language comes from the dictionaries (`content/_data/i18n/`): `words`,
 * the build's, or read here when none is given.
 */
export function feedsPlugin(site: SiteSettings, transcripts: TranscriptStore, shared?: Words) {
  return (config: EleventyConfig) => {
    const words = shared ?? new Words();
    if (!shared) {
      const dir = path.join(config.directories.data, DICTIONARIES_DIR);
      words.readFrom(dir, site.language, path.relative(process.cwd(), dir));
      config.on("eleventy.before", () => words.forget());
    }
    const say: Say = (lang, key, values) => words.say(lang, key, values);
    // The feeds' words in a language, once a build: an edit to them makes its entries again under `npm start`.
    const phrases = new WeakMap<Dictionaries, Map<string, string>>();
    const feedPhrases = (lang: string) =>
      getOrMake(
        getOrMake(phrases, words.dictionaries, () => new Map()),
        lang,
        () => JSON.stringify(phrasesOf(words.dictionaries, lang, ["feed."])),
      );
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
      if (isProductionBuild()) return feedEntry(site, post, item.content, say, downloads);
      // An edited dictionary changes the words of entries too (an episode's transcript note).
      const data = JSON.stringify([post, downloads]) + feedPhrases(post.lang);
      const before = kept.get(item.inputPath);
      if (before && before.content === item.content && before.data === data) return before.entry;
      const entry = feedEntry(site, post, item.content, say, downloads);
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
    // The feeds of the languages other than the site's that posts are written in, worked out once a build.
    let feeds: LanguageFeed[] = [];
    config.addCollection(
      "languageFeeds",
      oncePerBuild((api) => {
        const posts = api.getAll().flatMap((item) => postOf(item) ?? []);
        feeds = feedLanguages(site.language, posts)
          .filter((lang) => lang !== site.language)
          .map((lang) => languageFeed(site, lang, say));
        return feeds;
      }),
    );
    const siteFeed = () => languageFeed(site, site.language, say);
    /** The feeds of a page's language (`{% set feed = lang | languageFeed %}`): its own when it has some, else the site language's. */
    config.addFilter("languageFeed", (lang: string) => feeds.find((feed) => feed.lang === lang) ?? siteFeed());
    /** The entries of the newest posts in `feed`'s language (the site language's when no feed is given). */
    const newest = (items: RenderedItem[], feed: LanguageFeed) =>
      entries(items, items.filter((item) => postOf(item)?.lang === feed.lang).slice(0, site.feedEntries));
    config.addFilter("atomFeed", (items: RenderedItem[], feed: LanguageFeed = siteFeed()) =>
      atomFeed(site, newest(items, feed), feed),
    );
    config.addFilter("jsonFeed", (items: RenderedItem[], feed: LanguageFeed = siteFeed()) =>
      jsonFeed(site, newest(items, feed), feed),
    );
    config.addCollection("chapterFiles", (api: CollectionApi) =>
      api.getAll().flatMap((item) => {
        const post = postOf(item);
        return post?.chapters.length ? [{ url: chaptersUrl(post), body: chaptersJson(post) }] : [];
      }),
    );
    config.addFilter("podcastFeed", (items: RenderedItem[]) =>
      podcastFeed(
        site,
        entries(
          items,
          items.filter((item) => postOf(item)?.audio),
        ),
      ),
    );
  };
}
