import path from "node:path";
import { DateTime } from "luxon";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { ListingPages } from "../build/listing-pages.ts";
import { oncePerBuild } from "../build/once-per-build.ts";
import { isProductionBuild } from "../build/run-mode.ts";
import type { SiteSettings } from "../site/settings.ts";
import { languageListings, languagePath, newestFirst, tagPages, yearArchives } from "./collections.ts";
import { readableCount } from "./counts.ts";
import { peopleOf, personUrl } from "./people.ts";
import { articleReadingTime, episodeTime, readingTimePhrase, type ReadingTime } from "./reading-time.ts";
import { frontMatterEngine, POSTS_DIR, postOf } from "./front-matter.ts";
import type { Post } from "./schema.ts";
import { unpublishedReason } from "./publishing.ts";
import {
  netlifyNotFound,
  netlifyRedirects,
  oldLinks,
  pagesOfPosts,
  pathRedirects,
  readSiteRedirects,
  redirectsLeadingNowhere,
  redirectPagePath,
  redirectsOf,
  SITE_REDIRECTS_FILE,
  type Redirect,
} from "./redirects.ts";

/**
 * Posts are the Markdown files under `<input>/posts/`. Their front matter is validated as it is
 * read (see front-matter.ts); collections are lists of the validated posts.
 */
/** An episode's transcript's end in seconds, from the transcripts the build reads (transcript/store.ts). */
export type TranscriptEnd = (inputPath: string, post: Post) => number | null;

