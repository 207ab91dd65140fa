/**
 * The whole import, without writing anything: which items become posts and pages, which are left
 * out and why, the site's redirects for the old archives, and the report's figures.
 */
import { slugify } from "../posts/slug.ts";
import { escapeText } from "../text/escape.ts";
import type { LeftOutReason } from "./comments.ts";
import { checkedAddress, rejectInto } from "./export-values.ts";
import { convertPostHtml } from "./html.ts";
import { languagesOf, type Languages } from "./languages.ts";
import {
  archiveRedirects,
  languageArchives,
  oldPath,
  siteLanguageArchives,
  permalinkFront,
  postOldPaths,
  type SiteRedirect,
} from "./old-urls.ts";
import {
  folderCopies,
  imageTarget,
  importPost,
  plainText,
  postDay,
  postSlug,
  type Folder,
  type ImageNeed,
  type ImportedPost,
  type PlannedFile,
  type PostContext,
} from "./post.ts";
import {
  addressKey,
  ownerOf,
  take,
  takenAddresses,
  type SiteAddresses,
  type TakenAddresses,
} from "../site/addresses.ts";
import type { WxrExport, WxrItem, WxrTerm } from "./wxr.ts";
import { frontMatter } from "./yaml.ts";

export const REDIRECTS_FILE = "_data/redirects.json";
export const PAGES_DIR = "pages";

/** The category WordPress gives a post nobody categorised: not a tag worth a page. */
const DEFAULT_CATEGORY = "uncategorized";
/** Post types of WordPress's own machinery: menus, revisions, templates, styles, caches. */
const WORDPRESS_INTERNALS = new Set([
  "revision",
  "nav_menu_item",
  "custom_css",
  "customize_changeset",
  "oembed_cache",
  "user_request",
  "wp_block",
  "wp_template",
  "wp_template_part",
  "wp_global_styles",
  "wp_navigation",
  "wp_font_family",
  "wp_font_face",
]);
/** Post types that are posts: WordPress's, and Seriously Simple Podcasting's episodes. */
const POST_TYPES = new Set(["post", "podcast"]);

export interface ImportSettings {
  timeZone: string;
  hostName: string;
  /** Where our Atom feed is, for the old /feed/. */
  feedPath: string;
  /** Pages already in the content folder, by slug ("about"), with their URL: a WordPress page of that slug is not imported again. */
  existingPages: Map<string, string>;
  /** The addresses of the site's own pages and folders: no imported page takes one. */
  siteAddresses: SiteAddresses;
  uploadFile(relative: string): string | null;
  hasUploads: boolean;
  /** Today in the site's zone, "YYYY-MM-DD": a post dated later is scheduled. */
  today: string;
  /** The site's language (site.json), of every post the export gives no other: default "en". */
  language?: string;
}

export interface ImportReport {
  posts: { articles: number; episodes: number; drafts: number; scheduled: number };
  pages: number;
  attachments: number;
  images: { copied: number; missing: ImageNeed[]; toFetch: ImageNeed[] };
  comments: { kept: number; leftOut: Record<LeftOutReason, number> };
  redirects: number;
  skipped: { item: string; reason: string }[];
  warnings: string[];
  /** Posts by language, when the export names languages (Polylang); else empty. */
  languages: Record<string, number>;
  /** Groups of versions of one post in several languages, each given one translationKey. */
  translationGroups: number;
}

export interface ImportPlan {
  files: PlannedFile[];
  report: ImportReport;
}

const itemLabel = (item: WxrItem, file: string) =>
  `item ${item.id} “${plainText(item.title) || "(untitled)"}” (${file}:${item.line})`;

/** Why a post is left out, or null when it is imported. */
function postSkipReason(item: WxrItem): string | null {
  if (item.status === "private") return "a private post: readers of the old site never saw it";
  if (item.status === "trash") return "in WordPress's trash";
  if (item.status === "auto-draft") return "an empty draft WordPress made by itself";
  if (!["publish", "future", "draft", "pending"].includes(item.status))
    return `its status "${item.status}" is not one the import knows`;
  return null;
}

/**
 * The category WordPress gives a post nobody categorised, "Uncategorized"; in another language,
 * Polylang's copy of it, whose slug is `uncategorized-fr` whatever its name ("Non classé").
 */
