/**
 * The pages that list posts by tag, by year and by person, across the builds of `npm start`.
 *
 * Eleventy's incremental build renders again every page of a template that lists a collection:
 * an edit to one post re-renders all the tag pages (130 at 1,000 posts) where it changes two or
 * three. Such a page shows its own data (posts as cards, see posts/collections.ts) inside the
 * site's layout, whose only part that depends on the posts is the Content-Security-Policy. So
 * when nothing but posts changed since the last build that completed, a page whose data and
 * policy are what that build rendered is left as it is on disk. Any other change (a template, a
 * layout, a data file, the stylesheet) renders every page again, as does `npm run build`.
 */
export class ListingPages<Posts> {
  /** Per listing, the data each page had in the last build that completed, by URL. */
  readonly #rendered = new Map<string, Map<string, string>>();
  /** Per listing, the URLs of its pages in the last build that completed. */
  readonly #listed = new Map<string, Set<string>>();
  readonly #thisBuild = new Map<string, Map<string, string>>();
  readonly #unchanged = new Set<string>();
  readonly #removed = new Set<string>();
  #otherFilesChanged = false;
  #incremental = false;
  #canSkip = false;

  /** `siteWide` is what every page shows that depends on the posts (the policy of the meta tag). */
  constructor(private readonly siteWide: (posts: Posts) => string) {}

  /** Files saved under `npm start`; `isPostFile` tells the posts' own files from the rest. */
  filesChanged(files: readonly string[], isPostFile: (file: string) => boolean): void {
    if (!files.every(isPostFile)) this.#otherFilesChanged = true;
  }

  /** Before each build: only an incremental build (`npm start`) may leave pages as they are. */
  buildStarted(incremental: boolean): void {
    this.#incremental = incremental;
    this.#canSkip = incremental && !this.#otherFilesChanged;
    this.#thisBuild.clear();
    this.#unchanged.clear();
    this.#removed.clear();
  }

  /** The pages of one listing this build must render: all of them, or those whose data changed. */
  toRender<Page extends { url: string }>(listing: string, pages: readonly Page[], posts: Posts): Page[] {
    // A production build is the only one: nothing to compare it with later.
    if (!this.#incremental) return [...pages];
    const siteWide = this.siteWide(posts);
    const data = new Map(pages.map((page) => [page.url, JSON.stringify([siteWide, page])]));
    this.#thisBuild.set(listing, data);
    for (const url of this.#listed.get(listing) ?? []) if (!data.has(url)) this.#removed.add(url);
    const before = this.#rendered.get(listing);
    if (!this.#canSkip || !before) return [...pages];
    return pages.filter((page) => {
      const same = before.get(page.url) === data.get(page.url);
      if (same) this.#unchanged.add(page.url);
      return !same;
    });
  }

  /** URLs of the listing pages this build left as the last one wrote them. */
  get unchanged(): ReadonlySet<string> {
    return this.#unchanged;
  }

  /** URLs of the listing pages the last build had and this one has not (a tag no post has now). */
  get removed(): ReadonlySet<string> {
    return this.#removed;
  }

  /**
   * After a build that completed, with the URLs it wrote: those pages, and the ones it left as
   * they were, are on disk with this build's data. A page it did not write (Eleventy does not
   * render a template again when it sees no need) is not known to be up to date.
   */
  buildFinished(written: ReadonlySet<string>): void {
    for (const [listing, data] of this.#thisBuild) {
      const onDisk = new Map([...data].filter(([url]) => written.has(url) || this.#unchanged.has(url)));
      this.#rendered.set(listing, onDisk);
      this.#listed.set(listing, new Set(data.keys()));
    }
    this.#otherFilesChanged = false;
  }
}
