import { z } from "zod";
import { peopleOf } from "./people.ts";
import { prefixedPath } from "../site/path-prefix.ts";
import { languagePath, tagPages, yearArchives } from "./collections.ts";
import type { Post } from "./schema.ts";
import { readUtf8File } from "../files/utf8.ts";
import { encodeUrl, safeDecode } from "../site/links.ts";
import { offSiteMessage, oldAddress, queryOf, sameAddresses, SITE_PATH, type OldLinks } from "./old-addresses.ts";

export interface Redirect {
  from: string;
  to: string;
}

/** The site's own redirects (archives of the old site and the like), beside site.json. */
export const SITE_REDIRECTS_FILE = "redirects.json";

const siteRedirectSchema = z
  .object(
    {
      from: oldAddress,
      to: z
        .string({
          error: (issue) =>
            issue.input === undefined ? "is required: the path it leads to, e.g. /tags/leadership/" : "must be a path",
        })
        .superRefine((to, ctx) => {
          const message =
            offSiteMessage(to) ??
            (SITE_PATH.test(to)
              ? null
              : 'must be a path from the site\'s root, starting with / (e.g. /tags/leadership/), without spaces, quotes or "." and ".." parts');
          if (message) ctx.addIssue({ code: "custom", message });
        }),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `has unknown field(s) ${issue.keys.join(", ")}: a redirect has only from and to`
          : 'must be { "from": "/old/path/", "to": "/new/path/" }',
    },
  )
  .strict();

const siteRedirectsSchema = z.array(siteRedirectSchema, {
  error: 'must be a JSON array of { "from": "/old/path/", "to": "/new/path/" }',
});

export class SiteRedirectsError extends Error {
  override name = "SiteRedirectsError";
}

/** Validates the site's redirects; on failure, one error lists every problem as `file: entry [index] field "name" what is wrong`. */
export function parseSiteRedirects(json: unknown, file: string): Redirect[] {
  const result = siteRedirectsSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const [index, field] = issue.path;
    if (typeof index !== "number") return `${file}: ${issue.message}`;
    const from = (json as { from?: unknown }[])[index]?.from;
    const entry = `entry [${index}]${typeof from === "string" && field !== "from" ? ` (from ${from})` : ""}`;
    return `${file}: ${entry}${field === undefined ? "" : ` field "${String(field)}"`} ${issue.message}`;
  });
  throw new SiteRedirectsError(`Invalid redirects in ${file}\n${problems.join("\n")}`);
}

/** The site's redirects in `file`; none when there is no such file. `shown` is the file as messages name it. */
export function readSiteRedirects(file: string, shown = file): Redirect[] {
  let source: string;
  try {
    source = readUtf8File(file, shown);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new SiteRedirectsError(
      `Invalid redirects in ${shown}\n${shown}: not valid JSON: ${(error as Error).message}`,
    );
  }
  return parseSiteRedirects(json, shown);
}

/**
 * Whether the build writes a page at a path: true or false, or undefined where that cannot be
 * known (`npm run check` knows only the pages that come from posts).
 */
export type PageTest = (path: string) => boolean | undefined;

/** Where a redirect is written: in a post's `redirect_from`, or in the site's redirects file (its index there). */
export type RedirectOrigin = { post: Post } | { entry: number };

export interface RedirectProblem {
  origin: RedirectOrigin;
  from: string;
  /** What is wrong, starting with where: `redirect_from of "Title": …` or `entry [3]: …` (of the site's redirects file). */
  message: string;
  /** Where the post or redirect that `from` collides with is written. */
  other?: RedirectOrigin;
}

/**
 * Every redirect of the site, the posts' old paths first, then the site's own (`site`), with what
 * is wrong with them: a redirect must not hide a live post or a page of the site, nor repeat
 * another's old address, and a site redirect must lead to a page the build writes (`isPage`).
 */