export function postsPlugin(site: SiteSettings, listings: ListingPages<Post[]>, transcriptEnd: TranscriptEnd) {
  return (config: EleventyConfig) => {
    config.setFrontMatterParsingOptions({ engines: { yaml: frontMatterEngine(site.timeZone, site.language) } });

    // Drafts and posts dated in the future are left out of the production build entirely (page,
    // lists, feeds, sitemap, search); `npm start` shows them with a banner.
    config.addPreprocessor("unpublished", "md", (data) => {
      const post = postOf({ data });
      const reason = post && unpublishedReason(post, DateTime.now());
      if (!reason) return undefined;
      // Said also when the post is left out, so that later preprocessors (body images) skip it.
      data.unpublished = reason;
      return isProductionBuild() ? false : undefined;
    });

    // How long each post takes, from its body, audio or transcript: lists show it, so it is set
    // on the post before collections are made. Under `npm start` every post passes here at every
    // rebuild: its time is worked out again only when its text, audio or transcript's end changed
    // (a transcript is read only for an episode without audio).
    const times = new Map<string, { text: string; audio: number | null; end: number | null; time: ReadingTime }>();
    config.addPreprocessor("readingTime", "md", function (data, content) {
      const post = postOf({ data });
      if (!post) return undefined;
      const inputPath = this.inputPath;
      const text = String(content);
      const audio = post.kind === "episode" ? (post.audio?.seconds ?? null) : null;
      const end = post.kind === "episode" && !audio ? transcriptEnd(inputPath, post) : null;
      const known = times.get(inputPath);
      if (known && known.text === text && known.audio === audio && known.end === end) post.readingTime = known.time;
      else {
        post.readingTime = post.kind === "episode" ? episodeTime(audio, end, text) : articleReadingTime(text);
        times.set(inputPath, { text, audio, end, time: post.readingTime });
      }
      return undefined;
    });

    // Every list of posts starts from these, newest first: made once a build.
    const published = oncePerBuild((api) => newestFirst(api.getAll().flatMap((item) => postOf(item) ?? [])));

    config.addCollection("posts", (api) => published(api));
    // Each language's home, archive, tags and 404 pages (index.njk, archive.njk, tags.njk,
    // 404.njk): the site language's at /, /archive/…, another's under /<lang>/ once a post is in it.
    config.addCollection("languageListings", (api) => languageListings(published(api), site.language));
    // The pages of tag.njk and year.njk, in every language: under `npm start`, only those whose posts changed.
    config.addCollection("tagPagesToRender", (api) => {
      const posts = published(api);
      return listings.toRender("tag pages", tagPages(posts, site.postsPerTagPage, site.language), posts);
    });
    config.addCollection("yearPagesToRender", (api) => {
      const posts = published(api);
      return listings.toRender("year pages", yearArchives(posts, site.language), posts);
    });
    // One page per person who appears in an episode, at /people/<slug>/ (person.njk): under
    // `npm start`, only those whose episodes changed.
    config.addCollection("people", (api) => peopleOf(published(api)));
    config.addCollection("personPagesToRender", (api) => {
      const posts = published(api);
      return listings.toRender("person pages", peopleOf(posts), posts);
    });
    config.addFilter("personUrl", (name: string) => personUrl(name));
    // `{{ "/archive/" | inLanguage(lang) }}`: "/archive/" on the site language's pages, "/fr/archive/" on French ones.
    config.addFilter("inLanguage", (path: string, lang: string) => languagePath(path, lang, site.language));
    // `{{ post.readingTime | readingTimePhrase | t(lang) }}`: "5 min read", "5 min de lecture".
    config.addFilter("readingTimePhrase", readingTimePhrase);
    // Under `npm start` a rebuild after saving nothing but posts may leave listing pages as they
    // are. Eleventy names the saved files before each rebuild, relative to where it runs.
    config.on("eleventy.beforeWatch", (files) => {
      const postsDir = path.resolve(config.directories.input, POSTS_DIR) + path.sep;
      listings.filesChanged(files, (file) => path.resolve(file).startsWith(postsDir));
    });
    // Redirects: the posts' old paths and the site's own (`_data/redirects.json`, read again at
    // every build), worked out once a build for the three lists that use them.
    let siteRedirects: { shown: string; redirects: Redirect[] } = { shown: SITE_REDIRECTS_FILE, redirects: [] };
    const redirects = oncePerBuild((api) => {
      const posts = published(api);
      const file = path.join(config.directories.data, SITE_REDIRECTS_FILE);
      const shown = path.relative(process.cwd(), file);
      siteRedirects = { shown, redirects: readSiteRedirects(file, shown) };
      const pages = pagesOfPosts(posts, site.postsPerTagPage, [site.feeds.podcast], site.language, [
        site.feeds.atom,
        site.feeds.json,
      ]);
      return redirectsOf(posts, siteRedirects.redirects, pages, shown);
    });
    // A site redirect to another page than those that come from posts (the home page, /archive/,
    // /podcast/…) is checked once the production build has written every page.
    config.on("eleventy.after", ({ results }) => {
      if (!isProductionBuild()) return;
      const written = new Set(results.flatMap((page) => (page.url ? [page.url] : [])));
      const nowhere = redirectsLeadingNowhere(siteRedirects.redirects, written);
      if (nowhere.length) throw new Error(nowhere.map((problem) => `${siteRedirects.shown}: ${problem}`).join("\n"));
    });
    config.addCollection("redirects", (api) => redirects(api));
    // Redirect pages are written at old paths; a WordPress query link (/?p=123) is the home page
    // with a query, answered by the home page's script from /old-links.json.
    config.addCollection("redirectPages", (api) => pathRedirects(redirects(api)));
    config.addCollection("oldLinks", (api) => {
      const links = oldLinks(redirects(api));
      return links ? [links] : [];
    });
    config.addFilter("readableCount", (count: number, lang?: string) => readableCount(count, lang ?? site.language));
    config.addFilter("netlifyRedirects", (redirects: Redirect[]) => netlifyRedirects(redirects, site.pathPrefix));
    config.addFilter("netlifyNotFound", (languages: { root: string }[]) =>
      netlifyNotFound(
        languages.map((language) => language.root),
        site.pathPrefix,
      ),
    );
    config.addFilter("redirectPagePath", redirectPagePath);
  };
}
