/**
 * The part of Eleventy's configuration API that our plugins use. Eleventy ships its types as
 * JSDoc in JavaScript, which TypeScript does not read from node_modules, so we name them here.
 */
export interface EleventyConfig {
  readonly directories: { input: string; data: string; output: string };
  addPlugin(plugin: (config: EleventyConfig) => void, options?: Record<string, unknown>): void;
  addCollection(name: string, build: (api: CollectionApi) => unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addAsyncShortcode(name: string, shortcode: (...args: never[]) => Promise<string>): void;
  addPreprocessor(
    name: string,
    extensions: string,
    callback: (this: { inputPath: string }, data: Record<string, unknown>, content: string) => unknown,
  ): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addDataExtension(extensions: string, options: { parser: (file: string) => unknown; read: false }): void;
  addWatchTarget(path: string): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setUseGitIgnore(use: boolean): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  setLibrary(name: string, library: unknown): void;
  on(event: string, callback: (...args: never[]) => unknown): void;
  ignores: { add(glob: string): void };
}

export interface CollectionItem {
  inputPath: string;
  url: string;
  data: Record<string, unknown>;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
  getFilteredByGlob(glob: string): CollectionItem[];
}
