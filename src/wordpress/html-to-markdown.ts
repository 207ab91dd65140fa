/**
 * One block of a cleaned post DOM → Markdown, with turndown. The site renders Markdown with
 * markdown-it and `html: true`, so no rule here ever writes HTML: text is escaped (`<` as
 * `&lt;`), code goes into code spans or fences, and nothing is kept as raw HTML.
 */
import TurndownService from "turndown";
import { strikethrough, tables } from "@joplin/turndown-plugin-gfm";
import { NOT_CONTENT } from "./html-dom.ts";
import { isSafeUrl } from "./html-urls.ts";

/**
 * Text made inert and literal in Markdown. Brackets stay as typed where they cannot start a
 * link or a reference (`[00:12:30] Welcome`, `[laughs]`): a closed pair followed, in the same
 * text, by anything but `(`, `[` or `:`.
 */
function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\*`]/g, "\\$&")
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/~~+/g, (run) => run.replace(/~/g, "\\~"))
    .replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/^( {0,3})([-+=>#])/gm, "$1\\$2")
    .replace(/^( {0,3}\d+)([.)])/gm, "$1\\$2")
    .replace(/\[[^[\]]*\](?=[^([:])|[[\]]/g, (match) => (match.length > 1 ? match : `\\${match}`));
}

/** A link or image destination: `<…>` when it holds a space, parentheses and angle brackets escaped. */
function destination(url: string): string {
  const clean = url.trim().replace(/[\t\n\r]/g, "");
  return /\s/.test(clean) ? `<${clean.replace(/[<>]/g, "\\$&")}>` : clean.replace(/[()<>]/g, "\\$&");
}

const longestBacktickRun = (text: string) => Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));

function inlineCode(text: string): string {
  const code = text.replace(/\s*\n\s*/g, " ").trim();
  if (!code) return "";
  const fence = "`".repeat(longestBacktickRun(code) + 1);
  const pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
  return `${fence}${pad}${code}${pad}${fence}`;
}

// Where a fenced block can stand: anywhere else (a heading, a table cell, a link, a caption) its
// lines would be joined or wrapped, and the code inside would be read as Markdown, or as HTML.
const FENCE_CONTEXTS = new Set([
  "DIV",
  "BLOCKQUOTE",
  "LI",
  "UL",
  "OL",
  "FIGURE",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "DETAILS",
  "CENTER",
  "DL",
  "DD",
  "BODY",
]);

function canFence(node: Node): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode)
    if (!FENCE_CONTEXTS.has(parent.nodeName)) return false;
  return true;
}

