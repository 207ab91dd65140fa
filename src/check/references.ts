import type { Token } from "markdown-it";
import { createMarkdown } from "../markdown/markdown.ts";
import { safeDecode } from "../site/links.ts";

/** A link or an image in a post's Markdown, with the line of the file where its target is written. */
export interface Reference {
  kind: "link" | "image";
  /** The destination as markdown-it reads it (href or src). */
  target: string;
  line: number;
}

const markdown = createMarkdown();

/**
 * The links and images of a Markdown body, read by the site's own Markdown parser: what sits
 * in code (fenced, indented or inline) or in raw HTML is not a link. `bodyLine` is the line of
 * the file where the body starts.
 */
export function referencesIn(body: string, bodyLine: number): Reference[] {
  const lines = body.split("\n");
  const references: Reference[] = [];
  // A table cell's text has no lines of its own: its row (the block token before it) has them.
  let lastMap: [number, number] | null = null;
  for (const token of markdown.parse(body, {})) {
    if (token.map) lastMap = token.map as [number, number];
    if (token.type === "inline" && token.children && lastMap)
      references.push(...inlineReferences(token.children, lastMap, lines));
  }
  return references.map((reference) => ({ ...reference, line: reference.line + bodyLine }));
}

/**
 * The references of one paragraph (or heading, list item, table cell), each on the line (of
 * the body, from 0) where its destination is written: found in the source after the previous one, or, when written
 * otherwise (a reference-style link, an autolinked address), the line counted from line breaks.
 */
function inlineReferences(children: Token[], [first, end]: [number, number], lines: string[]): Reference[] {
  const found: Reference[] = [];
  const cursor = { line: first, column: 0 };
  let breaks = 0;
  for (const child of children) {
    if (child.type === "softbreak" || child.type === "hardbreak") breaks += 1;
    const kind = child.type === "link_open" ? "link" : child.type === "image" ? "image" : null;
    const attribute = kind && child.attrGet(kind === "link" ? "href" : "src");
    if (!kind || attribute === null) continue;
    const target = String(attribute);
    const at = findFrom(lines, cursor, end, [target, safeDecode(target)]);
    if (at) Object.assign(cursor, at);
    found.push({ kind, target, line: at ? at.line : Math.min(first + breaks, end - 1) });
  }
  return found;
}

/** The first place, from `cursor` to line `end` (excluded), where one of `texts` is written. */
function findFrom(lines: string[], cursor: { line: number; column: number }, end: number, texts: string[]) {
  texts = texts.filter((text) => text.length > 0);
  for (let line = cursor.line; texts.length && line < end && line < lines.length; line++) {
    const from = line === cursor.line ? cursor.column : 0;
    const columns = texts.map((text) => lines[line]!.indexOf(text, from)).filter((column) => column >= 0);
    if (columns.length) return { line, column: Math.min(...columns) + 1 };
  }
  return null;
}
