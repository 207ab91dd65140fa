/**
 * Reads a WordPress export (WXR 1.0 to 1.2: RSS 2.0 with the wp:, content:, excerpt: and dc:
 * namespaces) with a streaming XML parser, so a large export is read as it comes off the disk.
 * Only what the import writes is kept: never a commenter's e-mail, IP address or URL.
 */
import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { NotUtf8Error, Utf8Stream } from "../files/utf8.ts";

export interface WxrTerm {
  /** "category" or "post_tag" (other taxonomies are kept as they come). */
  domain: string;
  slug: string;
  name: string;
}

export interface WxrComment {
  id: number;
  author: string;
  /** "2024-06-10 08:12:00" in the blog's zone, and in UTC. */
  date: string;
  dateGmt: string;
  content: string;
  /** "1" approved, "0" pending, "spam", "trash". */
  approved: string;
  /** "comment" (or ""), "pingback", "trackback". */
  type: string;
  parent: number;
}

export interface WxrItem {
  /** The line of the file where the item starts, for messages. */
  line: number;
  id: number;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  /** "2024-06-09 10:00:00" in the blog's zone; post_date_gmt is "0000-00-00 00:00:00" for drafts. */
  postDate: string;
  postDateGmt: string;
  postName: string;
  status: string;
  postType: string;
  parent: number;
  attachmentUrl: string;
  terms: WxrTerm[];
  meta: Map<string, string>;
  comments: WxrComment[];
  /** An RSS <enclosure> on the item, which some podcast plugins write. */
  enclosure?: { url: string; length: string; type: string };
}

export interface WxrExport {
  title: string;
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  wxrVersion: string;
  /** Author login → display name. */
  authors: Map<string, string>;
  items: WxrItem[];
}

export class WxrError extends Error {
  override name = "WxrError";
}

const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/?$/;
const NAMESPACES: Record<string, string> = {
  "http://purl.org/rss/1.0/modules/content/": "content",
  "http://purl.org/dc/elements/1.1/": "dc",
};

/** "wp:post_id", "content:encoded", "excerpt:encoded", "dc:creator", or the plain RSS name. */
function qualifiedName(tag: SaxesTagNS): string {
  if (!tag.uri) return tag.local;
  if (WP_NAMESPACE.test(tag.uri)) return `wp:${tag.local}`;
  if (/^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/?$/.test(tag.uri)) return `excerpt:${tag.local}`;
  return `${NAMESPACES[tag.uri] ?? tag.uri}:${tag.local}`;
}

function newItem(line: number): WxrItem {
  return {
    line,
    id: 0,
    title: "",
    link: "",
    creator: "",
    content: "",
    excerpt: "",
    postDate: "",
    postDateGmt: "",
    postName: "",
    status: "",
    postType: "",
    parent: 0,
    attachmentUrl: "",
    terms: [],
    meta: new Map(),
    comments: [],
  };
}

function newComment(): WxrComment {
  return { id: 0, author: "", date: "", dateGmt: "", content: "", approved: "", type: "", parent: 0 };
}

const ITEM_FIELDS: Record<string, (item: WxrItem, text: string) => void> = {
  title: (item, text) => (item.title = text),
  link: (item, text) => (item.link = text.trim()),
  "dc:creator": (item, text) => (item.creator = text),
  "content:encoded": (item, text) => (item.content = text),
  "excerpt:encoded": (item, text) => (item.excerpt = text),
  "wp:post_id": (item, text) => (item.id = Number(text.trim())),
  "wp:post_date": (item, text) => (item.postDate = text.trim()),
  "wp:post_date_gmt": (item, text) => (item.postDateGmt = text.trim()),
  "wp:post_name": (item, text) => (item.postName = text.trim()),
  "wp:status": (item, text) => (item.status = text.trim()),
  "wp:post_type": (item, text) => (item.postType = text.trim()),
  "wp:post_parent": (item, text) => (item.parent = Number(text.trim()) || 0),
  "wp:attachment_url": (item, text) => (item.attachmentUrl = text.trim()),
};

const COMMENT_FIELDS: Record<string, (comment: WxrComment, text: string) => void> = {
  "wp:comment_id": (comment, text) => (comment.id = Number(text.trim())),
  "wp:comment_author": (comment, text) => (comment.author = text),
  "wp:comment_date": (comment, text) => (comment.date = text.trim()),
  "wp:comment_date_gmt": (comment, text) => (comment.dateGmt = text.trim()),
  "wp:comment_content": (comment, text) => (comment.content = text),
  "wp:comment_approved": (comment, text) => (comment.approved = text.trim()),
  "wp:comment_type": (comment, text) => (comment.type = text.trim()),
  "wp:comment_parent": (comment, text) => (comment.parent = Number(text.trim()) || 0),
};