const isDefaultCategory = (term: WxrTerm, lang: string) =>
  slugify(plainText(term.name)) === DEFAULT_CATEGORY ||
  (term.domain === "category" && term.slug === `${DEFAULT_CATEGORY}-${lang}`);

/**
 * Categories (except the default one) and tags, as tags; repeats (in case or punctuation) once.
 * Other taxonomies are not tags: Polylang's language and translation groups among them.
 */
function tagsOf(item: WxrItem, lang: string): string[] {
  const tags = new Map<string, string>();
  for (const term of item.terms) {
    if (term.domain !== "category" && term.domain !== "post_tag") continue;
    const name = plainText(term.name);
    if (!name || isDefaultCategory(term, lang) || !slugify(name)) continue;
    if (!tags.has(slugify(name))) tags.set(slugify(name), name);
  }
  return [...tags.values()];
}

/** The uploads URLs of the site: under the site's and the blog's address (the converter matches http and https alike). */
function uploadsUrls(wxr: WxrExport): string[] {
  const sites = [wxr.baseSiteUrl, wxr.baseBlogUrl, wxr.link].filter(Boolean).map((url) => url.replace(/\/+$/, ""));
  return [...new Set(sites)].map((site) => `${site}/wp-content/uploads/`);
}

function newReport(): ImportReport {
  return {
    posts: { articles: 0, episodes: 0, drafts: 0, scheduled: 0 },
    pages: 0,
    attachments: 0,
    images: { copied: 0, missing: [], toFetch: [] },
    comments: { kept: 0, leftOut: { spam: 0, pending: 0, trash: 0, pingback: 0, trackback: 0, empty: 0 } },
    redirects: 0,
    skipped: [],
    warnings: [],
    languages: {},
    translationGroups: 0,
  };
}

/** The path of an item's old address (its `link`); null when the link is none of the old site's, or is no address (then reported). */
function oldLinkPath(planning: Planning, item: WxrItem, label: string, field = "link"): string | null {
  const link = checkedAddress(item.link, field, rejectInto(planning.report.warnings, label));
  return link && oldPath(link, planning.context.siteUrl);
}

/**
 * Where a page goes: its old address, unless that is the site's (one of its pages, a post's, a
 * redirect's, under a folder of its own); then /pages/<slug>/, like its file (-2, -3… if taken or
 * another page's old address). The old address redirects there when the site has no page at it.
 */
function pageAddress(
  planning: Planning,
  old: string,
  slug: string,
  path: string,
): { address: string; redirect?: SiteRedirect } {
  const { taken, pageOldAddresses } = planning;
  const clash = ownerOf(taken, old);
  const elsewhere = (n: number) => `/${PAGES_DIR}/${slug}${n > 1 ? `-${n}` : ""}/`;
  let n = 1;
  while (clash && (ownerOf(taken, elsewhere(n)) || pageOldAddresses.has(addressKey(elsewhere(n))))) n++;
  const address = clash ? elsewhere(n) : old;
  take(taken, address, `the imported page ${path}`);
  if (!clash) return { address };
  const redirect = clash.redirects ? { from: old, to: address } : undefined;
  planning.report.warnings.push(
    `${path}: its old address ${old} is ${clash.owner}: the page is at ${address} instead${redirect ? `, and ${old} redirects there` : ""}`,
  );
  return { address, redirect };
}

/** A published page: left for later (planPages), unless the site has its own page of its slug, to which its old address then redirects. */
function notePage(planning: Planning, item: WxrItem, label: string): void {
  const slug = postSlug(item);
  const old = oldLinkPath(planning, item, label) ?? `/${slug}/`;
  const existing = planning.settings.existingPages.get(slug);
  if (!existing) planning.pages.push({ item, old });
  else {
    planning.report.skipped.push({
      item: label,
      reason: `the site has its own page "${slug}" (${existing}): the old ${old} redirects there`,
    });
    const clash = ownerOf(planning.taken, old);
    // No redirect at an address the site has a page at ("/" for a `?page_id=` link).
    if (old !== existing && (!clash || clash.redirects)) planning.siteRedirects.push({ from: old, to: existing });
  }
}

