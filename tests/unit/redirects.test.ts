import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import {
  collectRedirects,
  netlifyRedirects,
  oldLinks,
  parseSiteRedirects,
  pagesOfPosts,
  pathRedirects,
  readSiteRedirects,
  redirectPagePath,
  redirectsLeadingNowhere,
  redirectsOf,
  SiteRedirectsError,
} from "../../src/posts/redirects.ts";
import { parseYaml } from "../../src/markdown/front-matter.ts";
import { queryOf } from "../../src/posts/old-addresses.ts";
import { FrontMatterError, parsePost, type Post } from "../../src/posts/schema.ts";
import { thrownMessage } from "../support/errors.ts";

const ZONE = "America/Los_Angeles";
const FILE = "content/_data/redirects.json";
const post = (title: string, date: string, extra: Record<string, unknown> = {}): Post =>
  parsePost({ title, date, kind: "article", tags: ["Strategy"], ...extra }, `content/posts/${date}.md`, ZONE);

const SLUG = post("Slug", "2024-06-09", {
  redirect_from: ["/2024/06/09/slug/", "/en/2024/06/09/slug/photo/", "/?p=123"],
});
const OTHER = post("Other", "2024-05-01");
const fromPosts = pagesOfPosts([SLUG, OTHER], 10, ["/feed.xml"]);
/** As the build would know them once written: the pages that come from posts, and the templates' pages. */
const isPage = (page: string) => ["/", "/archive/", "/about/"].includes(page) || fromPosts(page);

const siteError = (json: unknown) => thrownMessage(() => parseSiteRedirects(json, FILE), SiteRedirectsError);

