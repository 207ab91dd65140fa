import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ListingPages } from "../../src/build/listing-pages.ts";

interface Page {
  url: string;
  titles: string[];
}
/** Stands for the posts; the policy every page shows is made from their media origins. */
interface Posts {
  mediaOrigins: string[];
}

const posts: Posts = { mediaOrigins: ["https://media.example"] };
const tagPages = (strategy: string[], books: string[]): Page[] => [
  { url: "/tags/strategy/", titles: strategy },
  { url: "/tags/books/", titles: books },
];
const urls = (pages: Page[]) => pages.map((page) => page.url);
const isPost = (file: string) => file.startsWith("./content/posts/");

/** One build: the pages to render, given the changed files, then the build completes and writes them. */
function build(
  listings: ListingPages<Posts>,
  pages: Page[],
  options: { incremental: boolean; changed?: string[]; posts?: Posts; completes?: boolean },
) {
  if (options.changed) listings.filesChanged(options.changed, isPost);
  listings.buildStarted(options.incremental);
  const rendered = listings.toRender("tag pages", pages, options.posts ?? posts);
  const result = { rendered: urls(rendered), unchanged: [...listings.unchanged], removed: [...listings.removed] };
  if (options.completes ?? true) listings.buildFinished(new Set(urls(rendered)));
  return result;
}

describe("listing pages under npm start", () => {
  const make = () => new ListingPages<Posts>((p) => `media-src ${p.mediaOrigins.join(" ")}`);

  it("renders every page in the first build and in a production build", () => {
    const listings = make();
    assert.deepEqual(build(listings, tagPages(["A"], ["B"]), { incremental: true }).rendered, [
      "/tags/strategy/",
      "/tags/books/",
    ]);
    assert.deepEqual(
      build(listings, tagPages(["A"], ["B"]), { incremental: false, changed: ["./content/posts/a.md"] }).rendered,
      ["/tags/strategy/", "/tags/books/"],
    );
  });

  it("renders again only the pages whose posts changed when only posts were saved", () => {
    const listings = make();
    build(listings, tagPages(["A"], ["B"]), { incremental: true });
    const edit = build(listings, tagPages(["A, renamed"], ["B"]), {
      incremental: true,
      changed: ["./content/posts/a.md"],
    });
    assert.deepEqual(edit, { rendered: ["/tags/strategy/"], unchanged: ["/tags/books/"], removed: [] });
    // Saving a post without changing what the listings show renders none of them.
    assert.deepEqual(
      build(listings, tagPages(["A, renamed"], ["B"]), { incremental: true, changed: ["./content/posts/a.md"] })
        .rendered,
      [],
    );
  });

  it("renders every page again when a file other than a post changed, or the policy every page shows", () => {
    const listings = make();
    build(listings, tagPages(["A"], ["B"]), { incremental: true });
    assert.deepEqual(
      build(listings, tagPages(["A"], ["B"]), {
        incremental: true,
        changed: ["./content/posts/a.md", "./layouts/partials/post-list.njk"],
      }).rendered,
      ["/tags/strategy/", "/tags/books/"],
    );
    const newOrigin = { mediaOrigins: ["https://media.example", "https://cdn.example"] };
    assert.deepEqual(
      build(listings, tagPages(["A"], ["B"]), {
        incremental: true,
        changed: ["./content/posts/a.md"],
        posts: newOrigin,
      }).rendered,
      ["/tags/strategy/", "/tags/books/"],
    );
  });

  it("compares with the last build that completed: a failed build's changes are still to render", () => {
    const listings = make();
    build(listings, tagPages(["A"], ["B"]), { incremental: true });
    // A layout saved with an error: the build stops before it ends.
    build(listings, tagPages(["A"], ["B"]), { incremental: true, changed: ["./layouts/base.njk"], completes: false });
    // The fix is a post; the layout is still newer than every page on disk.
    assert.deepEqual(
      build(listings, tagPages(["A"], ["B"]), { incremental: true, changed: ["./content/posts/a.md"] }).rendered,
      ["/tags/strategy/", "/tags/books/"],
    );
    // A post edit that fails, then another edit: the pages the failed build changed are rendered.
    build(listings, tagPages(["A2"], ["B"]), {
      incremental: true,
      changed: ["./content/posts/a.md"],
      completes: false,
    });
    assert.deepEqual(
      build(listings, tagPages(["A2"], ["B"]), { incremental: true, changed: ["./content/posts/b.md"] }).rendered,
      ["/tags/strategy/"],
    );
  });

  it("renders a page the last build was asked for but did not write", () => {
    const listings = make();
    build(listings, tagPages(["A"], ["B"]), { incremental: true });
    listings.filesChanged(["./content/posts/a.md"], isPost);
    listings.buildStarted(true);
    assert.deepEqual(urls(listings.toRender("tag pages", tagPages(["A2"], ["B"]), posts)), ["/tags/strategy/"]);
    listings.buildFinished(new Set()); // Eleventy did not render the template this time
    assert.deepEqual(
      build(listings, tagPages(["A2"], ["B"]), { incremental: true, changed: ["./content/posts/a.md"] }).rendered,
      ["/tags/strategy/"],
    );
  });

  it("reports the pages a listing no longer has", () => {
    const listings = make();
    build(listings, tagPages(["A"], ["B"]), { incremental: true });
    const edit = build(listings, [{ url: "/tags/strategy/", titles: ["A"] }], {
      incremental: true,
      changed: ["./content/posts/b.md"],
    });
    assert.deepEqual(edit, { rendered: [], unchanged: ["/tags/strategy/"], removed: ["/tags/books/"] });
  });

  it("keeps listings apart: the same build can list tags, years and people", () => {
    const listings = make();
    listings.buildStarted(true);
    listings.toRender("tag pages", tagPages(["A"], ["B"]), posts);
    listings.toRender("year pages", [{ url: "/en/2024/", titles: ["A", "B"] }], posts);
    listings.buildFinished(new Set(["/tags/strategy/", "/tags/books/", "/en/2024/"]));
    listings.filesChanged(["./content/posts/a.md"], isPost);
    listings.buildStarted(true);
    assert.deepEqual(urls(listings.toRender("tag pages", tagPages(["A"], ["B"]), posts)), []);
    assert.deepEqual(
      urls(listings.toRender("year pages", [{ url: "/en/2024/", titles: ["A, renamed", "B"] }], posts)),
      ["/en/2024/"],
    );
    assert.deepEqual([...listings.removed], []);
  });
});