export function collectRedirects(
  posts: readonly Post[],
  site: readonly Redirect[] = [],
  isPage: PageTest = () => undefined,
): { redirects: Redirect[]; problems: RedirectProblem[] } {
  const live = new Map(posts.map((post) => [post.url, post]));
  const seen = new Map<string, { to: string; origin: RedirectOrigin }>();
  const redirects: Redirect[] = [];
  const problems: RedirectProblem[] = [];
  const add = (from: string, to: string, origin: RedirectOrigin, prefix: string) => {
    const problem = (message: string, other?: RedirectOrigin) =>
      problems.push({ origin, from, message: `${prefix}: ${message}`, other });
    // A path's redirect page is written at `/old/index.html` for `/old` as for `/old/`: both are one address.
    const query = queryOf(from);
    const addresses = query ? [from] : sameAddresses(from);
    const key = query ? from : redirectPagePath(from);
    const post = addresses.map((address) => live.get(address)).find((p) => p !== undefined);
    const earlier = seen.get(key);
    if (post) return problem(`${from} is the address of a live post`, { post });
    if (!query && addresses.some((address) => isPage(address)))
      return problem(`${from} is the address of a page of the site`);
    if (earlier) return problem(`${from} already redirects to ${earlier.to}`, earlier.origin);
    seen.set(key, { to, origin });
    redirects.push({ from, to });
  };
  for (const post of posts)
    for (const from of post.redirect_from) add(from, post.url, { post }, `redirect_from of "${post.title}"`);
  site.forEach(({ from, to }, entry) => {
    const prefix = `entry [${entry}]`;
    if (from === to || (!queryOf(from) && sameAddresses(from).includes(to)))
      problems.push({ origin: { entry }, from, message: `${prefix}: ${from} leads to itself` });
    else if (isPage(to) === false)
      problems.push({
        origin: { entry },
        from,
        message: `${prefix}: "to" ${to} is not a page of the site${suggestion(to, isPage)}`,
      });
    else add(from, to, { entry }, prefix);
  });
  return { redirects, problems };
}

/** What to write instead of a `to` that is no page: the same path with or without its last "/", or the kinds of pages there are. */
function suggestion(to: string, isPage: PageTest): string {
  const other = to.endsWith("/") ? to.slice(0, -1) : `${to}/`;
  if (other.length > 1 && isPage(other)) return ` (did you mean ${other}?)`;
  return ": give a post's URL, a tag page (/tags/<slug>/), a year page (/en/YYYY/), a person's page (/people/<slug>/), or another page of the site (/, /archive/, /podcast/…)";
}

/** Every redirect of the site (see collectRedirects); throws one error listing every problem, a site redirect's with its file (`siteFile`). */
export function redirectsOf(
  posts: readonly Post[],
  site: readonly Redirect[] = [],
  isPage?: PageTest,
  siteFile = SITE_REDIRECTS_FILE,
): Redirect[] {
  const { redirects, problems } = collectRedirects(posts, site, isPage);
  if (problems.length)
    throw new Error(problems.map((p) => ("entry" in p.origin ? `${siteFile}: ${p.message}` : p.message)).join("\n"));
  return redirects;
}

/**
 * The pages whose path starts with these come only from posts: pagesOfPosts knows them all. In
 * another language's folder (`/fr/`) the home, archive, tags' index, search and feeds are
 * templates': only its dates (posts, years) and its tags' pages come from posts.
 */
const FROM_POSTS = /^\/(?:en|tags|people)\/[^/]|^\/[a-z]{2,3}(?:-[a-z0-9]{2,8})*\/(?:\d{4}\/|tags\/[^/])/;

/**
 * What is known, before the build writes anything, of the pages it writes: from the posts, the
 * posts' pages, their tags' (`/tags/<slug>/`), years' (`/en/YYYY/`) and people's pages (any
 * other path under /en/, /tags/… or /people/… is none), and the feeds. Whether another path is a
 * page (`/`, `/archive/`, `/podcast/`, `/about/`…) is known only once the build has written its
 * pages (redirectsLeadingNowhere). `perLanguage` are the feeds each language of the posts has
 * (`/feed.xml` is `/fr/feed.xml` in French); `feeds` the others, such as the one podcast feed.
 */
