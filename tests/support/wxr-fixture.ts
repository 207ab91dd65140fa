/**
 * A WordPress export (WXR 1.2) of the blog, generated from the seed dump and the committed front
 * matter, for the WordPress importer's tests: the 12 seed posts as the old site held them (half
 * written in the classic editor, half in Gutenberg), plus every case an import must handle
 * (comments of each status, attachments, a missing upload, drafts, a hostile post…).
 * SEED_EXPORT lists what the export holds, so tests assert against facts.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { DateTime } from "luxon";
import sharp from "sharp";
import { slugify } from "../../src/posts/slug.ts";
import { listFiles, ROOT } from "./build.ts";
import { SEED_FILE } from "./seed.ts";

export interface Term {
  name: string;
  slug: string;
}

export interface SeedPostFacts {
  id: number;
  /** The seed's title, as the build test expects it. */
  title: string;
  /** post_name: the committed file's slug (the Galloway episode's differs from its title). */
  slug: string;
  /** The committed URL path, `/en/YYYY/MM/DD/<slug>/`; `link` is the full address. */
  url: string;
  link: string;
  /** The committed date: the calendar day of `postDate`, in the site's time zone. */
  date: string;
  /** wp:post_date (America/Los_Angeles) and wp:post_date_gmt, "YYYY-MM-DD HH:mm:ss". */
  postDate: string;
  postDateGmt: string;
  kind: "article" | "episode";
  editor: "classic" | "gutenberg";
  category: Term;
  tags: Term[];
  /** excerpt:encoded: the committed description, or "" where the post has none in the export. */
  excerpt: string;
  description: string;
  /** From the committed front matter; the show notes name them as the seed does. */
  guests: { name: string; role?: string }[];
  /** The line that introduces the transcript (committed transcript.md `heading`) and how the content writes it. */
  transcriptHeading?: { text: string; element: "h2" | "p" };
}

export interface AttachmentFacts {
  id: number;
  /** wp:post_parent; the attachment page (`link`) should lead to the parent's URL. */
  parentId: number;
  parentUrl: string;
  link: string;
  /** _wp_attached_file: the original, relative to the uploads folder; `url` is wp:attachment_url. */
  file: string;
  url: string;
  alt: string;
  /** The file the post shows, relative to the uploads folder: the original for a featured image, the 1024×683 size in content. */
  shown: string;
  /** Whether writeUploads() writes it (the original and its sizes) to the uploads folder. */
  present: boolean;
}

export interface CommentFacts {
  id: number;
  postId: number;
  author: string;
  email: string;
  ip: string;
  url: string;
  /** "1" approved, "0" pending, "spam", "trash". */
  approved: "1" | "0" | "spam" | "trash";
  type: "comment" | "pingback";
  parent: number;
  /** As written in wp:comment_content (paragraphs separated by a blank line, HTML allowed). */
  content: string;
}

export interface ExtraItemFacts {
  id: number;
  title: string;
  type: "post" | "page" | "nav_menu_item" | "revision";
  status: string;
  /** wp:post_name, "" for the draft and the pending post. */
  slug: string;
  parentId: number;
  /** wp:post_date (local); wp:post_date_gmt is "0000-00-00 00:00:00" for the draft and the pending post. */
  postDate: string;
}

export type ItemCase = "seed-post" | "attachment" | "hostile" | keyof typeof EXTRAS;

const SITE_URL = "https://alexis.monville.com";
const UPLOADS_URL = `${SITE_URL}/wp-content/uploads`;
const TIME_ZONE = "America/Los_Angeles";
const SQL = "yyyy-MM-dd HH:mm:ss";
const ZERO_DATE = "0000-00-00 00:00:00";
const AUTHOR = { login: "alexis", name: "Alexis Monville", email: "alexis.owner.wxr-fixture@example.org" };

// ---------------------------------------------------------------------------------------------
// The seed dump, split by the rules of tests/support/seed.ts, keeping each block's kind and lines.

type BlockKind = "p" | "ul" | "ol";
interface Block {
  kind: BlockKind;
  /** The dump's lines, trimmed; a list item's first line keeps its marker. */
  lines: string[];
}
interface DumpPost {
  title: string;
  blocks: Block[];
}

const LIST_MARKER = /^(•\s+|\d+\.\s+)/;

function readDump(): DumpPost[] {
  const lines = readFileSync(SEED_FILE, "utf8")
    .split("\n")
    .map((line) => line.trim());
  const posts: DumpPost[] = [];
  let block: Block | undefined;
  const flush = () => {
    if (block && posts.length) posts.at(-1)!.blocks.push(block);
    block = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("• ") && lines.slice(i + 1).find((l) => l !== "") === line.slice(2)) {
      flush();
      posts.push({ title: line.slice(2), blocks: [] });
      i = lines.indexOf(line.slice(2), i + 1);
    } else if (line === "" || line.startsWith("Author:")) flush();
    else if (LIST_MARKER.test(line)) {
      flush();
      block = { kind: line.startsWith("•") ? "ul" : "ol", lines: [line] };
    } else {
      block ??= { kind: "p", lines: [] };
      block.lines.push(line);
    }
  }
  flush();
  return posts;
}

// ---------------------------------------------------------------------------------------------
// The committed posts: front matter, Markdown headings, transcript heading.

interface Committed {
  slug: string;
  data: Record<string, unknown>;
  /** Heading text → level, from the `##`/`###` lines of the Markdown. */
  headings: Map<string, 2 | 3>;
  transcriptHeading?: string;
}

