/** A post's HTML as a DOM (turndown's own parser), its top-level blocks, and the text a reader sees in them. */
import TurndownService from "turndown";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;

/** Elements that run code, load things or take input: dropped with their content. */
export const UNSAFE_ELEMENTS = [
  "script",
  "style",
  "object",
  "embed",
  "applet",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "noscript",
  "template",
  "svg",
  "frame",
  "frameset",
];
/** Players: their inner text is a fallback ("Your browser does not support…"), not the post's. */
const PLAYERS = ["iframe", "audio", "video"];
/** Node names (upper case) of what is never written, nor read as text. */
export const NOT_CONTENT = new Set([...UNSAFE_ELEMENTS, ...PLAYERS].map((name) => name.toUpperCase()));

/**
 * Turndown's HTML parser (domino in Node), reached through the node it hands a rule: src/ has
 * no DOM library of its own, and turndown reads the same DOM anyway.
 */
function turndownDocument(): Document {
  const seen: { node?: HTMLElement } = {};
  new TurndownService()
    .addRule("probe", {
      filter: (node) => {
        seen.node = node;
        return true;
      },
      replacement: () => "",
    })
    .turndown("<b>probe</b>");
  if (!seen.node) throw new Error("turndown handed its rules no DOM node");
  return seen.node.ownerDocument;
}

const domImplementation = turndownDocument().implementation;

/** A fresh document's body holding the HTML. */
export function parseBody(html: string): HTMLElement {
  const document = domImplementation.createHTMLDocument("");
  document.body.innerHTML = html;
  return document.body;
}

// Elements whose children are read as top-level blocks of their own (Gutenberg groups, columns…).
const CONTAINERS = new Set([
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "CENTER",
  "DETAILS",
  "HGROUP",
]);
const BLOCKS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "TABLE",
  "FIGURE",
  "FIGCAPTION",
  "HR",
  "ADDRESS",
  "FIELDSET",
  "MENU",
  "DIR",
  "SUMMARY",
]);

/** The blocks of a post in order; text and inline elements standing between blocks are gathered into a <p>. */
export function topLevelBlocks(parent: Element): Element[] {
  const blocks: Element[] = [];
  let run: Node[] = [];
  const flush = () => {
    // Whitespace between blocks is left where it stands: moving nodes in a long post is costly.
    if (run.some((node) => isElement(node) || node.textContent?.trim())) {
      const paragraph = parent.ownerDocument.createElement("p");
      for (const node of run) paragraph.appendChild(node);
      blocks.push(paragraph);
    }
    run = [];
  };
  for (const node of Array.from(parent.childNodes)) {
    if (isElement(node) && (CONTAINERS.has(node.nodeName) || BLOCKS.has(node.nodeName))) {
      flush();
      if (CONTAINERS.has(node.nodeName)) blocks.push(...topLevelBlocks(node));
      else blocks.push(node);
    } else if (isElement(node) || node.nodeType === TEXT_NODE) run.push(node);
  }
  flush();
  return blocks;
}

// Elements that start a new line of text; table cells are set apart by a space.
const TEXT_BLOCKS = new Set([...CONTAINERS, ...BLOCKS, "TR", "CAPTION"]);
const CELLS = new Set(["TD", "TH"]);

export interface TextStyle {
  /** Between paragraphs (and other blocks): "\n" for a block's text, "\n\n" for a comment. */
  paragraphBreak: string;
  /** Whether a link's address follows its text, in parentheses, when they differ. */
  linkUrls: boolean;
}

/** " (https://…)" after a link's text, when the address says more than the text. */
function linkSuffix(link: Element, text: string): string {
  const href = link.getAttribute("href")?.trim() ?? "";
  const bare = (url: string) => url.replace(/^(?:https?:\/\/|mailto:)(?:www\.)?/i, "").replace(/\/$/, "");
  return /^(?:https?:|mailto:)/i.test(href) && bare(href) !== bare(text.trim()) ? ` (${href})` : "";
}

/**
 * The text a reader sees: tags dropped, entities decoded, whitespace collapsed, a line break
 * (`<br>`, or a newline in a <pre>) kept as "\n", paragraphs joined by `style.paragraphBreak`.
 */
export function plainText(root: Node, style: TextStyle): string {
  const paragraphs: string[][] = [];
  let lines: string[] = [];
  let line = "";
  const breakLine = () => {
    lines.push(line);
    line = "";
  };
  const breakParagraph = () => {
    breakLine();
    paragraphs.push(lines);
    lines = [];
  };
  const visit = (node: Node, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      (pre ? data.split("\n") : [data]).forEach((part, index) => {
        if (index > 0) breakLine();
        line += part;
      });
      return;
    }
    if (!isElement(node) || NOT_CONTENT.has(node.nodeName)) return;
    if (node.nodeName === "BR") {
      breakLine();
      return;
    }
    const block = TEXT_BLOCKS.has(node.nodeName);
    if (block) breakParagraph();
    for (const child of Array.from(node.childNodes)) visit(child, pre || node.nodeName === "PRE");
    if (style.linkUrls && node.nodeName === "A") line += linkSuffix(node, node.textContent ?? "");
    if (CELLS.has(node.nodeName)) line += " ";
    if (block) breakParagraph();
  };
  visit(root, false);
  breakParagraph();
  return paragraphs
    .map((paragraph) =>
      paragraph
        .map((text) => text.replace(/\s+/g, " ").trim())
        .filter(Boolean)
        .join("\n"),
    )
    .filter(Boolean)
    .join(style.paragraphBreak);
}
