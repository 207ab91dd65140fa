import type { MarkdownIt } from "markdown-it";

/**
 * The part of Eleventy's configuration API that our plugins use. Eleventy ships its types as
 * JSDoc in JavaScript, which TypeScript does not read from node_modules, so we name them here:
 * what each call takes, and what Eleventy 3 passes to the handlers of `on()` (node_modules/
 * @11ty/eleventy/src/Eleventy.js: `executeBuild` for eleventy.before and eleventy.after, `#watch`
 * and `watch` for eleventy.beforeWatch and eleventy.afterwatch).
 */
export interface EleventyConfig {
  readonly directories: Directories;
  addPlugin(plugin: (config: EleventyConfig) => void, options?: Record<string, unknown>): void;
  addCollection(name: string, build: (api: CollectionApi) => unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  /** A value every template's data has under `name`, unless the template's own data says otherwise. */
  addGlobalData(name: string, value: unknown): void;
  addAsyncShortcode(name: string, shortcode: (...args: never[]) => Promise<string>): void;
  /** Runs on each page's output; `content` is what the page's template and layouts rendered. */
  addTransform(
    name: string,
    transform: (this: { page: { outputPath: string | false } }, content: string) => string,
  ): void;
  /** Runs on each page of `extensions` before it is rendered: false leaves the page out, a string replaces its text. */
  addPreprocessor(
    name: string,
    extensions: string,
    callback: (this: { inputPath: string }, data: PageData, content: string) => unknown,
  ): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addDataExtension(extensions: string, options: { parser: (file: string) => unknown; read: false }): void;
  addWatchTarget(path: string): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setUseGitIgnore(use: boolean): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  setLibrary(name: string, library: unknown): void;
  /** Changes the Markdown library, whichever plugin set it (src/markdown/plugin.ts). */
  amendLibrary(name: "md", amend: (markdown: MarkdownIt) => void): void;
  on<Event extends keyof EleventyEvents>(event: Event, handler: (...args: EleventyEvents[Event]) => unknown): void;
  ignores: { add(glob: string): void };
}

/** The folders of the build, as the command line and the configuration give them. */
export interface Directories {
  input: string;
  data: string;
  output: string;
}

/** What Eleventy gives `eleventy.before`'s handlers, as each build starts. */
export interface BuildStart {
  directories: Directories;
  /** "build" for `npm run build`, "serve" (or "watch") for `npm start`. */
  runMode: "build" | "watch" | "serve";
  outputMode: "fs" | "json" | "ndjson";
  /** Whether the build is incremental (`--incremental`, as `npm start` runs): it writes only what changed. */
  incremental: boolean;
}

/** A page as Eleventy reports it in `eleventy.after`'s results. */
export interface BuiltPage {
  inputPath: string;
  url: string | false;
  outputPath: string | false;
  content: string;
}

/** The arguments of each event's handlers. A handler may be async: Eleventy waits for it. */
export interface EleventyEvents {
  "eleventy.before": [build: BuildStart];
  /** With the pages this build wrote (under `npm start`, only those it rebuilt). */
  "eleventy.after": [build: BuildStart & { results: BuiltPage[] }];
  /** Before a rebuild of `npm start`: the files saved since the last one, relative to where Eleventy runs ("./content/posts/…"). */
  "eleventy.beforeWatch": [changedFiles: string[]];
  /** After a rebuild of `npm start`, once Eleventy has reloaded the browser. */
  "eleventy.afterwatch": [];
}

/** A page's data: its front matter and everything Eleventy and our plugins add (posts/front-matter.ts's `post`). */
export type PageData = Record<string, unknown>;

export interface CollectionItem {
  inputPath: string;
  url: string;
  data: PageData;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
  getFilteredByGlob(glob: string): CollectionItem[];
}