export function pagesOfPosts(
  posts: readonly Post[],
  postsPerTagPage: number,
  feeds: readonly string[] = [],
  siteLanguage = "en",
  perLanguage: readonly string[] = [],
): PageTest {
  const languages = new Set([siteLanguage, ...posts.map((post) => post.lang)]);
  const known = new Set([
    ...[...languages].flatMap((lang) => perLanguage.map((feed) => languagePath(feed, lang, siteLanguage))),
    ...posts.map((post) => post.url),
    ...tagPages(posts, postsPerTagPage, siteLanguage).map((page) => page.url),
    ...yearArchives(posts, siteLanguage).map((year) => year.url),
    ...peopleOf(posts).map((person) => person.url),
    ...feeds,
  ]);
  return (page) => (known.has(page) ? true : FROM_POSTS.test(page) ? false : undefined);
}

/** The site's redirects whose `to` is not among the pages the build wrote (`written`, by URL), each as `entry [i]: …`. */
export function redirectsLeadingNowhere(site: readonly Redirect[], written: ReadonlySet<string>): string[] {
  const froms = new Set(site.map((r) => r.from));
  return site.flatMap(({ to }, entry) =>
    written.has(to) && !froms.has(to)
      ? []
      : [`entry [${entry}]: "to" ${to} is not a page the build wrote${suggestion(to, (page) => written.has(page))}`],
  );
}

/** The redirects from a path, each answered by a small page at that path (query links cannot be: they are the home page). */
export const pathRedirects = (redirects: readonly Redirect[]): Redirect[] => redirects.filter((r) => !queryOf(r.from));

/** The query links of `redirects` as the home page's script reads them; null when there are none. */
export function oldLinks(redirects: readonly Redirect[]): OldLinks | null {
  const links: OldLinks = {};
  for (const { from, to } of redirects) {
    const query = queryOf(from);
    if (!query) continue;
    links[query.key] ??= {};
    links[query.key]![query.value] = to;
  }
  return Object.keys(links).length ? links : null;
}

/** A path as a host's redirect rules give it: under the prefix, and ASCII (an address in another script, /tags/日本/, percent-encoded). */
const hostRulePath = (pathPrefix: string, p: string) => encodeUrl(prefixedPath(pathPrefix, p));

/**
 * Netlify-style `_redirects`: one permanent redirect a line, both paths under the site's path
 * prefix. A query link is Netlify's query form on the site's root (`/ p=123 /en/… 301!`), forced
 * (`!`) because the root is a page, which Netlify would otherwise serve instead ("shadowing").
 */
export function netlifyRedirects(redirects: readonly Redirect[], pathPrefix = "/"): string {
  const served = (p: string) => hostRulePath(pathPrefix, p);
  const line = ({ from, to }: Redirect) => {
    const query = queryOf(from);
    return query
      ? `${served("/")} ${query.key}=${query.value} ${served(to)} 301!`
      : `${served(from)} ${served(to)} 301`;
  };
  return redirects.map(line).join("\n") + (redirects.length ? "\n" : "");
}

/**
 * Netlify's rules for what is not found under another language's pages (`/fr/*`): its own 404
 * page, in its language (`/fr/404.html`), after every redirect. `roots` are where each language's
 * pages are ("/" for the site's language, whose `/404.html` Netlify serves by itself; "/fr/").
 */
export function netlifyNotFound(roots: readonly string[], pathPrefix = "/"): string {
  return roots
    .filter((root) => root !== "/")
    .map((root) => `${hostRulePath(pathPrefix, `${root}*`)} ${hostRulePath(pathPrefix, `${root}404.html`)} 404\n`)
    .join("");
}

/**
 * Where the redirect page for an old path is written: the path itself for a file, its index.html
 * for a folder; decoded (WordPress writes `/category/%e6%97%a5/`), since a static host decodes the
 * address it is asked for before it looks for the file.
 */
export function redirectPagePath(from: string): string {
  const path = safeDecode(from);
  return /\.html?$/.test(path) ? path : `${path.replace(/\/?$/, "/")}index.html`;
}