/** A page of the old site, as a Markdown page of ours at its old address, unless the site uses that address (pageAddress). */
function importPage(planning: Planning, { item, old }: PlannedPage): { files: PlannedFile[]; redirect?: SiteRedirect } {
  const { context, report } = planning;
  const slug = postSlug(item);
  // As a post: a page with images from the uploads is a folder, its images beside its index.md.
  const folder: Folder = { base: `${PAGES_DIR}/${slug}`, copies: new Map(), missing: [] };
  const converted = convertPostHtml(item.content, {
    uploadsUrls: context.uploadsUrls,
    imageTarget: imageTarget(folder, context),
  });
  const path = folder.copies.size > 0 ? `${folder.base}/index.md` : `${folder.base}.md`;
  report.warnings.push(...converted.warnings.map((w) => `${path}: ${w}`));
  const { address, redirect } = pageAddress(planning, old, slug, path);
  const title = plainText(item.title) || slug;
  const heading = escapeText(title);
  report.pages++;
  countImages(report, folder.copies.size, folder.missing, planning.settings.hasUploads);
  const text = `${frontMatter({ layout: "base.njk", title, permalink: address })}\n# ${heading}\n\n${converted.blocks.map((b) => b.markdown).join("\n\n")}\n`;
  return { files: [{ path, text }, ...folderCopies(folder)], redirect };
}

interface PlannedPage {
  item: WxrItem;
  /** The path of its old address, or /<slug>/ when its link has none. */
  old: string;
}

/** What planning the items builds up, item after item. */
interface Planning {
  file: string;
  settings: ImportSettings;
  context: PostContext;
  /** The site's language, and each post's (Polylang's), with the keys of their versions. */
  language: string;
  languages: Languages;
  /** The permalinks' front of each language ("/en/", "/fr/"), under which WordPress also kept its archives. */
  fronts: Map<string, string>;
  /** The old paths of the posts in the site's language: a post in another loses its path without its front to them. */
  siteLanguagePaths: Set<string>;
  files: PlannedFile[];
  report: ImportReport;
  siteRedirects: SiteRedirect[];
  /** Published posts, whose dates and terms the archives' redirects come from. */
  published: { item: WxrItem; date: string; lang: string }[];
  /** "lang YYYY-MM-DD-slug" of the posts planned so far: one address each. */
  slugs: Set<string>;
  /** "YYYY-MM-DD-slug" of their files and folders under posts/, one for every language. */
  names: Set<string>;
  /** The published pages, planned once every post and redirect has taken its address. */
  pages: PlannedPage[];
  /** The keys (addressKey) of the pages' old addresses: a page moved elsewhere takes none of them. */
  pageOldAddresses: Set<string>;
  /** The site's addresses, and those of the posts, redirects and pages planned so far. */
  taken: TakenAddresses;
}

/** Plans the import of a whole export. */
export function planImport(wxr: WxrExport, file: string, settings: ImportSettings): ImportPlan {
  const siteUrl = wxr.baseBlogUrl || wxr.baseSiteUrl || wxr.link;
  const attachments = new Map(wxr.items.filter((i) => i.postType === "attachment").map((i) => [i.id, i]));
  const posts = wxr.items.filter((i) => POST_TYPES.has(i.postType));
  const report = newReport();
  const language = settings.language ?? "en";
  const imported = (item: WxrItem) => !postSkipReason(item) && postDay(item, settings.timeZone, "") !== null;
  const languages = languagesOf(posts, language, imported, report.warnings, (item) => itemLabel(item, file));
  const fronts = new Map<string, string>();
  for (const lang of new Set([language, ...posts.map(languages.of)]))
    fronts.set(
      lang,
      permalinkFront(
        posts.filter((p) => languages.of(p) === lang).map((p) => p.link),
        siteUrl,
      ),
    );
  const planning: Planning = {
    file,
    settings,
    context: { ...settings, siteUrl, uploadsUrls: uploadsUrls(wxr), attachments },
    language,
    languages,
    fronts,
    siteLanguagePaths: new Set(
      posts
        .filter((p) => languages.of(p) === language)
        .flatMap((p) => postOldPaths(p.id, oldPath(p.link, siteUrl), fronts.get(language)!, "")),
    ),
    files: [],
    report,
    siteRedirects: [],
    published: [],
    slugs: new Set(),
    names: new Set(),
    pages: [],
    pageOldAddresses: new Set(),
    taken: takenAddresses(settings.siteAddresses),
  };
  for (const item of wxr.items) planItem(planning, item);
  const archives = archivesOf(planning);
  for (const redirect of archives) take(planning.taken, redirect.from, `a redirect of the old site to ${redirect.to}`);
  planPages(planning);
  const redirects = dedupe([...planning.siteRedirects, ...archives]);
  planning.report.redirects += redirects.length;
  planning.report.translationGroups = languages.groups;
  if (redirects.length) planning.files.push({ path: REDIRECTS_FILE, text: `${JSON.stringify(redirects, null, 2)}\n` });
  return { files: planning.files, report: planning.report };
}

