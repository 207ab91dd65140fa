/**
 * A WordPress post's HTML (`content:encoded` in a WXR export, classic or block editor) → clean
 * Markdown blocks, with the images, audio and warnings it holds; and a comment's HTML → plain
 * text. Pure: no files, no network.
 *
 * The Markdown is rendered with `html: true`, so hostile input must stay inert: nothing here
 * writes HTML, text that looks like markup is escaped, scripts, frames and forms are dropped,
 * and javascript:/data: addresses lose their link.
 */
import { autop } from "@wordpress/autop";
import { parseBody, plainText, topLevelBlocks } from "./html-dom.ts";
import { blockMarkdown } from "./html-to-markdown.ts";
import { cleanPostDom, type ConvertOptions, type Findings } from "./html-clean.ts";
import { expandShortcodes } from "./shortcodes.ts";

export interface ConvertedBlock {
  /** The block as Markdown (a paragraph, a heading "## …", a whole list, a blockquote, a table, an image…). */
  markdown: string;
  /** The block's text as a reader sees it: tags removed, entities decoded, whitespace collapsed, line breaks kept as "\n". */
  text: string;
  /** The block's element as written in WordPress: "p", "h2", "ul", "blockquote", "figure"… */
  tag: string;
}

/** A post converted: its blocks, and what was found in it (images, audio, warnings: see Findings). */
export interface ConvertedPost extends Findings {
  /** Top-level blocks in document order, empty ones dropped. Their `markdown` joined with "\n\n" is the post's body. */
  blocks: ConvertedBlock[];
}

const BLOCK_TEXT = { paragraphBreak: "\n", linkUrls: false };
const COMMENT_TEXT = { paragraphBreak: "\n\n", linkUrls: true };

/**
 * Classic content, as WordPress shows it: an address alone on its line (outside a <pre>) is an
 * embed of its own, isolated here so that it becomes a paragraph; then blank lines make
 * paragraphs and single newlines line breaks (autop).
 */
function classicHtml(html: string): string {
  const isolated = html
    .replace(/\r\n?/g, "\n")
    .split(/(<pre[\s>][\s\S]*?<\/pre>)/i)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim, "\n\n$1\n\n"),
    )
    .join("");
  return autop(isolated);
}

export function convertPostHtml(html: string, options: ConvertOptions): ConvertedPost {
  const findings: Findings = { images: [], audio: [], warnings: [] };
  const classic = !html.includes("<!-- wp:");
  const expanded = expandShortcodes(html, findings.warnings);
  const body = parseBody(classic ? classicHtml(expanded) : expanded);
  cleanPostDom(body, options, findings, classic);
  const blocks = topLevelBlocks(body)
    .map((block) => ({
      markdown: blockMarkdown(block),
      text: plainText(block, BLOCK_TEXT),
      tag: block.nodeName.toLowerCase(),
    }))
    .filter((block) => block.markdown !== "");
  return {
    blocks,
    images: findings.images,
    audio: [...new Set(findings.audio)],
    warnings: [...new Set(findings.warnings)],
  };
}

/**
 * A comment's HTML as plain text: paragraphs separated by a blank line, tags dropped (scripts
 * and styles with their content), entities decoded, a link's address in parentheses after its
 * text when it says more. The result is text, not Markdown: whoever writes it escapes it.
 */
export function commentText(html: string): string {
  return plainText(parseBody(autop(html)), COMMENT_TEXT);
}
