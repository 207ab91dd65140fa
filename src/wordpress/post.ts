/**
 * One WordPress post → the files of one of our posts: an article (`YYYY-MM-DD-slug.md`, or a
 * folder with `index.md` when images come with it) or an episode (a folder with `index.md` and
 * `transcript.md`), their front matter in the schema's shape, and the images to copy beside them.
 */
import { decodeHTML } from "entities";
import { DateTime } from "luxon";
import { slugify } from "../posts/slug.ts";
import { parseTranscript } from "../transcript/parse.ts";
import { audioOf, isComplete, type FoundAudio } from "./audio.ts";
import { sortComments, type SortedComments } from "./comments.ts";
import { checkedAddress, rejectInto } from "./export-values.ts";
import { commentText, convertPostHtml } from "./html.ts";
import { findTranscript, speakersOf, turnLabel, type Speakers } from "./transcript.ts";
import type { WxrItem } from "./wxr.ts";
import { frontMatter, yaml } from "./yaml.ts";

/** What the import knows of the site and of the uploads folder. */
export interface PostContext {
  timeZone: string;
  /** The site author's name: the host of every episode. */
  hostName: string;
  siteUrl: string;
  uploadsUrls: string[];
  /** The uploads folder's file for a path under the uploads URL ("2024/06/photo.jpg"), or null when it is missing or no folder was given. */
  uploadFile(relative: string): string | null;
  /** Whether an uploads folder was given at all. */
  hasUploads: boolean;
  /** Attachments by id, for featured images. */
  attachments: Map<number, WxrItem>;
}

export interface PlannedFile {
  /** Relative to the content folder, with "/" separators. */
  path: string;
  text?: string;
  /** An image to copy: the absolute path of the file in the uploads folder. */
  copyFrom?: string;
}

export interface ImageNeed {
  url: string;
  /** Where it goes, relative to the content folder. */
  path: string;
}

export interface ImportedPost {
  kind: "article" | "episode";
  /** "YYYY-MM-DD" in the site's zone. */
  date: string;
  slug: string;
  draft: boolean;
  scheduled: boolean;
  files: PlannedFile[];
  comments: SortedComments;
  /** Images under the uploads URL that are not in the uploads folder (or no folder was given). */
  missingImages: ImageNeed[];
  imagesCopied: number;
  warnings: string[];
}

/** The day a WordPress date ("2024-06-09 10:00:00") falls on; null when WordPress left it empty. */
function wordpressDay(postDate: string, timeZone: string): DateTime | null {
  const date = DateTime.fromSQL(postDate, { zone: timeZone });
  return date.isValid && !postDate.startsWith("0000") ? date : null;
}

/**
 * The post's day: post_date's, as the old permalink has it. post_date_gmt, seen from the site's
 * zone, should fall on the same day; when it does not, WordPress's zone was another one, which the
 * author should know (the URL keeps the old day).
 */
export function postDay(item: WxrItem, timeZone: string, label: string): { date: string; warning?: string } | null {
  const local = wordpressDay(item.postDate, timeZone);
  if (!local) return null;
  const date = local.toISODate()!;
  const gmt =
    item.postDateGmt && !item.postDateGmt.startsWith("0000")
      ? DateTime.fromSQL(item.postDateGmt, { zone: "utc" })
      : null;
  const inZone = gmt?.isValid ? gmt.setZone(timeZone).toISODate() : null;
  if (!inZone || inZone === date) return { date };
  return {
    date,
    warning: `${label}: WordPress dated it ${item.postDate} but ${item.postDateGmt} UTC is ${inZone} in ${timeZone}: the old site's time zone was not the site's; the post keeps the day of its old URL, ${date}`,
  };
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** A title or a term's name as text: WordPress keeps entities in them ("Books &amp; Reading"); tags stay as typed, shown as text. */
export function plainText(html: string): string {
  return decodeHTML(html).replace(/\s+/g, " ").trim();
}

/** The URL slug: WordPress's own when it is one, else made from it or from the title, never a path. */
export function postSlug(item: WxrItem): string {
  return slugify(decode(item.postName)) || slugify(plainText(item.title)) || `post-${item.id}`;
}

/** A file name that is safe in a Markdown link and on every file system. */
function fileName(relative: string): string {
  const base = relative.split("/").pop() ?? "image";
  return base.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "") || "image";
}

