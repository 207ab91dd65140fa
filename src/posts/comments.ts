/**
 * A comment's plain text as paragraphs of lines: paragraphs are separated by a blank line, and a
 * single line break inside a paragraph is kept (as WordPress showed it). Nothing in the text is
 * markup: the page escapes every line.
 */
export function commentParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
}