/** Builds the export from the parser's events; `feed` is called with each chunk of the file. */
function wxrBuilder(file: string) {
  const parser = new SaxesParser({ xmlns: true, fileName: file });
  const result: WxrExport = {
    title: "",
    link: "",
    baseSiteUrl: "",
    baseBlogUrl: "",
    wxrVersion: "",
    authors: new Map(),
    items: [],
  };
  const stack: string[] = [];
  let text = "";
  let item: WxrItem | null = null;
  let comment: WxrComment | null = null;
  let meta: { key: string; value: string } | null = null;
  let author: { login: string; name: string } | null = null;
  let term: WxrTerm | null = null;
  let sawRss = false;

  parser.on("opentag", (tag) => {
    const name = qualifiedName(tag as SaxesTagNS);
    stack.push(name);
    text = "";
    const attribute = (key: string) => (tag as SaxesTagNS).attributes[key]?.value ?? "";
    if (name === "rss") sawRss = true;
    else if (name === "item") item = newItem(parser.line);
    else if (name === "wp:comment" && item) comment = newComment();
    else if (name === "wp:postmeta" && item) meta = { key: "", value: "" };
    else if (name === "wp:author" && !item) author = { login: "", name: "" };
    else if (name === "category" && item) term = { domain: attribute("domain"), slug: attribute("nicename"), name: "" };
    else if (name === "enclosure" && item)
      item.enclosure = { url: attribute("url"), length: attribute("length"), type: attribute("type") };
  });
  parser.on("text", (chunk) => (text += chunk));
  parser.on("cdata", (chunk) => (text += chunk));
  parser.on("closetag", () => {
    const name = stack.pop()!;
    const parent = stack.at(-1);
    if (comment && parent === "wp:comment") COMMENT_FIELDS[name]?.(comment, text);
    else if (meta && parent === "wp:postmeta") {
      if (name === "wp:meta_key") meta.key = text.trim();
      if (name === "wp:meta_value") meta.value = text;
    } else if (term && name === "category") term.name = text;
    else if (author && parent === "wp:author") {
      if (name === "wp:author_login") author.login = text.trim();
      if (name === "wp:author_display_name") author.name = text.trim();
    } else if (item && parent === "item") ITEM_FIELDS[name]?.(item, text);
    else if (parent === "channel") channelField(result, name, text);

    if (name === "wp:comment" && item && comment) {
      item.comments.push(comment);
      comment = null;
    } else if (name === "wp:postmeta" && item && meta) {
      item.meta.set(meta.key, meta.value);
      meta = null;
    } else if (name === "category" && item && term) {
      item.terms.push(term);
      term = null;
    } else if (name === "wp:author" && author) {
      result.authors.set(author.login, author.name || author.login);
      author = null;
    } else if (name === "item" && item) {
      result.items.push(item);
      item = null;
    }
    text = "";
  });

  return {
    feed: (chunk: string) => parser.write(chunk),
    finish(): WxrExport {
      parser.close();
      if (!sawRss)
        throw new WxrError(
          `${file}: not a WordPress export: there is no <rss> element (export from WordPress with Tools → Export)`,
        );
      if (!result.wxrVersion)
        throw new WxrError(
          `${file}: not a WordPress export: <wp:wxr_version> is missing (an RSS feed is not an export: use Tools → Export)`,
        );
      return result;
    },
  };
}

function channelField(result: WxrExport, name: string, text: string): void {
  if (name === "title") result.title = text.trim();
  else if (name === "link") result.link = text.trim();
  else if (name === "wp:base_site_url") result.baseSiteUrl = text.trim();
  else if (name === "wp:base_blog_url") result.baseBlogUrl = text.trim();
  else if (name === "wp:wxr_version") result.wxrVersion = text.trim();
}

/** Malformed XML becomes an error naming the file, the line and the column (saxes writes them first). */
function xmlError(file: string, error: unknown): WxrError {
  const message = error instanceof Error ? error.message : String(error);
  return new WxrError(message.startsWith(file) ? message : `${file}: ${message}`);
}

/** Parses a whole export held in memory. */
export function parseWxr(xml: string, file = "export.xml"): WxrExport {
  const builder = wxrBuilder(file);
  try {
    builder.feed(xml);
    return builder.finish();
  } catch (error) {
    throw error instanceof WxrError ? error : xmlError(file, error);
  }
}

/**
 * Reads an export from disk in chunks: memory holds the posts, not the file's text. `shown` is the
 * file as messages name it. An export that is not UTF-8 (a Latin-1 one) is an error at the line
 * and column of its first byte that is not.
 */
export async function readWxr(file: string, shown = file): Promise<WxrExport> {
  const builder = wxrBuilder(shown);
  const text = new Utf8Stream(shown);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
      builder.feed(text.write(chunk as Buffer));
    builder.feed(text.end());
    return builder.finish();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new WxrError(`${shown}: no such file`);
    if (error instanceof NotUtf8Error) throw new WxrError(error.message, { cause: error });
    throw error instanceof WxrError ? error : xmlError(shown, error);
  }
}