/** The path of an address under one of the uploads URLs ("2024/06/photo.jpg"), or null. */
export function uploadPath(url: string, uploadsUrls: readonly string[]): string | null {
  const bare = url.replace(/^https?:/, "").split(/[?#]/)[0]!;
  for (const prefix of uploadsUrls) {
    const base = prefix.replace(/^https?:/, "");
    if (bare.startsWith(base)) return decode(bare.slice(base.length));
  }
  return null;
}

/** The description: the excerpt as one line of plain text, if there is one. */
function description(item: WxrItem): string | undefined {
  const text = commentText(item.excerpt).replace(/\s+/g, " ").trim();
  return text || undefined;
}

/** The audio front matter, in the schema's order. */
const audioData = (audio: FoundAudio) => ({
  url: audio.url,
  type: audio.type,
  length: audio.length,
  duration: audio.duration,
});

/** Incomplete audio, as a YAML comment for the author to finish: dumped like the rest, then commented out line by line. */
function audioToFinish(audio: FoundAudio): string {
  const draft = {
    ...audioData(audio),
    length: audio.length || "<size in bytes>",
    duration: audio.duration || "hh:mm:ss",
  };
  return `The old post's audio. Add its size in bytes and its duration, then remove the # signs:\n${yaml({ audio: draft }, true).replace(/\n$/, "")}`;
}

/** transcript.md: the heading, the speakers, and one paragraph per block, labels that are not speakers escaped. */
function transcriptText(heading: string, speakers: Speakers, paragraphs: readonly string[]): string {
  const notSpeakers = new Set(speakers.notSpeakers);
  const body = paragraphs.map((text) => {
    const label = turnLabel(text);
    return label && notSpeakers.has(label) ? text.replace(`${label}:`, `${label}\\:`) : text;
  });
  return `${frontMatter({ heading, speakers: speakers.labels }, { quoted: true })}\n${body.join("\n\n")}\n`;
}

/** The folder of a post or page, and the images planned beside its Markdown file. */
export interface Folder {
  /** "posts/2024-06-09-slug", "pages/speaking" */
  base: string;
  /** File name beside the Markdown → the file in the uploads folder. */
  copies: Map<string, string>;
  missing: ImageNeed[];
}

/** The images to copy into the folder, as files to write. */
export const folderCopies = (folder: Folder): PlannedFile[] =>
  [...folder.copies].map(([name, source]) => ({ path: `${folder.base}/${name}`, copyFrom: source }));

/** The converter's image callback: copy an upload beside the post when the folder has it. */
export function imageTarget(folder: Folder, context: Pick<PostContext, "uploadsUrls" | "uploadFile">) {
  return (url: string): string | null => {
    const relative = uploadPath(url, context.uploadsUrls);
    if (relative === null) return null;
    const name = fileName(relative);
    const source = context.uploadFile(relative);
    if (!source) {
      folder.missing.push({ url, path: `${folder.base}/${name}` });
      return null;
    }
    folder.copies.set(name, source);
    return name;
  };
}

/** The featured image (`_thumbnail_id`): its front matter, once its file is beside the post. */
function featuredImage(item: WxrItem, folder: Folder, context: PostContext, warnings: string[], label: string) {
  const attachment = context.attachments.get(Number(item.meta.get("_thumbnail_id")));
  const url =
    attachment &&
    checkedAddress(
      attachment.attachmentUrl,
      `featured image's address (attachment ${attachment.id})`,
      rejectInto(warnings, label),
    );
  const src = url && imageTarget(folder, context)(url);
  if (!attachment || !src) return undefined;
  const alt = (attachment.meta.get("_wp_attachment_image_alt") ?? "").trim();
  if (!alt)
    warnings.push(
      `${label}: the featured image ${src} has no alt text in WordPress: its title is used; describe the image under image.alt`,
    );
  return { src, alt: alt || attachment.title.trim() || src };
}

export interface PostInput {
  item: WxrItem;
  date: string;
  slug: string;
  /** The name of its file or folder under posts/: `YYYY-MM-DD-slug` unless told. */
  name?: string;
  /** Written when the post is in another language than the site's (Polylang). */
  lang?: string;
  /** Shared with the post's versions in other languages. */
  translationKey?: string;
  draft: boolean;
  scheduled: boolean;
  tags: string[];
  redirects: string[];
  /** The item, for messages: `item 123 “Title” (export.xml:45)`. */
  label: string;
}

/** What the author must finish about the audio: its missing size or duration, or an article's audio. */
function audioWarnings(audio: FoundAudio | null, kind: ImportedPost["kind"], main: string): string[] {
  if (!audio) return [];
  if (kind === "article")
    return [`${main}: audio ${audio.url} with no transcript: kept as a link; an episode needs a transcript`];
  const missing = [audio.length ? "" : "size in bytes", audio.duration ? "" : "duration"].filter(Boolean);
  return missing.length
    ? [`${main}: the audio ${audio.url} lacks its ${missing.join(" and ")}: complete audio: in the front matter`]
    : [];
}

interface PostParts {
  kind: ImportedPost["kind"];
  speakers: Speakers | null;
  image?: { src: string; alt: string };
  audio: FoundAudio | null;
  comments: SortedComments;
  blocks: readonly { markdown: string }[];
}

/** The post's front matter, in the schema's order. */
function postData(input: PostInput, parts: PostParts): Record<string, unknown> {
  const { item, date, slug } = input;
  const { kind, speakers, image, audio, comments } = parts;
  return {
    title: plainText(item.title) || slug,
    date,
    slug,
    ...(input.lang ? { lang: input.lang } : {}),
    ...(input.translationKey ? { translationKey: input.translationKey } : {}),
    kind,
    ...(description(item) ? { description: description(item) } : {}),
    tags: input.tags,
    ...(speakers ? { host: speakers.host, guests: speakers.guests } : {}),
    ...(image ? { image } : {}),
    ...(input.draft ? { draft: true } : {}),
    redirect_from: input.redirects,
    ...(audio && kind === "episode" && isComplete(audio) ? { audio: audioData(audio) } : {}),
    ...(comments.kept.length ? { comments: comments.kept } : {}),
  };
}

/** The post's Markdown file: its front matter (incomplete audio commented out at its end), then the body. */
function postText(input: PostInput, parts: PostParts): string {
  const { kind, audio } = parts;
  const comment = audio && kind === "episode" && !isComplete(audio) ? audioToFinish(audio) : undefined;
  const listen = audio && kind === "article" ? `\n\n[Listen to the audio](${audio.url})` : "";
  return `${frontMatter(postData(input, parts), { comment })}\n${parts.blocks.map((b) => b.markdown).join("\n\n")}${listen}\n`;
}

/** Everything written for one post, without writing it. */
export function importPost(input: PostInput, context: PostContext): ImportedPost {
  const { item, date, slug } = input;
  const base = `posts/${input.name ?? `${date}-${slug}`}`;
  const folder: Folder = { base, copies: new Map(), missing: [] };
  const converted = convertPostHtml(item.content, {
    uploadsUrls: context.uploadsUrls,
    imageTarget: imageTarget(folder, context),
  });
  const found = findTranscript(converted.blocks);
  const kind = found ? "episode" : "article";
  const warnings: string[] = [];
  const image = featuredImage(item, folder, context, warnings, input.label);
  const main = kind === "episode" || folder.copies.size > 0 ? `${base}/index.md` : `${base}.md`;
  // Paths in the converter's warnings name the file the author will open.
  warnings.push(...converted.warnings.map((warning) => `${main}: ${warning}`));
  const speakers = found ? speakersOf(found, context.hostName, main) : null;
  if (speakers) warnings.push(...speakers.warnings);
  const audio = audioOf(item, converted.audio, rejectInto(warnings, input.label));
  warnings.push(...audioWarnings(audio, kind, main));
  const comments = sortComments(item.comments, context.timeZone);
  const files: PlannedFile[] = [
    {
      path: main,
      text: postText(input, {
        kind,
        speakers,
        image,
        audio,
        comments,
        blocks: found ? found.showNotes : converted.blocks,
      }),
    },
  ];
  if (found && speakers) {
    const text = transcriptText(found.heading, speakers, found.paragraphs);
    files.push({ path: `${base}/transcript.md`, text });
    warnings.push(...transcriptProblems(text, `${base}/transcript.md`, speakers.labels));
  }
  files.push(...folderCopies(folder));
  return {
    kind,
    date,
    slug,
    draft: input.draft,
    scheduled: input.scheduled,
    files,
    comments,
    missingImages: folder.missing,
    imagesCopied: folder.copies.size,
    warnings,
  };
}

/** What the site's own transcript parser will say of the file, so the author hears it now. */
function transcriptProblems(text: string, file: string, speakers: Record<string, string>): string[] {
  const bodyStart = text.indexOf("\n---\n") + 5;
  const firstLine = text.slice(0, bodyStart).split("\n").length;
  const parsed = parseTranscript(text.slice(bodyStart), { file, firstLine, speakers });
  // Its messages start with the file and line; an error would stop the build.
  return parsed.diagnostics.map((d) =>
    d.severity === "error" ? `${d.message} (an error: the build stops on it)` : d.message,
  );
}
