/**
 * The addresses the site already uses, which an imported page (and any page of content/pages/,
 * npm run check) must never take: its own pages
 * (the templates at the top of the content folder, at their `permalink:`, read from the files so
 * that a page added there is known) and the folders its build fills, where every address is its own.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../markdown/front-matter.ts";
import { safeDecode } from "./links.ts";

export interface SiteFolder {
  /** What the site has there: "the posts and the years' pages". */
  what: string;
  /** Whether another address there may hold a redirect: true where the site's pages come from posts, and the build checks each redirect against them. */
  redirects: boolean;
}

export interface SiteAddresses {
  /** Each address of the site's own pages and files → what it is ("the site's page podcast.njk"). */
  pages: ReadonlyMap<string, string>;
  folders: ReadonlyMap<string, SiteFolder>;
}

/** A template at the top of the content folder, and the address of its page. */
export interface TemplatePage {
  file: string;
  slug: string;
  address: string;
}

/** Written by code, not by a template of the content folder. */
const BUILT_PAGES: [string, string][] = [["/sitemap.xml", "the site's sitemap"]];
const BUILT_FOLDERS = new Map<string, SiteFolder>([
  ["/en/", { what: "the posts and the years' pages", redirects: true }],
  ["/tags/", { what: "the tags' pages", redirects: true }],
  ["/people/", { what: "the people's pages", redirects: true }],
  ["/assets/", { what: "the files of content/assets", redirects: false }],
  ["/img/", { what: "the optimized images and the social cards", redirects: false }],
  ["/pagefind/", { what: "the search index", redirects: false }],
]);

/**
 * A permalink's address: as written, or the setting it names (`{{ site.feeds.atom }}`), or the
 * site language's page of a template made once per language (`{{ listing.root }}archive/`: the
 * root is "/" in the site's language, `/<lang>/` in another, under the language's folder);
 * null when it is made per item of a list (`{{ tagPage.url }}`: those are under the folders above).
 */
function permalinkAddress(permalink: unknown, site: unknown): string | null {
  if (typeof permalink !== "string") return null;
  if (!permalink.includes("{{")) return permalink;
  const perLanguage = /^\{\{\s*\w+\.root\s*\}\}([^{}]*)$/.exec(permalink.trim());
  if (perLanguage) return `/${perLanguage[1]}`;
  const setting = /^\{\{\s*site\.([\w.]+)\s*\}\}$/.exec(permalink.trim())?.[1] ?? "";
  const value = setting
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], site);
  return setting && typeof value === "string" ? value : null;
}

/** The templates at the top of the content folder and their pages' addresses: their permalink, else Eleventy's ("/" for index, "/search/" for search.njk). */
export function templatePages(contentDir: string, site: unknown, read: (file: string) => string): TemplatePage[] {
  return readdirSync(contentDir)
    .filter((name) => /\.(?:njk|md|html|liquid)$/.test(name))
    .flatMap((file) => {
      const slug = file.replace(/\.[^.]+$/, "");
      const { data } = readFrontMatter(read(path.join(contentDir, file)));
      const address = permalinkAddress(data.permalink ?? (slug === "index" ? "/" : `/${slug}/`), site);
      return address ? [{ file, slug, address }] : [];
    });
}

/**
 * The site's addresses. `languages` are those the site may write pages in besides its own (the
 * dictionaries'): each has a folder, `/fr/`, of its posts and of its home, archive, tags, search
 * and feeds.
 */
export function siteAddresses(templates: readonly TemplatePage[], languages: readonly string[] = []): SiteAddresses {
  const folders = new Map(BUILT_FOLDERS);
  for (const lang of languages)
    if (!folders.has(`/${lang}/`))
      folders.set(`/${lang}/`, { what: `the pages in the language "${lang}"`, redirects: true });
  return {
    pages: new Map([
      ...templates.map((t): [string, string] => [t.address, `the site's page ${t.file}`]),
      ...BUILT_PAGES,
    ]),
    folders,
  };
}

/** One key for the addresses Eleventy writes to one file, or to a file and a folder of one name: "/Podcast", "/podcast/", "/podcast/index.html". */
export function addressKey(address: string): string {
  return (
    safeDecode(address)
      .toLowerCase()
      .replace(/\/index\.html?$/, "/")
      .replace(/\/+$/, "") || "/"
  );
}

/** The addresses taken so far while planning: the site's, then the imported posts', redirects' and pages'. */
export interface TakenAddresses {
  pages: Map<string, string>;
  folders: ReadonlyMap<string, SiteFolder>;
}

export function takenAddresses(site: SiteAddresses): TakenAddresses {
  const taken: TakenAddresses = {
    pages: new Map(),
    folders: new Map([...site.folders].map(([folder, owner]) => [addressKey(folder), owner])),
  };
  for (const [address, what] of site.pages) take(taken, address, what);
  return taken;
}

/** Marks an address as `what`'s (the first to take it keeps it). */
export function take(taken: TakenAddresses, address: string, what: string): void {
  const key = addressKey(address);
  if (!taken.pages.has(key)) taken.pages.set(key, what);
}

/** Whose the address is, as a message says it, and whether it may redirect; null when it is free. */
export function ownerOf(taken: TakenAddresses, address: string): { owner: string; redirects: boolean } | null {
  const key = addressKey(address);
  const page = taken.pages.get(key);
  if (page) return { owner: `the address of ${page}`, redirects: false };
  for (const [folder, { what, redirects }] of taken.folders)
    if (key === folder || key.startsWith(`${folder}/`))
      return { owner: `under ${folder}/, where the site has ${what}`, redirects };
  return null;
}
