import { existsSync } from "node:fs";

/** A page as Eleventy reports it in `eleventy.after`'s results. */
export interface BuiltPage {
  inputPath: string;
  url: string | false;
  outputPath: string | false;
  content: string;
}

/**
 * Every page of the site across builds. Under `npm start` Eleventy builds incrementally: an edit
 * reports only the pages it rebuilt, while the sitemap and the search index list them all. A
 * template's pages are replaced as a whole (a tag page that lost its third page loses it here
 * too); a template whose file is gone takes its pages with it. Each consumer keeps only what it
 * needs of a page, so the site's whole HTML is not held between builds.
 */
export class BuiltPages<T> {
  readonly #byInput = new Map<string, T[]>();

  /** `keep` picks what to remember of an HTML page, or null to leave it out. */
  constructor(
    private readonly keep: (page: BuiltPage & { url: string }) => T | null,
    private readonly exists: (inputPath: string) => boolean = existsSync,
  ) {}

  /** Takes in one build's results; returns what is kept of every page of the site. */
  update(results: readonly BuiltPage[]): T[] {
    const rebuilt = new Map<string, T[]>();
    for (const page of results) {
      if (!rebuilt.has(page.inputPath)) rebuilt.set(page.inputPath, []);
      if (!page.url || !String(page.outputPath).endsWith(".html")) continue;
      const kept = this.keep({ ...page, url: page.url });
      if (kept !== null) rebuilt.get(page.inputPath)!.push(kept);
    }
    for (const [inputPath, pages] of rebuilt) this.#byInput.set(inputPath, pages);
    for (const inputPath of this.#byInput.keys()) if (!this.exists(inputPath)) this.#byInput.delete(inputPath);
    return [...this.#byInput.values()].flat();
  }
}
