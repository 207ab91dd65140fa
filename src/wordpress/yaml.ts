/**
 * The front matter of every file the import writes, made by js-yaml alone: no value of an export
 * is pasted into YAML, so none can end a line and start a key of its own, comments included.
 */
import { dump } from "js-yaml";

/** What YAML 1.2 or 1.1, or an editor, may take for the end of a line. */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/;

/** The data as YAML; with `quoted`, every string in double quotes (a transcript's labels and names stay text, whatever they read as). */
export const yaml = (data: Record<string, unknown>, quoted = false): string =>
  dump(data, { lineWidth: -1, noRefs: true, quoteStyle: "double", forceQuotes: quoted });

/** What YAML holds nowhere, not even in a comment (NUL and the other controls, lone surrogates). */
const NOT_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ud800-\udfff\ufffe\uffff]/gu;

/** Text as YAML comment lines: every line of it behind "# ", so that nothing in it can end the comment; what YAML cannot hold is spelled `\u0000`. */
export const yamlComment = (text: string): string =>
  `${text
    .replace(NOT_PRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .split(LINE_BREAK)
    .map((line) => (line ? `# ${line}` : "#"))
    .join("\n")}\n`;

/** A file's front matter, `---` to `---`: the data, then the comment (a field left for the author to finish). */
export function frontMatter(
  data: Record<string, unknown>,
  options: { quoted?: boolean; comment?: string } = {},
): string {
  return `---\n${yaml(data, options.quoted)}${options.comment ? yamlComment(options.comment) : ""}---\n`;
}