describe("old addresses in redirect_from", () => {
  it("accepts paths and WordPress's query links to the root: /?p=, /?page_id=, /?attachment_id= with a number", () => {
    assert.deepEqual(SLUG.redirect_from, ["/2024/06/09/slug/", "/en/2024/06/09/slug/photo/", "/?p=123"]);
    const queries = post("Q", "2024-06-10", { redirect_from: ["/?page_id=12", "/?attachment_id=456"] });
    assert.deepEqual(queries.redirect_from.map(queryOf), [
      { key: "page_id", value: "12" },
      { key: "attachment_id", value: "456" },
    ]);
    assert.equal(queryOf("/2024/06/09/slug/"), null);
  });

  it("refuses other queries, a query with no number, and paths with spaces or quotes, naming the field", () => {
    for (const [bad, why] of [
      ["/?cat=4", /must be a WordPress query link with one number: \/\?p=123, \/\?page_id=12 or \/\?attachment_id=456/],
      ["/?p=abc", /must be a WordPress query link with one number/],
      ["/?p=1&page_id=2", /must be a WordPress query link with one number/],
      [
        "/old title/",
        /must be a path from the site's root, like \/2019\/05\/old-title\/, without spaces, quotes or "\." and "\.\." parts/,
      ],
      ["/../../etc/evil/", /must be a path from the site's root/],
      ["/en/./x/", /must be a path from the site's root/],
      ["/archive/?p=1", /must be a path from the site's root/],
    ] as const) {
      assert.throws(
        () =>
          parsePost(
            { title: "T", date: "2024-06-09", kind: "article", redirect_from: [bad] },
            "content/posts/t.md",
            ZONE,
          ),
        (error: Error) =>
          error instanceof FrontMatterError &&
          /field "redirect_from\.0"/.test(error.message) &&
          why.test(error.message),
        bad,
      );
    }
  });
});

describe("old addresses that leave the site or take the site's own", () => {
  const redirectFromError = (from: string) =>
    thrownMessage(
      () =>
        parsePost(
          { title: "T", date: "2024-06-09", kind: "article", redirect_from: [from] },
          "content/posts/t.md",
          ZONE,
        ),
      FrontMatterError,
    ).split("\n")[1];

  it("refuses a path a browser would take to another site, or read as another path, in to, from and redirect_from, naming the field", () => {
    const lines = siteError([
      { from: "/a/", to: "/\\evil.example" },
      { from: "/b/", to: "//evil.example/" },
      { from: "/c/", to: "/\t/evil.example" },
      { from: "/d/", to: "/x//y/" },
      { from: "/e/", to: "/x\\y/" },
      { from: "/f/", to: "/x\u0007y/" },
      { from: "/\\evil.example", to: "/" },
      { from: "/\n/evil.example/", to: "/" },
    ]).split("\n");
    assert.deepEqual(lines.slice(1), [
      `${FILE}: entry [0] (from /a/) field "to" /\\evil.example is not a path of this site: a browser would open evil.example, another site (it reads "\\" as "/")`,
      `${FILE}: entry [1] (from /b/) field "to" //evil.example/ is not a path of this site: a browser would open evil.example, another site ("//" starts another site's address)`,
      `${FILE}: entry [2] (from /c/) field "to" "/\\t/evil.example" is not a path of this site: a browser would open evil.example, another site (it drops the control character U+0009)`,
      `${FILE}: entry [3] (from /d/) field "to" /x//y/ is not a path of this site: it has "//" (write one "/")`,
      `${FILE}: entry [4] (from /e/) field "to" /x\\y/ is not a path of this site: it has "\\", which a browser reads as "/"`,
      `${FILE}: entry [5] (from /f/) field "to" "/x\\u0007y/" is not a path of this site: it has the control character U+0007`,
      `${FILE}: entry [6] field "from" /\\evil.example is not a path of this site: a browser would open evil.example, another site (it reads "\\" as "/")`,
      `${FILE}: entry [7] field "from" "/\\n/evil.example/" is not a path of this site: a browser would open evil.example, another site (it drops the control character U+000A)`,
    ]);
    assert.equal(
      redirectFromError("/\\evil.example"),
      `content/posts/t.md: field "redirect_from.0" /\\evil.example is not a path of this site: a browser would open evil.example, another site (it reads "\\" as "/")`,
    );
    assert.equal(
      redirectFromError("//evil.example/x/"),
      `content/posts/t.md: field "redirect_from.0" //evil.example/x/ is not a path of this site: a browser would open evil.example, another site ("//" starts another site's address)`,
    );
  });

  it("refuses an old address the site writes itself: its pages, the folders it fills, and any form of them a redirect page would be written over", () => {
    const own = (from: string, what: string) =>
      `content/posts/t.md: field "redirect_from.0" ${from} is an address the site writes itself (${what}): no redirect can take it`;
    assert.equal(redirectFromError("/search/"), own("/search/", "the search page"));
    assert.equal(redirectFromError("/"), own("/", "the home page"));
    assert.equal(redirectFromError("/index.html"), own("/index.html", "the home page"));
    assert.equal(redirectFromError("/search"), own("/search", "the search page"));
    assert.equal(redirectFromError("/about/index.html"), own("/about/index.html", "the about page"));
    assert.equal(redirectFromError("/sitemap.xml"), own("/sitemap.xml", "the sitemap"));
    assert.equal(redirectFromError("/404.html"), own("/404.html", 'the "not found" page'));
    assert.equal(
      redirectFromError("/assets/site.css"),
      own("/assets/site.css", "under /assets/, the site's scripts, stylesheet and icons"),
    );
    assert.equal(
      redirectFromError("/assets"),
      own("/assets", "under /assets/, the site's scripts, stylesheet and icons"),
    );
    assert.equal(redirectFromError("/pagefind/"), own("/pagefind/", "under /pagefind/, the search index"));
    assert.equal(
      redirectFromError("/img/cards/x.png"),
      own("/img/cards/x.png", "under /img/, the optimized images and the social cards"),
    );
    assert.match(
      siteError([{ from: "/podcast/", to: "/" }]),
      new RegExp(
        `${FILE}: entry \\[0\\] field "from" /podcast/ is an address the site writes itself \\(the podcast's page\\): no redirect can take it`,
      ),
    );
    for (const fine of ["/searching/", "/assets-old/", "/en/about/", "/2024/search/", "/imgs/"])
      assert.deepEqual(post("F", "2024-06-10", { redirect_from: [fine] }).redirect_from, [fine], fine);
  });

  it("refuses, as the address of a page of the site, a feed, a post's URL or a tag page in any form a redirect page would be written over", () => {
    const site = [
      { from: "/feed.xml/", to: "/" },
      { from: SLUG.url.slice(0, -1), to: "/" },
      { from: `${SLUG.url}index.html`, to: "/" },
      { from: "/tags/strategy", to: "/" },
      { from: "/old", to: "/tags/strategy/" },
      { from: "/old/", to: "/tags/strategy/" },
      { from: "/loop", to: "/loop/" },
    ];
    assert.deepEqual(
      collectRedirects([SLUG, OTHER], site, isPage).problems.map((p) => p.message),
      [
        "entry [0]: /feed.xml/ is the address of a page of the site",
        `entry [1]: ${SLUG.url.slice(0, -1)} is the address of a live post`,
        `entry [2]: ${SLUG.url}index.html is the address of a live post`,
        "entry [3]: /tags/strategy is the address of a page of the site",
        "entry [5]: /old/ already redirects to /tags/strategy/",
        "entry [6]: /loop leads to itself",
      ],
    );
  });

  it("knows every page the templates of content/ write: a redirect from any of them is refused", () => {
    const content = path.resolve(import.meta.dirname, "../../content");
    const settings = JSON.parse(readFileSync(path.join(content, "_data/site.json"), "utf8")) as Record<string, unknown>;
    const fromSettings = (name: string) =>
      name.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], settings) as string;
    const feeds = Object.values(settings.feeds as Record<string, string>);
    const pages = readdirSync(content)
      .filter((name) => /\.(njk|md)$/.test(name))
      .flatMap((name) => {
        const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(content, name), "utf8"))?.[1] ?? "");
        // One page per language (home, archive, tags, search, 404): the site language's at the root.
        const perLanguage = /^\{\{\s*\w+\.root\s*\}\}(.*)$/.exec(String(data.permalink));
        if (perLanguage) return [{ name, page: `/${perLanguage[1]}` }];
        if (data.pagination) return []; // one page per post, tag, year, person, chapter list or redirect: known from the posts
        const permalink =
          data.permalink === undefined
            ? `/${name.replace(/\.(njk|md)$/, "").replace(/^index$/, "")}`
            : String(data.permalink);
        const setting = /^\{\{\s*site\.([\w.]+)\s*\}\}$/.exec(permalink);
        return [{ name, page: setting ? fromSettings(setting[1]!) : permalink }];
      });
    assert.ok(pages.length >= 14, pages.map((p) => p.page).join(" "));
    const known = pagesOfPosts([SLUG], 10, feeds);
    for (const { name, page } of pages) {
      let refused: string | undefined;
      try {
        const moved = post("Moved", "2024-07-01", { redirect_from: [page] });
        refused = collectRedirects([moved], [], known).problems[0]?.message;
      } catch (error) {
        refused = (error as Error).message;
      }
      assert.match(
        refused ?? "accepted",
        / is an address the site writes itself | is the address of a page of the site/,
        `${name} writes ${page}`,
      );
    }
  });
});

