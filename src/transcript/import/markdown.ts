/** Imported turns → `transcript.md` (front matter + body), in the format `../parse.ts` reads. Pure. */
import { dump } from "js-yaml";
import { formatMark } from "../parse.ts";
import type { ImportedTurn } from "./types.ts";

/**
 * Text the parser would read as a time mark (`[12:30]`, `[1:02:03`) gets
 * parentheses instead of brackets: `(12:30)`. A mark inside the text would
 * otherwise move the word timing or be reported as going backwards.
 */
export function neutralizeMarks(text: string): string {
  return text.replace(/\[(\d+:[\d:]*)(\]?)/g, (_whole, inner: string, close: string) => `(${inner}${close ? ")" : ""}`);
}

/** The parser's "looks like a speaker label" rule (one to three capitalised words, then `:` or `\:`). */
const LABEL_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const LABEL_LIKE_RE = new RegExp(String.raw`^(${LABEL_WORD}(?: ${LABEL_WORD}){0,2})(\\?):(?=\s|$)`, "u");

/**
 * A paragraph that continues a turn, made safe to start a line:
 * - text the parser would take for a speaker label (`Note: …`, `Maria: …`)
 *   gets its colon escaped, `Note\: …` (the parser shows it as `Note: …`);
 * - null when escaping cannot work (a declared label the escape rule does not
 *   cover, such as `Speaker1: …`, or text already written `Note\: …`): the
 *   caller then joins the paragraph to the previous one.
 */
export function protectParagraph(text: string, labels: readonly string[]): string | null {
  const like = LABEL_LIKE_RE.exec(text);
  if (like) {
    if (like[2] === "\\") return null;
    const at = (like[1] ?? "").length;
    return `${text.slice(0, at)}\\${text.slice(at)}`;
  }
  const declared = labels.some(
    (l) => text.startsWith(`${l}:`) && (text.length === l.length + 1 || /\s/.test(text[l.length + 1] ?? "")),
  );
  return declared ? null : text;
}

export interface MarkdownOptions {
  /** Front matter `heading`, default "Transcript". */
  heading?: string;
}

/**
 * `transcript.md`: front matter (`heading`, `speakers` label → full name,
 * written with js-yaml so any name survives), then one block per turn,
 * blocks and paragraphs separated by blank lines:
 *
 *     Maria: [00:00:12] first paragraph
 *
 *     second paragraph
 *
 * Every turn starts with its start time (rounded down to the second) as a mark.
 */
export function toTranscriptMarkdown(
  turns: readonly ImportedTurn[],
  speakers: Record<string, string>,
  options: MarkdownOptions = {},
): string {
  const labelOf = new Map<string, string>();
  for (const [label, name] of Object.entries(speakers)) if (!labelOf.has(name)) labelOf.set(name, label);
  const labels = Object.keys(speakers);
  const blocks: string[] = [];
  for (const turn of turns) {
    const label = labelOf.get(turn.speaker);
    if (label === undefined) throw new Error(`no label for speaker "${turn.speaker}"`);
    const paragraphs: string[] = [];
    for (const raw of turn.paragraphs) {
      const text = neutralizeMarks(raw.replace(/\s+/g, " ").trim());
      if (text.length === 0) continue;
      if (paragraphs.length === 0) {
        paragraphs.push(`${label}: ${formatMark(turn.start)} ${text}`);
        continue;
      }
      const safe = protectParagraph(text, labels);
      if (safe !== null) paragraphs.push(safe);
      else paragraphs[paragraphs.length - 1] += ` ${text}`;
    }
    if (paragraphs.length > 0) blocks.push(paragraphs.join("\n\n"));
  }
  const frontMatter = dump(
    { heading: options.heading ?? "Transcript", speakers: { ...speakers } },
    { lineWidth: -1, quoteStyle: "double", forceQuotes: true, noRefs: true },
  );
  return `---\n${frontMatter}---\n\n${blocks.join("\n\n")}\n`;
}