function planItem(planning: Planning, item: WxrItem): void {
  const { report } = planning;
  const label = itemLabel(item, planning.file);
  if (WORDPRESS_INTERNALS.has(item.postType))
    report.skipped.push({ item: label, reason: `WordPress's own ${item.postType.replaceAll("_", " ")}, not content` });
  else if (item.postType === "attachment") report.attachments++;
  else if (item.postType === "page" && item.status !== "publish")
    report.skipped.push({ item: label, reason: `a page that is ${item.status}, not published` });
  else if (item.postType === "page") notePage(planning, item, label);
  else if (!POST_TYPES.has(item.postType))
    report.skipped.push({ item: label, reason: `its type "${item.postType}" is not a post or a page` });
  else planPost(planning, item, label);
}

/** The pages, after every post and redirect has its address; a page keeps its own old address before another moved page can take it. */
function planPages(planning: Planning): void {
  for (const { old } of planning.pages) planning.pageOldAddresses.add(addressKey(old));
  for (const page of planning.pages) {
    const { files, redirect } = importPage(planning, page);
    planning.files.push(...files);
    if (redirect) planning.siteRedirects.push(redirect);
  }
}

/**
 * The post's slug, made unique among the posts of its day in its language (an edited export can
 * repeat one), and the name of its file: `YYYY-MM-DD-slug`, or `YYYY-MM-DD-slug-fr` for a version
 * in another language that kept its original's slug and day (Polylang can share slugs).
 */
function uniqueSlug(
  planning: Planning,
  item: WxrItem,
  date: string,
  lang: string,
  label: string,
): { slug: string; name: string } {
  const own = postSlug(item);
  if (item.postName && own !== item.postName)
    planning.report.warnings.push(
      `${label}: its WordPress slug "${item.postName}" is not a URL slug: the post's address ends in /${own}/`,
    );
  const slug = planning.slugs.has(`${lang} ${date}-${own}`) ? `${own}-${item.id}` : own;
  if (slug !== own)
    planning.report.warnings.push(
      `${label}: another post of ${date} has the slug "${own}": this one's address ends in /${slug}/`,
    );
  planning.slugs.add(`${lang} ${date}-${slug}`);
  const name = planning.names.has(`${date}-${slug}`) ? `${date}-${slug}-${lang}` : `${date}-${slug}`;
  planning.names.add(name);
  return { slug, name };
}

/**
 * The post's old addresses: its own (under its language's front, `/fr/…`, and without it unless a
 * post in the site's language has that path), and its attachments' pages.
 */
function oldAddresses(planning: Planning, item: WxrItem, lang: string, url: string, label: string): string[] {
  const attachmentPaths = [...planning.context.attachments.values()]
    .filter((a) => a.parent === item.id)
    .flatMap((a) => [`/?attachment_id=${a.id}`, oldLinkPath(planning, a, label, `attachment ${a.id}'s link`)])
    .filter((p): p is string => !!p && p !== url);
  const front = planning.fronts.get(lang)!;
  // A draft's link (`/fr/?p=104`) has no path of its own: its language's front, a home page.
  const own = postOldPaths(item.id, oldLinkPath(planning, item, label), front, url).filter(
    (p) => p !== front && p !== `/${lang}/`,
  );
  const kept =
    lang === planning.language ? own : own.filter((p) => p.startsWith("/?") || !planning.siteLanguagePaths.has(p));
  return [...new Set([...kept, ...attachmentPaths])];
}