function preformatted(_content: string, node: HTMLElement): string {
  const code = node.textContent ?? "";
  if (!canFence(node)) return inlineCode(code);
  const fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
  const classes = `${node.querySelector("code")?.className ?? ""} ${node.className}`;
  const language = /(?:language-|lang-|brush:\s*)([\w+#.-]+)/.exec(classes)?.[1] ?? "";
  return `\n\n${fence}${language}\n${code.replace(/\n$/, "")}\n${fence}\n\n`;
}

/** The page's title is its only h1: headings start at ##. A heading is one line. */
function heading(content: string, node: HTMLElement): string {
  const level = Math.max(2, Number(node.nodeName.charAt(1)));
  // "1. Greeting" was escaped as the start of a list; after "## " it is a heading's text.
  const text = content
    .replace(/\s*\n\s*/g, " ")
    .trim()
    .replace(/^(\d+)\\\./, "$1.");
  return text ? `\n\n${"#".repeat(level)} ${text}\n\n` : "";
}

/** `- item` and `1. item`, continuation lines indented to the item's text. */
function listItem(content: string, node: HTMLElement): string {
  const list = node.parentElement;
  const start = Number(list?.getAttribute("start") ?? "1");
  const number = (Number.isInteger(start) ? start : 1) + Array.from(list?.children ?? []).indexOf(node);
  const prefix = list?.nodeName === "OL" ? `${number}. ` : "- ";
  const body = content.replace(/^\n+/, "").replace(/\n+$/, /\n$/.test(content) ? "\n" : "");
  return prefix + body.replace(/\n(?=[^\n])/g, `\n${" ".repeat(prefix.length)}`) + (node.nextSibling ? "\n" : "");
}

function link(content: string, node: HTMLElement): string {
  const href = node.getAttribute("href")?.trim() ?? "";
  const text = content.trim();
  if (!href || !isSafeUrl(href)) return content;
  return text ? `[${text}](${destination(href)})` : "";
}

function image(_content: string, node: HTMLElement): string {
  const alt = escapeMarkdownText((node.getAttribute("alt") ?? "").replace(/\s+/g, " ").trim());
  const src = node.getAttribute("src")?.trim() ?? "";
  return src && isSafeUrl(src) ? `![${alt}](${destination(src)})` : alt;
}

/** The delimiter around each paragraph of the content: emphasis cannot span a blank line. */
function delimited(content: string, delimiter: string): string {
  const paragraphs = content
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const joined = paragraphs.map((paragraph) => `${delimiter}${paragraph}${delimiter}`).join("\n\n");
  return content.includes("\n\n") ? `\n\n${joined}\n\n` : joined;
}

/** A caption: its own paragraph after the image, emphasized. */
const caption = (content: string) => `\n\n${delimited(content, "*")}\n\n`;

/**
 * A nested list follows its item's text on the next line, unless it is an ordered list not
 * starting at 1: such a list cannot interrupt a paragraph, so a blank line comes first.
 */
function list(content: string, node: HTMLElement): string {
  const parent = node.parentElement;
  if (parent?.nodeName !== "LI") return `\n\n${content}\n\n`;
  const startsAtOne = node.nodeName === "UL" || Number(node.getAttribute("start") ?? "1") === 1;
  return startsAtOne && parent.lastElementChild === node ? `\n${content}` : `\n\n${content}\n\n`;
}

class PostTurndown extends TurndownService {
  override escape(text: string): string {
    return escapeMarkdownText(text);
  }
}

// Built once: the importer converts thousands of posts. The rules below write headings (ATX),
// lists, code, links, images and emphasis; turndown's own write paragraphs, quotes, breaks, rules.
const service = new PostTurndown({
  hr: "---",
  // A backslash, not two trailing spaces, which editors strip.
  br: "\\",
  // The GFM plugin keeps tables it cannot write as HTML: here they only ever give their text.
  keepReplacement: (content) => `\n\n${content}\n\n`,
})
  .use([tables, strikethrough])
  .addRule("heading", { filter: ["h1", "h2", "h3", "h4", "h5", "h6"], replacement: heading })
  .addRule("emphasis", { filter: ["em", "i"], replacement: (content) => delimited(content, "*") })
  .addRule("strong", { filter: ["strong", "b"], replacement: (content) => delimited(content, "**") })
  .addRule("list", { filter: ["ul", "ol"], replacement: list })
  .addRule("listItem", { filter: "li", replacement: listItem })
  .addRule("preformatted", { filter: "pre", replacement: preformatted })
  .addRule("link", { filter: "a", replacement: link })
  .addRule("image", { filter: "img", replacement: image })
  .addRule("caption", { filter: "figcaption", replacement: caption })
  // The DOM is cleaned before it gets here; this is the second lock on the door.
  .addRule("unwritten", { filter: (node) => NOT_CONTENT.has(node.nodeName), replacement: () => "" });

/** The block (an element of a cleaned post DOM) as Markdown. */
export function blockMarkdown(block: Element): string {
  // Turndown writes an element's children: a copy of the block goes into a holder (a copy, as
  // taking the block out of a long post's body costs more).
  const holder = block.ownerDocument.createElement("div");
  holder.appendChild(block.cloneNode(true));
  return service.turndown(holder);
}
