import { existsSync } from "node:fs";
import type { BuiltPage } from "../eleventy-config.ts";

/** What a build did with the pages that list posts (listing-pages.ts). */
export interface ListingChanges {
  unchanged: ReadonlySet<string>;
  removed: ReadonlySet<string>;
}

const NO_LISTING_CHANGES: ListingChanges = { unchanged: new Set(), removed: new Set() };

/**
 * Every page of the site across builds. Under `npm start` Eleventy builds incrementally: an edit
 * reports only the pages it rebuilt, while the sitemap and the search index list them all. A
 * template's pages are replaced as a whole (a tag page that lost its third page loses it here
 * too), but for the listing pages the build left as they were; a template whose file is gone
 * takes its pages with it. Each consumer keeps only what it
 * needs of a page, so the site's whole HTML is not held between builds.
 */
export class BuiltPages<T> {
  readonly #byInput = new Map<string, { url: string; kept: T }[]>();

  /** `keep` picks what to remember of an HTML page, or null to leave it out. */
  constructor(
    private readonly keep: (page: BuiltPage & { url: string }) => T | null,
    private readonly exists: (inputPath: string) => boolean = existsSync,
  ) {}

  /**
   * Takes in one build's results; returns what is kept of every page of the site. `listings`
   * tells which pages of the rebuilt templates this build left as they were, and which pages it
   * no longer has (see listing-pages.ts).
   */
  update(results: readonly BuiltPage[], listings: ListingChanges = NO_LISTING_CHANGES): T[] {
    const { unchanged, removed } = listings;
    const rebuilt = new Map<string, { url: string; kept: T }[]>();
    for (const page of results) {
      if (!rebuilt.has(page.inputPath))
        rebuilt.set(
          page.inputPath,
          (this.#byInput.get(page.inputPath) ?? []).filter(({ url }) => unchanged.has(url)),
        );
      if (!page.url || !String(page.outputPath).endsWith(".html")) continue;
      const kept = this.keep({ ...page, url: page.url });
      if (kept !== null) rebuilt.get(page.inputPath)!.push({ url: page.url, kept });
    }
    for (const [inputPath, pages] of rebuilt) this.#byInput.set(inputPath, pages);
    for (const [inputPath, pages] of this.#byInput) {
      if (!this.exists(inputPath)) this.#byInput.delete(inputPath);
      else if (removed.size)
        this.#byInput.set(
          inputPath,
          pages.filter(({ url }) => !removed.has(url)),
        );
    }
    return [...this.#byInput.values()].flat().map(({ kept }) => kept);
  }
}