function planPost(planning: Planning, item: WxrItem, label: string): void {
  const { report, settings } = planning;
  const reason = postSkipReason(item);
  const day = reason ? null : postDay(item, settings.timeZone, label);
  if (reason || !day) {
    report.skipped.push({ item: label, reason: reason ?? `no date: wp:post_date is "${item.postDate}"` });
    return;
  }
  if (day.warning) report.warnings.push(day.warning);
  const lang = planning.languages.of(item);
  const { slug, name } = uniqueSlug(planning, item, day.date, lang, label);
  const url = `/${lang}/${day.date.replaceAll("-", "/")}/${slug}/`;
  const redirects = oldAddresses(planning, item, lang, url, label);
  const draft = item.status === "draft" || item.status === "pending";
  const scheduled = !draft && day.date > settings.today;
  const translationKey = planning.languages.keyOf(item);
  const languages = { ...(lang !== planning.language ? { lang } : {}), ...(translationKey ? { translationKey } : {}) };
  const imported = importPost(
    { item, date: day.date, slug, name, ...languages, draft, scheduled, tags: tagsOf(item, lang), redirects, label },
    planning.context,
  );
  planning.files.push(...imported.files);
  const post = `the post ${imported.files[0]!.path}`;
  take(planning.taken, url, post);
  for (const from of redirects) if (!from.startsWith("/?")) take(planning.taken, from, `an old address of ${post}`);
  count(report, imported, redirects.length, settings.hasUploads);
  if (planning.languages.multilingual) report.languages[lang] = (report.languages[lang] ?? 0) + 1;
  if (!draft && !scheduled) planning.published.push({ item, date: day.date, lang });
}

/** Images copied, and those not in the uploads folder: missing from it, or to fetch when none was given. */
function countImages(report: ImportReport, copied: number, notCopied: readonly ImageNeed[], hasUploads: boolean): void {
  report.images.copied += copied;
  report.images[hasUploads ? "missing" : "toFetch"].push(...notCopied);
}

function count(report: ImportReport, imported: ImportedPost, redirects: number, hasUploads: boolean): void {
  report.posts[imported.kind === "episode" ? "episodes" : "articles"]++;
  if (imported.draft) report.posts.drafts++;
  if (imported.scheduled) report.posts.scheduled++;
  countImages(report, imported.imagesCopied, imported.missingImages, hasUploads);
  report.comments.kept += imported.comments.kept.length;
  for (const [why, n] of Object.entries(imported.comments.leftOut)) report.comments.leftOut[why as LeftOutReason] += n;
  report.redirects += redirects;
  report.warnings.push(...imported.warnings);
}

/**
 * The archives of the published posts' days and terms, language by language: the site language's
 * first, so that an archive's path without a front is its own.
 */
function archivesOf(planning: Planning): SiteRedirect[] {
  const { feedPath } = planning.settings;
  const languages = [
    planning.language,
    ...[...planning.fronts.keys()].filter((lang) => lang !== planning.language).sort(),
  ];
  return languages.flatMap((lang) => {
    const published = planning.published.filter((p) => p.lang === lang);
    const terms = published.flatMap(({ item }) =>
      item.terms
        .filter((t) => t.domain === "category" || t.domain === "post_tag")
        .map((t) => ({
          domain: t.domain,
          slug: t.slug,
          tag: isDefaultCategory(t, lang) ? null : plainText(t.name) || null,
        })),
    );
    if (lang !== planning.language && !published.length) return [];
    const sources = { front: planning.fronts.get(lang)!, dates: published.map((p) => p.date), terms };
    return archiveRedirects(
      sources,
      feedPath,
      lang === planning.language ? siteLanguageArchives(feedPath, lang) : languageArchives(lang, feedPath),
    );
  });
}

/** The first redirect of each old path. */
function dedupe(redirects: readonly SiteRedirect[]): SiteRedirect[] {
  const first = new Map<string, SiteRedirect>();
  for (const redirect of redirects) if (!first.has(redirect.from)) first.set(redirect.from, redirect);
  return [...first.values()];
}