describe("the site's redirects file", () => {
  it("reads { from, to } entries, from a path or a query link to a path from the site's root", () => {
    const json = [
      { from: "/en/category/leadership/", to: "/tags/strategy/" },
      { from: "/?page_id=12", to: "/about/" },
    ];
    assert.deepEqual(parseSiteRedirects(json, FILE), json);
  });

  it("names the file, the entry's index and what is wrong", () => {
    const message = siteError([
      { from: "/ok/", to: "/tags/strategy/" },
      { from: "/en/category/x/", to: "tags/x/" },
      { from: "/old page/", to: "/" },
      { to: "/" },
      { from: "/y/", to: "/", status: 302 },
      "/z/",
    ]);
    const lines = message.split("\n");
    assert.equal(lines[0], `Invalid redirects in ${FILE}`);
    assert.deepEqual(lines.slice(1), [
      `${FILE}: entry [1] (from /en/category/x/) field "to" must be a path from the site's root, starting with / (e.g. /tags/leadership/), without spaces, quotes or "." and ".." parts`,
      `${FILE}: entry [2] field "from" /old page/ must be a path from the site's root, like /2019/05/old-title/, without spaces, quotes or "." and ".." parts (or a WordPress query link such as /?p=123)`,
      `${FILE}: entry [3] field "from" is required: the old path, e.g. /2019/05/old-title/`,
      `${FILE}: entry [4] (from /y/) has unknown field(s) status: a redirect has only from and to`,
      `${FILE}: entry [5] must be { "from": "/old/path/", "to": "/new/path/" }`,
    ]);
    assert.match(
      siteError({ from: "/x/", to: "/" }),
      /redirects\.json: must be a JSON array of \{ "from": "\/old\/path\/", "to": "\/new\/path\/" \}/,
    );
    assert.match(
      siteError([{ from: "/x/", to: "//evil.example/" }]),
      /entry \[0\] \(from \/x\/\) field "to" \/\/evil\.example\/ is not a path of this site: a browser would open evil\.example, another site/,
    );
    assert.match(
      siteError([{ from: "/x/", to: "/../outside/" }]),
      /entry \[0\] \(from \/x\/\) field "to" must be a path from the site's root/,
    );
    assert.match(
      siteError([{ from: "/a/../../outside/", to: "/" }]),
      /entry \[0\] field "from" \/a\/\.\.\/\.\.\/outside\/ must be a path/,
    );
    assert.deepEqual(
      parseSiteRedirects([{ from: "/.well-known/x", to: "/old.html" }], FILE),
      [{ from: "/.well-known/x", to: "/old.html" }],
      "dots inside a name are fine",
    );
  });

  it("is optional, and a file that is not JSON is an error naming it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "redirects-"));
    try {
      assert.deepEqual(readSiteRedirects(path.join(dir, "redirects.json")), []);
      writeFileSync(path.join(dir, "redirects.json"), "[{ from: '/x/' }]");
      assert.throws(
        () => readSiteRedirects(path.join(dir, "redirects.json"), FILE),
        (error: Error) => error instanceof SiteRedirectsError && error.message.includes(`${FILE}: not valid JSON`),
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe("the site's redirects", () => {
  it("merges the posts' old addresses and the site's, posts first", () => {
    const site = [
      { from: "/en/category/strategy/", to: "/tags/strategy/" },
      { from: "/2024/", to: "/en/2024/" },
      { from: "/?page_id=12", to: "/about/" },
    ];
    const redirects = redirectsOf([SLUG, OTHER], site, isPage, FILE);
    assert.deepEqual(redirects, [
      { from: "/2024/06/09/slug/", to: SLUG.url },
      { from: "/en/2024/06/09/slug/photo/", to: SLUG.url },
      { from: "/?p=123", to: SLUG.url },
      ...site,
    ]);
    assert.deepEqual(
      pathRedirects(redirects).map((r) => r.from),
      ["/2024/06/09/slug/", "/en/2024/06/09/slug/photo/", "/en/category/strategy/", "/2024/"],
    );
    assert.deepEqual(oldLinks(redirects), { p: { "123": SLUG.url }, page_id: { "12": "/about/" } });
    assert.equal(oldLinks(pathRedirects(redirects)), null, "no map without query links");
  });

  it("refuses a redirect from a live post or a page of the site, from a path twice, or to a page the build does not write", () => {
    const site = [
      { from: OTHER.url, to: "/" },
      { from: "/archive/", to: "/" },
      { from: "/?p=123", to: "/about/" },
      { from: "/en/category/gone/", to: "/tags/gone/" },
      { from: "/en/category/strategy/", to: "/tags/strategy" },
      { from: "/2023/", to: "/en/2023/" },
      { from: "/same/", to: "/same/" },
    ];
    const { problems } = collectRedirects([SLUG, OTHER], site, isPage);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        `entry [0]: ${OTHER.url} is the address of a live post`,
        "entry [1]: /archive/ is the address of a page of the site",
        `entry [2]: /?p=123 already redirects to ${SLUG.url}`,
        `entry [3]: "to" /tags/gone/ is not a page of the site: give a post's URL, a tag page (/tags/<slug>/), a year page (/en/YYYY/), a person's page (/people/<slug>/), or another page of the site (/, /archive/, /podcast/…)`,
        `entry [4]: "to" /tags/strategy is not a page of the site (did you mean /tags/strategy/?)`,
        `entry [5]: "to" /en/2023/ is not a page of the site: give a post's URL, a tag page (/tags/<slug>/), a year page (/en/YYYY/), a person's page (/people/<slug>/), or another page of the site (/, /archive/, /podcast/…)`,
        "entry [6]: /same/ leads to itself",
      ],
    );
    assert.deepEqual(problems[0]!.other, { post: OTHER });
    assert.deepEqual(problems[2]!.other, { post: SLUG });
    assert.throws(
      () => redirectsOf([SLUG, OTHER], site, isPage, FILE),
      (error: Error) =>
        error.message.split("\n")[0] === `${FILE}: entry [0]: ${OTHER.url} is the address of a live post`,
    );
  });

  it("knows before the build the pages that come from posts and the feeds, and that nothing else lives where they do", () => {
    for (const page of [SLUG.url, OTHER.url, "/tags/strategy/", "/en/2024/", "/feed.xml"])
      assert.equal(fromPosts(page), true, page);
    for (const page of ["/tags/gone/", "/en/2023/", "/en/2024/06/", "/people/nobody/"])
      assert.equal(fromPosts(page), false, page);
    for (const page of ["/", "/archive/", "/podcast/", "/2024/"])
      assert.equal(fromPosts(page), undefined, `${page}: known once written`);
  });

  it("finds, once the pages are written, the site redirects that lead to none (or to another redirect)", () => {
    const site = [
      { from: "/?page_id=12", to: "/about/" },
      { from: "/old-about/", to: "/about" },
      { from: "/2024/", to: "/en/2024/" },
      { from: "/2023/", to: "/2024/" },
    ];
    assert.deepEqual(redirectsLeadingNowhere(site, new Set(["/", "/about/", "/en/2024/", "/2024/"])), [
      'entry [1]: "to" /about is not a page the build wrote (did you mean /about/?)',
      `entry [3]: "to" /2024/ is not a page the build wrote: give a post's URL, a tag page (/tags/<slug>/), a year page (/en/YYYY/), a person's page (/people/<slug>/), or another page of the site (/, /archive/, /podcast/…)`,
    ]);
  });

  it("keeps the posts' own rules: not from a live post, not twice", () => {
    const moved = post("Moved", "2024-07-01", { redirect_from: [OTHER.url, "/2024/06/09/slug/"] });
    assert.throws(
      () => redirectsOf([SLUG, OTHER, moved]),
      (error: Error) =>
        error.message ===
        [
          `redirect_from of "Moved": ${OTHER.url} is the address of a live post`,
          `redirect_from of "Moved": /2024/06/09/slug/ already redirects to ${SLUG.url}`,
        ].join("\n"),
    );
  });

  it("writes Netlify's _redirects: a path line, and a query line on the root, forced past the home page, under the path prefix", () => {
    const redirects = [
      { from: "/2024/06/09/slug/", to: SLUG.url },
      { from: "/?p=123", to: SLUG.url },
      { from: "/?attachment_id=456", to: SLUG.url },
    ];
    assert.equal(
      netlifyRedirects(redirects),
      `/2024/06/09/slug/ ${SLUG.url} 301\n/ p=123 ${SLUG.url} 301!\n/ attachment_id=456 ${SLUG.url} 301!\n`,
    );
    assert.equal(netlifyRedirects(redirects.slice(1, 2), "/repo/"), `/repo/ p=123 /repo${SLUG.url} 301!\n`);
    assert.equal(netlifyRedirects([]), "");
    assert.equal(redirectPagePath("/2024/"), "/2024/index.html");
  });

  it("writes addresses in another script percent-encoded in _redirects, and the redirect page where a host looks for the decoded address", () => {
    assert.equal(
      netlifyRedirects([{ from: "/category/日本/", to: "/tags/日本/" }], "/repo/"),
      "/repo/category/%E6%97%A5%E6%9C%AC/ /repo/tags/%E6%97%A5%E6%9C%AC/ 301\n",
    );
    assert.equal(redirectPagePath("/en/category/%e6%97%a5%e6%9c%ac/"), "/en/category/日本/index.html");
    assert.equal(redirectPagePath("/old%20page.html"), "/old page.html");
    assert.equal(redirectPagePath("/bad%zz/"), "/bad%zz/index.html", "not percent-encoding: as it stands");
  });
});