function readCommitted(): Map<string, Committed> {
  const dir = path.join(ROOT, "content/posts");
  const files = listFiles(dir).filter((file) => file.endsWith(".md") && path.basename(file) !== "transcript.md");
  return new Map(
    files.map((file) => {
      const { data, content } = matter(readFileSync(path.join(dir, file), "utf8"));
      const name = file.endsWith("index.md") ? path.dirname(file) : path.basename(file, ".md");
      const transcript = path.join(dir, path.dirname(file), "transcript.md");
      const headings = [...content.matchAll(/^(##|###) (.+)$/gm)].map((m) => [m[2]!, m[1]!.length as 2 | 3] as const);
      const committed: Committed = { slug: name.replace(/^\d{4}-\d\d-\d\d-/, ""), data, headings: new Map(headings) };
      if (file.endsWith("index.md"))
        committed.transcriptHeading = matter(readFileSync(transcript, "utf8")).data.heading as string;
      return [data.title as string, committed];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The plan: which post carries which case.

const POST_IDS_FROM = 2400; // seed post n (0 = newest) is 2400 - 20n
/** Local times of publication; 21:30 and 23:45 are already the next day in UTC. */
const TIMES = [
  "21:30",
  "09:00",
  "10:15",
  "08:00",
  "07:30",
  "09:00",
  "11:00",
  "09:00",
  "14:00",
  "09:00",
  "06:30",
  "23:45",
];
const GUTENBERG = new Set([0, 1, 2, 3, 4, 5]);
/** Which seed post writes its transcript heading as an <h2> (the other episodes write a paragraph). */
const HEADING_AS_H2 = 2;
const BOOKS = new Set([1, 3, 6, 9]);
const UNCATEGORIZED = 11;
const CATEGORIES = {
  uncategorized: { id: 1, name: "Uncategorized", slug: "uncategorized" },
  leadership: { id: 3, name: "Leadership", slug: "leadership" },
  podcast: { id: 4, name: "Podcast", slug: "podcast" },
  books: { id: 5, name: "Books & Reading", slug: "books-reading" },
};
const NAV_MENU = { id: 2, name: "Main menu", slug: "main-menu" };

const dump = readDump();
const committedByTitle = readCommitted();

/** The post's path on the site and the old one: `/en/YYYY/MM/DD/<slug>/`, the day in the site's zone. */
const postPath = (date: DateTime, slug: string) => `/en/${date.toFormat("yyyy/MM/dd")}/${slug}/`;

function localDate(date: string, time: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone: TIME_ZONE });
}

function seedPostFacts(post: DumpPost, index: number): SeedPostFacts {
  const committed = committedByTitle.get(post.title);
  if (!committed) throw new Error(`no committed post titled "${post.title}"`);
  const { data } = committed;
  const date = DateTime.fromJSDate(data.date as Date, { zone: "utc" }).toISODate()!;
  const published = localDate(date, TIMES[index]!);
  const url = postPath(published, committed.slug);
  const kind = data.kind as "article" | "episode";
  const category =
    kind === "episode"
      ? CATEGORIES.podcast
      : index === UNCATEGORIZED
        ? CATEGORIES.uncategorized
        : BOOKS.has(index)
          ? CATEGORIES.books
          : CATEGORIES.leadership;
  const facts: SeedPostFacts = {
    id: POST_IDS_FROM - 20 * index,
    title: post.title,
    slug: committed.slug,
    url,
    link: SITE_URL + url,
    date,
    postDate: published.toFormat(SQL),
    postDateGmt: published.toUTC().toFormat(SQL),
    kind,
    editor: GUTENBERG.has(index) ? "gutenberg" : "classic",
    category: { name: category.name, slug: category.slug },
    tags: ((data.tags ?? []) as string[]).map((name) => ({ name, slug: slugify(name) })),
    excerpt: index % 2 === 0 ? (data.description as string) : "",
    description: data.description as string,
    guests: (data.guests ?? []) as SeedPostFacts["guests"],
  };
  if (committed.transcriptHeading)
    facts.transcriptHeading = { text: committed.transcriptHeading, element: index === HEADING_AS_H2 ? "h2" : "p" };
  return facts;
}

const POSTS = dump.map(seedPostFacts);
const seedPost = (title: string) => POSTS.find((p) => p.title.startsWith(title))!;
const MARIA = seedPost("Exploring Leadership and Open Source");
const TAMAR = seedPost("Engineering Leadership at Scale");
const PLAYING = seedPost("Playing to Win");
const CONTESTED = seedPost("Leadership: A Contested Term");
const MUNGER = seedPost("The Art of Thinking");

const AUDIO = {
  enclosure: {
    postId: MARIA.id,
    url: "https://media.example.com/le-podcast/maria-bracho.mp3",
    length: 31415926,
    type: "audio/mpeg",
    duration: "00:31:00",
  },
  block: { postId: TAMAR.id, url: "https://media.example.com/le-podcast/tamar.mp3" },
};

const SIZES = { large: [1024, 683], medium: [300, 200], thumbnail: [150, 150] } as const;
const ORIGINAL = [1600, 1067] as const;

function attachment(
  id: number,
  parent: SeedPostFacts,
  file: string,
  alt: string,
  present: boolean,
  inContent: boolean,
): AttachmentFacts {
  const name = path.basename(file, ".jpg");
  return {
    id,
    parentId: parent.id,
    parentUrl: parent.url,
    link: `${parent.link}${name}/`,
    file,
    url: `${UPLOADS_URL}/${file}`,
    alt,
    shown: inContent ? file.replace(/\.jpg$/, `-${SIZES.large.join("x")}.jpg`) : file,
    present,
  };
}

const ATTACHMENTS = {
  /** Playing to Win's featured image (_thumbnail_id). */
  featured: attachment(
    PLAYING.id + 1,
    PLAYING,
    "2024/04/playing-to-win-cover.jpg",
    "The cover of “Playing to Win” by A.G. Lafley & Roger L. Martin",
    true,
    false,
  ),
  /** A Gutenberg image block in "Leadership: A Contested Term", with a caption. */
  inContent: attachment(
    CONTESTED.id + 1,
    CONTESTED,
    "2024/02/emerging-leadership-circle.jpg",
    "A team standing in a circle around a whiteboard",
    true,
    true,
  ),
  /** A classic-editor <img> in the Munger article whose file is not in the uploads folder; its item comes before its post's. */
  missing: attachment(
    MUNGER.id - 1,
    MUNGER,
    "2024/01/poor-charlies-almanack.jpg",
    "Poor Charlie’s Almanack, open on a table",
    false,
    true,
  ),
};
const CONTENT_CAPTION = "The whiteboard after a team retrospective.";

const comment = (id: number, postId: number, fields: Partial<CommentFacts>): CommentFacts => ({
  id,
  postId,
  author: "Jane Reader",
  email: `reader-${id}.wxr-fixture@example.net`,
  ip: `203.0.113.${100 + id}`,
  url: "",
  approved: "1",
  type: "comment",
  parent: 0,
  content: "",
  ...fields,
});

const HOSTILE_ID = 2310;

const COMMENTS = {
  /** Two paragraphs and a link. */
  approved: comment(7, MARIA.id, {
    url: "https://jane.example",
    content:
      'Great episode: the ramen story will stay with me.\n\nI wrote down what I took from it <a href="https://jane.example/notes/open-source-ramen">in my notes</a>.',
  }),
  /** The author's reply to `approved`. */
  reply: comment(8, MARIA.id, {
    author: AUTHOR.name,
    email: AUTHOR.email,
    url: SITE_URL,
    parent: 7,
    content: "Thank you, Jane! Maria tells it better than anyone.",
  }),
  pending: comment(9, MARIA.id, { author: "Pat Waiting", approved: "0", content: "Is there a recording of the Q&A?" }),
  spam: comment(10, PLAYING.id, {
    author: "Cheap Watches",
    url: "https://spam.example",
    approved: "spam",
    content: 'Best prices <a href="https://spam.example/buy">here</a>',
  }),
  pingback: comment(11, CONTESTED.id, {
    author: "Leadership Digest &raquo; Weekly links",
    url: "https://digest.example/2024/02/weekly-links/",
    type: "pingback",
    content: "[&#8230;] Alexis Monville on why leadership is a contested term [&#8230;]",
  }),
  trash: comment(12, MUNGER.id, { author: "Old Thread", approved: "trash", content: "First!" }),
  /** On the hostile post: alert(5) in the author, 7 and 8 in the content, 10 in the author URL. */
  hostile: comment(13, HOSTILE_ID, {
    author: "<script>alert(5)</script>",
    url: "javascript:alert(10)",
    content: 'Nice <span onclick="alert(7)">post</span>, see <a href="javascript:alert(8)">this</a>.',
  }),
};

const EXTRAS = {
  draft: {
    id: 2450,
    title: "Notes on listening before the next season",
    type: "post",
    status: "draft",
    slug: "",
    parentId: 0,
    postDate: "2024-06-20 18:05:00",
  },
  pending: {
    id: 2460,
    title: "What good feedback sounds like",
    type: "post",
    status: "pending",
    slug: "",
    parentId: 0,
    postDate: "2024-06-25 12:00:00",
  },
  /** Non-Latin title; WordPress stores a non-Latin post_name percent-encoded. */
  scheduled: {
    id: 2470,
    title: "Café à Tōkyō — 東京での対話",
    type: "post",
    status: "future",
    slug: `cafe-a-tokyo-${encodeURIComponent("東京での対話").toLowerCase()}`,
    parentId: 0,
    postDate: "2031-03-14 09:00:00",
  },
  private: {
    id: 2430,
    title: "Coaching notes for the spring cohort",
    type: "post",
    status: "private",
    slug: "coaching-notes-for-the-spring-cohort",
    parentId: 0,
    postDate: "2024-04-02 08:00:00",
  },
  trashed: {
    id: 2100,
    title: "An old announcement",
    type: "post",
    status: "trash",
    slug: "an-old-announcement__trashed",
    parentId: 0,
    postDate: "2023-11-02 10:00:00",
  },
  page: {
    id: 12,
    title: "About",
    type: "page",
    status: "publish",
    slug: "about",
    parentId: 0,
    postDate: "2019-03-01 09:00:00",
  },
  /** Pages at the addresses of the site's own podcast page and archive: an import must put them elsewhere. */
  podcastPage: {
    id: 13,
    title: "Podcast",
    type: "page",
    status: "publish",
    slug: "podcast",
    parentId: 0,
    postDate: "2019-03-01 09:10:00",
  },
  archivePage: {
    id: 14,
    title: "Archive",
    type: "page",
    status: "publish",
    slug: "archive",
    parentId: 0,
    postDate: "2019-03-01 09:15:00",
  },
  navMenuItem: {
    id: 15,
    title: "",
    type: "nav_menu_item",
    status: "publish",
    slug: "15",
    parentId: 0,
    postDate: "2019-03-01 09:05:00",
  },
  revision: {
    id: MARIA.id + 2,
    title: MARIA.title,
    type: "revision",
    status: "inherit",
    slug: `${MARIA.id}-revision-v1`,
    parentId: MARIA.id,
    postDate: "2024-06-09 20:55:00",
  },
} satisfies Record<string, ExtraItemFacts>;

const HOSTILE = {
  id: HOSTILE_ID,
  title: '<script>alert("title")</script> Hostile & "quoted"',
  /** No WordPress writes this, but an edited export can. */
  slug: "../../../etc/evil",
  postDate: "2024-03-01 10:00:00",
  tag: { name: "<img src=x onerror=alert(4)>", slug: "<img src=x onerror=alert(4)>" },
  /** Where each alert(N) is; none may run or stay as live markup on the built site. */
  alerts: {
    1: "content: <img onerror>",
    2: "content: escaped text, to show as text",
    3: "content: transcript turns, escaped text, to show as text",
    4: "tag name and slug",
    5: "comment author",
    6: "content: javascript: link",
    7: "comment content: event attribute",
    8: "comment content: javascript: link",
    9: "content: <script> element",
    10: "comment author URL",
    11: "excerpt: <script> element",
  },
  /** Text the post shows literally: it is escaped in the HTML, so it is words, not markup. */
  visibleText: ["<script>alert(2)</script>", "<b onmouseover=alert(3)>"],
  /** A paragraph of the content that holds "]]>" (split across two CDATA sections in the file). */
  cdataText: "In XML, the sequence ]]> ends a CDATA section.",
  guest: { name: "Mallory Example", role: "Chief Mischief Officer at Example Corp" },
};

export const SEED_EXPORT = {
  siteUrl: SITE_URL,
  uploadsUrl: UPLOADS_URL,
  timeZone: TIME_ZONE,
  author: AUTHOR,
  /** The 12 seed posts, in the seed's order (newest first), all published. */
  posts: POSTS,
  audio: AUDIO,
  attachments: ATTACHMENTS,
  comments: COMMENTS,
  /** The items that are not published posts (the About page is published, as a page); the nav_menu_item and the revision must be ignored. */
  extras: EXTRAS,
  /** A published post that is not one of the 12, with markup and names that must not survive as markup. */
  hostile: HOSTILE,
  /** E-mail addresses and IP addresses present in the export that an import must never write. */
  privateValues: [...new Set([AUTHOR.email, ...Object.values(COMMENTS).flatMap((c) => [c.email, c.ip])])],
  /** Every item's wp:post_id → the case it stands for. */
  cases: Object.fromEntries<ItemCase>([
    ...POSTS.map((p) => [p.id, "seed-post"] as const),
    ...Object.values(ATTACHMENTS).map((a) => [a.id, "attachment"] as const),
    ...Object.entries(EXTRAS).map(([name, extra]) => [extra.id, name as keyof typeof EXTRAS] as const),
    [HOSTILE.id, "hostile"],
  ]) as Record<number, ItemCase>,
};

// ---------------------------------------------------------------------------------------------
// Content HTML, as the classic editor and Gutenberg store it.

type Editor = SeedPostFacts["editor"];
type Node = { tag: "p" | "h2" | "h3"; lines: string[] } | { tag: "ul" | "ol"; items: string[][] };

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const escapeAttribute = (text: string) => escapeHtml(text).replaceAll('"', "&quot;");
/** An attribute value the XML parser hands back as written: tabs and line breaks as references, which it does not fold into spaces. */
const xmlAttribute = (text: string) =>
  escapeAttribute(text).replaceAll("\t", "&#9;").replaceAll("\n", "&#10;").replaceAll("\r", "&#13;");

/** The dump's blocks as headings, paragraphs and lists; after the transcript's heading, paragraphs only. */
function nodesOf(dumpPost: DumpPost, facts: SeedPostFacts): Node[] {
  const headings = committedByTitle.get(dumpPost.title)!.headings;
  const nodes: Node[] = [];
  let inTranscript = false;
  for (const block of dumpPost.blocks) {
    const text = block.lines.join(" ");
    const last = nodes.at(-1);
    if (text === facts.transcriptHeading?.text) {
      inTranscript = true;
      nodes.push({ tag: facts.transcriptHeading.element, lines: block.lines });
    } else if (!inTranscript && headings.has(text))
      nodes.push({ tag: headings.get(text) === 2 ? "h2" : "h3", lines: block.lines });
    else if (inTranscript || block.kind === "p") nodes.push({ tag: "p", lines: block.lines });
    else {
      const item = [block.lines[0]!.replace(LIST_MARKER, ""), ...block.lines.slice(1)];
      if (last?.tag === block.kind) last.items.push(item);
      else nodes.push({ tag: block.kind, items: [item] });
    }
  }
  return nodes;
}

/** A line break inside a paragraph: a bare newline in the classic editor (wpautop makes it a <br />), <br> in Gutenberg. */
const inline = (lines: string[], editor: Editor) => lines.map(escapeHtml).join(editor === "classic" ? "\n" : "<br>");

const block = (name: string, attributes: string, html: string) =>
  `<!-- wp:${name}${attributes} -->\n${html}\n<!-- /wp:${name} -->`;

function classicNode(node: Node): string {
  if ("items" in node)
    return `<${node.tag}>\n${node.items.map((item) => `<li>${inline(item, "classic")}</li>`).join("\n")}\n</${node.tag}>`;
  return node.tag === "p"
    ? inline(node.lines, "classic")
    : `<${node.tag}>${inline(node.lines, "classic")}</${node.tag}>`;
}

function gutenbergNode(node: Node): string {
  if ("items" in node) {
    const items = node.items
      .map((item) => block("list-item", "", `<li>${inline(item, "gutenberg")}</li>`))
      .join("\n\n");
    return block(
      "list",
      node.tag === "ol" ? ' {"ordered":true}' : "",
      `<${node.tag} class="wp-block-list">${items}</${node.tag}>`,
    );
  }
  if (node.tag === "p") return block("paragraph", "", `<p>${inline(node.lines, "gutenberg")}</p>`);
  return block(
    "heading",
    node.tag === "h3" ? ' {"level":3}' : "",
    `<${node.tag} class="wp-block-heading">${inline(node.lines, "gutenberg")}</${node.tag}>`,
  );
}

/** The post's HTML, with `inserts` (already in the post's editor's shape) after its first block. */
function contentOf(nodes: Node[], editor: Editor, inserts: string[]): string {
  const html = nodes.map(editor === "classic" ? classicNode : gutenbergNode);
  return [html[0]!, ...inserts, ...html.slice(1)].join("\n\n");
}

function audioInserts(facts: SeedPostFacts): string[] {
  if (facts.id !== AUDIO.block.postId) return [];
  return [
    block("audio", "", `<figure class="wp-block-audio"><audio controls src="${AUDIO.block.url}"></audio></figure>`),
  ];
}

function imageInserts(facts: SeedPostFacts): string[] {
  const { inContent, missing } = ATTACHMENTS;
  if (facts.id === inContent.parentId) {
    const img = `<img src="${UPLOADS_URL}/${inContent.shown}" alt="${escapeAttribute(inContent.alt)}" class="wp-image-${inContent.id}"/>`;
    const figure = `<figure class="wp-block-image size-large">${img}<figcaption class="wp-element-caption">${escapeHtml(CONTENT_CAPTION)}</figcaption></figure>`;
    return [block("image", ` {"id":${inContent.id},"sizeSlug":"large","linkDestination":"none"}`, figure)];
  }
  if (facts.id === missing.parentId) {
    const [width, height] = SIZES.large;
    return [
      `<img class="aligncenter size-large wp-image-${missing.id}" src="${UPLOADS_URL}/${missing.shown}" alt="${escapeAttribute(missing.alt)}" width="${width}" height="${height}" />`,
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// XML.

/** PHP's serialize(), for the postmeta values WordPress stores that way. */
type Php = string | number | { [key: string]: Php };
function php(value: Php): string {
  if (typeof value === "number") return `i:${value};`;
  if (typeof value === "string") return `s:${Buffer.byteLength(value)}:"${value}";`;
  const entries = Object.entries(value);
  return `a:${entries.length}:{${entries.map(([key, inner]) => php(key) + php(inner)).join("")}}`;
}

const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const tag = (name: string, text: string) => `<${name}>${cdata(text)}</${name}>`;
/** WordPress stores "&" in a term's name as "&amp;", and exports it so. */
const storedTermName = (name: string) => name.replaceAll("&", "&amp;");

interface TermRef extends Term {
  domain: "category" | "post_tag" | "nav_menu";
}

interface Item {
  id: number;
  title: string;
  link: string;
  type: string;
  status: string;
  slug: string;
  /** Local time in the site's zone; `dated: false` writes post_date_gmt as zeros, as for a draft. */
  date: DateTime;
  dated: boolean;
  content: string;
  excerpt?: string;
  parent?: number;
  menuOrder?: number;
  terms?: TermRef[];
  meta?: [string, string][];
  comments?: CommentFacts[];
  attachmentUrl?: string;
  /** An RSS <enclosure>, as some podcast plugins add to the export. */
  enclosure?: { url: string; length: string; type: string };
}

function commentXml(c: CommentFacts, postDate: DateTime): string {
  const date = postDate.plus({ days: 1, hours: c.id });
  return `
		<wp:comment>
			<wp:comment_id>${c.id}</wp:comment_id>
			${tag("wp:comment_author", c.author)}
			${tag("wp:comment_author_email", c.email)}
			<wp:comment_author_url>${escapeAttribute(c.url)}</wp:comment_author_url>
			${tag("wp:comment_author_IP", c.ip)}
			${tag("wp:comment_date", date.toFormat(SQL))}
			${tag("wp:comment_date_gmt", date.toUTC().toFormat(SQL))}
			${tag("wp:comment_content", c.content)}
			${tag("wp:comment_approved", c.approved)}
			${tag("wp:comment_type", c.type)}
			<wp:comment_parent>${c.parent}</wp:comment_parent>
			<wp:comment_user_id>${c.email === AUTHOR.email ? 1 : 0}</wp:comment_user_id>
		</wp:comment>`;
}

function itemXml(item: Item): string {
  const local = item.date.toFormat(SQL);
  const gmt = item.dated ? item.date.toUTC().toFormat(SQL) : ZERO_DATE;
  // WordPress' pubDate for an undated draft.
  const pubDate = item.dated ? item.date.toUTC().toRFC2822() : "Mon, 30 Nov -0001 00:00:00 +0000";
  const terms = (item.terms ?? []).map(
    (t) =>
      `\n\t\t<category domain="${t.domain}" nicename="${escapeAttribute(t.slug)}">${cdata(storedTermName(t.name))}</category>`,
  );
  const meta = (item.meta ?? []).map(
    ([key, value]) =>
      `\n\t\t<wp:postmeta>\n\t\t\t${tag("wp:meta_key", key)}\n\t\t\t${tag("wp:meta_value", value)}\n\t\t</wp:postmeta>`,
  );
  const attachmentUrl = item.attachmentUrl ? `\n\t\t${tag("wp:attachment_url", item.attachmentUrl)}` : "";
  const { enclosure } = item;
  const enclosureXml = enclosure
    ? `\n\t\t<enclosure url="${xmlAttribute(enclosure.url)}" length="${xmlAttribute(enclosure.length)}" type="${xmlAttribute(enclosure.type)}" />`
    : "";
  return `
	<item>
		${tag("title", item.title)}
		<link>${escapeAttribute(item.link)}</link>
		<pubDate>${pubDate}</pubDate>
		${tag("dc:creator", AUTHOR.login)}
		<guid isPermaLink="false">${escapeAttribute(item.attachmentUrl ?? `${SITE_URL}/?p=${item.id}`)}</guid>
		<description></description>
		${tag("content:encoded", item.content)}
		${tag("excerpt:encoded", item.excerpt ?? "")}
		<wp:post_id>${item.id}</wp:post_id>
		${tag("wp:post_date", local)}
		${tag("wp:post_date_gmt", gmt)}
		${tag("wp:post_modified", local)}
		${tag("wp:post_modified_gmt", gmt)}
		${tag("wp:comment_status", item.type === "post" ? "open" : "closed")}
		${tag("wp:ping_status", item.type === "post" ? "open" : "closed")}
		${tag("wp:post_name", item.slug)}
		${tag("wp:status", item.status)}
		<wp:post_parent>${item.parent ?? 0}</wp:post_parent>
		<wp:menu_order>${item.menuOrder ?? 0}</wp:menu_order>
		${tag("wp:post_type", item.type)}
		${tag("wp:post_password", "")}
		<wp:is_sticky>0</wp:is_sticky>${attachmentUrl}${enclosureXml}${terms.join("")}${meta.join("")}${(item.comments ?? []).map((c) => commentXml(c, item.date)).join("")}
	</item>`;
}

const SEED_TAGS: Term[] = [...new Map(POSTS.flatMap((p) => p.tags).map((t) => [t.slug, t])).values()];

function channelXml(items: string[], tags: Term[]): string {
  const categories = Object.values(CATEGORIES).map(
    (c) =>
      `\n\t<wp:category>\n\t\t<wp:term_id>${c.id}</wp:term_id>\n\t\t${tag("wp:category_nicename", c.slug)}\n\t\t${tag("wp:category_parent", "")}\n\t\t${tag("wp:cat_name", storedTermName(c.name))}\n\t</wp:category>`,
  );
  const tagsXml = tags.map(
    (t, i) =>
      `\n\t<wp:tag>\n\t\t<wp:term_id>${10 + i}</wp:term_id>\n\t\t${tag("wp:tag_slug", t.slug)}\n\t\t${tag("wp:tag_name", storedTermName(t.name))}\n\t</wp:tag>`,
  );
  const navMenu = `\n\t<wp:term>\n\t\t<wp:term_id>${NAV_MENU.id}</wp:term_id>\n\t\t${tag("wp:term_taxonomy", "nav_menu")}\n\t\t${tag("wp:term_slug", NAV_MENU.slug)}\n\t\t${tag("wp:term_name", NAV_MENU.name)}\n\t</wp:term>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- generator="WordPress/6.5" created="2024-07-01 12:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
	<title>Alexis Monville</title>
	<link>${SITE_URL}</link>
	<description>Leadership coaching, and Le Podcast on Emerging Leadership</description>
	<pubDate>Mon, 01 Jul 2024 12:00:00 +0000</pubDate>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${SITE_URL}</wp:base_site_url>
	<wp:base_blog_url>${SITE_URL}</wp:base_blog_url>

	<wp:author><wp:author_id>1</wp:author_id>${tag("wp:author_login", AUTHOR.login)}${tag("wp:author_email", AUTHOR.email)}${tag("wp:author_display_name", AUTHOR.name)}${tag("wp:author_first_name", "Alexis")}${tag("wp:author_last_name", "Monville")}</wp:author>
${categories.join("")}${tagsXml.join("")}${navMenu}

	<generator>https://wordpress.org/?v=6.5</generator>
${items.join("")}
</channel>
</rss>
`;
}

// ---------------------------------------------------------------------------------------------
// Items.

/** What tells one post item from another: the seed export uses the seed post's own, the large export its copies'. */
interface Identity {
  id: number;
  title: string;
  slug: string;
  link: string;
  date: DateTime;
}

const seedIdentity = (facts: SeedPostFacts): Identity => ({
  ...facts,
  date: DateTime.fromSQL(facts.postDate, { zone: TIME_ZONE }),
});

function postMeta(facts: SeedPostFacts, images: boolean): [string, string][] {
  const meta: [string, string][] = [];
  if (facts.id === AUDIO.enclosure.postId) {
    const { url, length, type, duration } = AUDIO.enclosure;
    meta.push(["enclosure", `${url}\n${length}\n${type}\n${php({ duration })}`]);
  }
  if (images && facts.id === ATTACHMENTS.featured.parentId)
    meta.push(["_thumbnail_id", String(ATTACHMENTS.featured.id)]);
  return meta;
}

function seedPostItem(facts: SeedPostFacts, identity: Identity, content: string, images: boolean): Item {
  const { id, title, slug, link, date } = identity;
  return {
    id,
    title,
    slug,
    link,
    date,
    type: "post",
    status: "publish",
    dated: true,
    content,
    excerpt: facts.excerpt,
    terms: [
      { domain: "category", ...facts.category },
      ...facts.tags.map((t) => ({ domain: "post_tag" as const, ...t })),
    ],
    meta: postMeta(facts, images),
  };
}

function attachmentItem(a: AttachmentFacts): Item {
  const [width, height] = ORIGINAL;
  const base = path.basename(a.file, ".jpg");
  const sizes = Object.fromEntries(
    Object.entries(SIZES).map(([size, [w, h]]) => [
      size,
      { file: `${base}-${w}x${h}.jpg`, width: w, height: h, "mime-type": "image/jpeg" },
    ]),
  );
  return {
    id: a.id,
    title: base,
    link: a.link,
    type: "attachment",
    status: "inherit",
    slug: base,
    date: localDate(`${a.file.slice(0, 7).replace("/", "-")}-01`, "08:00"),
    dated: true,
    content: "",
    parent: a.parentId,
    attachmentUrl: a.url,
    meta: [
      ["_wp_attached_file", a.file],
      ["_wp_attachment_metadata", php({ width, height, file: a.file, sizes })],
      ["_wp_attachment_image_alt", a.alt],
    ],
  };
}

const EXTRA_CONTENT: Record<keyof typeof EXTRAS, string> = {
  draft: "Listening is the first leadership skill I would teach.\n\nMore to come.",
  pending: block(
    "paragraph",
    "",
    "<p>Feedback that helps names what happened, its effect, and what could come next.</p>",
  ),
  scheduled: block("paragraph", "", "<p>Un café à Tōkyō : 東京で、リーダーシップについて話しました。</p>"),
  private: "Private notes for the cohort: week one covers listening, week two feedback.",
  trashed: "This announcement is no longer relevant.",
  page: block(
    "paragraph",
    "",
    "<p>I am Alexis Monville, a leadership coach and the host of Le Podcast on Emerging Leadership.</p>",
  ),
  podcastPage: block("paragraph", "", "<p>Every episode of the podcast, as the old site listed them.</p>"),
  archivePage: block("paragraph", "", "<p>The old site's archive, month by month.</p>"),
  navMenuItem: "",
  revision: block("paragraph", "", "<p>Some leadership environments reward authority.</p>"),
};

/** WordPress links an item without a post_name, or one that is not a post, by its id. */
function extraLink(name: keyof typeof EXTRAS, date: DateTime): string {
  const extra: ExtraItemFacts = EXTRAS[name];
  if (extra.type === "page") return `${SITE_URL}/${extra.slug}/`;
  return extra.slug && extra.type === "post" ? SITE_URL + postPath(date, extra.slug) : `${SITE_URL}/?p=${extra.id}`;
}

function extraItem(name: keyof typeof EXTRAS): Item {
  const extra: ExtraItemFacts = EXTRAS[name];
  const date = DateTime.fromSQL(extra.postDate, { zone: TIME_ZONE });
  const dated = extra.slug !== "";
  const item: Item = {
    id: extra.id,
    title: extra.title,
    type: extra.type,
    status: extra.status,
    slug: extra.slug,
    link: extraLink(name, date),
    date,
    dated,
    content: EXTRA_CONTENT[name],
    parent: extra.parentId,
    terms: extra.type === "post" ? [{ domain: "category", ...CATEGORIES.uncategorized }] : [],
  };
  if (name === "trashed")
    item.meta = [
      ["_wp_trash_meta_status", "publish"],
      ["_wp_trash_meta_time", "1718000000"],
      ["_wp_desired_post_slug", "an-old-announcement"],
    ];
  if (name === "navMenuItem") {
    item.menuOrder = 1;
    item.terms = [{ domain: "nav_menu", ...NAV_MENU }];
    item.meta = [
      ["_menu_item_type", "post_type"],
      ["_menu_item_menu_item_parent", "0"],
      ["_menu_item_object_id", String(EXTRAS.page.id)],
      ["_menu_item_object", "page"],
      ["_menu_item_url", ""],
    ];
  }
  return item;
}

function hostileItem(): Item {
  const content = [
    `I talk with ${HOSTILE.guest.name}, ${HOSTILE.guest.role}, about trust.`,
    "<script>alert(9)</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(6)">click</a>',
    "Escaped text stays text: &lt;script&gt;alert(2)&lt;/script&gt;",
    HOSTILE.cdataText,
    "Transcript:",
    "Alexis: [00:00:00] Welcome, Mallory. Is &lt;b onmouseover=alert(3)&gt;this&lt;/b&gt; bold?",
    "Mallory: [00:00:10] No: &lt;b onmouseover=alert(3)&gt; is only text here.",
  ].join("\n\n");
  const date = DateTime.fromSQL(HOSTILE.postDate, { zone: TIME_ZONE });
  return {
    id: HOSTILE.id,
    title: HOSTILE.title,
    link: SITE_URL + postPath(date, HOSTILE.slug),
    type: "post",
    status: "publish",
    slug: HOSTILE.slug,
    date,
    dated: true,
    content,
    excerpt: "Trust, tested. <script>alert(11)</script>",
    terms: [
      { domain: "category", ...CATEGORIES.uncategorized },
      { domain: "post_tag", ...HOSTILE.tag },
    ],
    comments: [COMMENTS.hostile],
  };
}

const seedContent = (facts: SeedPostFacts, index: number, images: boolean) =>
  contentOf(nodesOf(dump[index]!, facts), facts.editor, [
    ...audioInserts(facts),
    ...(images ? imageInserts(facts) : []),
  ]);

/** The generated export of the seed: every one of the 12 posts plus the cases an import must handle. */
export function seedExport(): string {
  const comments = Object.values(COMMENTS);
  const posts = POSTS.map((facts, index) => ({
    ...seedPostItem(facts, seedIdentity(facts), seedContent(facts, index, true), true),
    comments: comments.filter((c) => c.postId === facts.id),
  }));
  const extras = Object.keys(EXTRAS).map((name) => extraItem(name as keyof typeof EXTRAS));
  const items = [...posts, ...Object.values(ATTACHMENTS).map(attachmentItem), ...extras, hostileItem()];
  return channelXml(items.sort((a, b) => a.id - b.id).map(itemXml), [...SEED_TAGS, HOSTILE.tag]);
}

/** One item of a small export written for a test: a post published on 2024-06-09 at its permalink, unless told otherwise. */
export interface SmallItem {
  id: number;
  title: string;
  slug: string;
  type?: "post" | "page";
  link?: string;
  content?: string;
  excerpt?: string;
  /** Tag names; their slugs are made from them. */
  tags?: string[];
  meta?: [string, string][];
  enclosure?: Item["enclosure"];
}

/** A small export of just these items (no attachments, comments or channel terms), for a test of one case. */
export function smallExport(items: readonly SmallItem[]): string {
  const date = localDate("2024-06-09", "10:00");
  const xml = items.map(({ type = "post", tags = [], ...item }) =>
    itemXml({
      link: type === "page" ? `${SITE_URL}/${item.slug}/` : SITE_URL + postPath(date, item.slug),
      content: "<p>Some text.</p>",
      ...item,
      type,
      status: "publish",
      date,
      dated: true,
      terms: tags.map((name) => ({ domain: "post_tag" as const, name, slug: slugify(name) })),
    }),
  );
  return channelXml(xml, []);
}

/** A post's HTML that an import reads as an episode: show notes naming Maria Bracho, then a short interview of her by the host. */
export function interviewHtml(notes = "I talk with Maria Bracho, CTO at Example, about trust."): string {
  const turns = [
    "Alexis: [00:00:00] Welcome, Maria.",
    "Maria: [00:00:05] Thank you for having me.",
    "Alexis: [00:00:10] What is trust?",
    "Maria: [00:00:20] Doing what you said.",
  ];
  return [notes, "Here is the transcript of the episode:", ...turns]
    .map((text) => `<p>${escapeHtml(text)}</p>`)
    .join("\n");
}

/**
 * A large export for the benchmark: the seed's 12 posts repeated to `posts` items, with distinct
 * ids (from 100000), slugs (`<slug>-<n>` from the second round), titles (` (n)`) and dates (one
 * every 43 hours back from the newest seed post's, so 2000 posts span about ten years). Same
 * content shapes, terms and audio as the seed export; no images, comments or other items.
 */
export function largeExport(posts: number): string {
  const contents = POSTS.map((facts, index) => seedContent(facts, index, false));
  const newest = seedIdentity(POSTS[0]!).date;
  const items = Array.from({ length: posts }, (_, i) => {
    const round = Math.floor(i / POSTS.length);
    const facts = POSTS[i % POSTS.length]!;
    const date = newest.minus({ hours: 43 * i });
    const slug = round ? `${facts.slug}-${round + 1}` : facts.slug;
    const title = round ? `${facts.title} (${round + 1})` : facts.title;
    const identity = { id: 100000 + i, title, slug, date, link: SITE_URL + postPath(date, slug) };
    return itemXml(seedPostItem(facts, identity, contents[i % POSTS.length]!, false));
  });
  return channelXml(items, SEED_TAGS);
}

/**
 * Writes the uploads folder (a copy of wp-content/uploads) that the fixture's images come from: each
 * present attachment's original (1600×1067) and its sizes (`-1024x683`, `-300x200`, `-150x150`), real
 * JPEGs made by sharp. The missing attachment's files are deliberately not written.
 */
export async function writeUploads(dir: string): Promise<void> {
  const files = Object.values(ATTACHMENTS)
    .filter((a) => a.present)
    .flatMap((a) => [
      [a.file, ...ORIGINAL] as const,
      ...Object.values(SIZES).map(([w, h]) => [a.file.replace(/\.jpg$/, `-${w}x${h}.jpg`), w, h] as const),
    ]);
  await Promise.all(
    files.map(async ([file, width, height]) => {
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      await sharp({ create: { width, height, channels: 3, background: "#0b5cad" } })
        .jpeg()
        .toFile(path.join(dir, file));
    }),
  );
}
