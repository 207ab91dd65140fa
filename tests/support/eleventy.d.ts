// Eleventy documents its programmatic API in JSDoc only; this is the part the tests use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean });
    write(): Promise<unknown>;
  }
  /** Rewrites root-relative URLs of the HTML output under the path prefix (used by .eleventy.ts). */
  export function HtmlBasePlugin(config: unknown, options?: { baseHref?: string; extensions?: string }): void;
}
