/**
 * Finds the interview transcript at the end of a WordPress post, and who speaks in it.
 * The blog's episodes are show notes, then a line such as "Here is the transcript of the
 * episode:", then paragraphs that open with a speaker's label (`Maria: [00:00:00] …`).
 */
import type { Person } from "../posts/schema.ts";
import { escapeRegExp } from "../text/escape.ts";

/** A block of the post as the HTML converter gives it: its Markdown and the text a reader sees. */
export interface PostBlock {
  markdown: string;
  text: string;
  tag: string;
}

export interface FoundTranscript {
  /** The blocks before the transcript: the show notes. */
  showNotes: PostBlock[];
  /** The line that introduced the transcript, or "Transcript" when none did. */
  heading: string;
  /** One plain-text paragraph per block of the transcript. */
  paragraphs: string[];
  /** Labels in order of first appearance, each with how many turns it opens. */
  labels: Map<string, number>;
}

const MARK = String.raw`\[\d{1,2}:\d{2}(?::\d{2})?\]`;
const LABEL_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
/** The transcript parser's rule: one to three capitalised words and a colon, a mark before or after. */
const TURN_RE = new RegExp(String.raw`^(?:${MARK}\s*)?(${LABEL_WORD}(?: ${LABEL_WORD}){0,2}):(?=\s|$)`, "u");
const INTRO_RE = /\btranscript\b/i;
/** An introducing line is short: a sentence of show notes that mentions the transcript is not one. */
const INTRO_MAX_LENGTH = 80;
/** Fewer labelled paragraphs than this is a quote in an article, not an interview. */
const MIN_TURNS = 4;

export function turnLabel(text: string): string | null {
  return TURN_RE.exec(text)?.[1] ?? null;
}

/** The labels of the paragraphs from `start` on, and how many turns each opens. */
function labelsFrom(blocks: readonly PostBlock[], start: number): Map<string, number> {
  const labels = new Map<string, number>();
  for (const block of blocks.slice(start)) {
    const label = turnLabel(block.text);
    if (label) labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  return labels;
}

/**
 * A conversation: after a line that introduces a transcript, two people speaking; without one,
 * enough turns by at least two people who each speak more than once.
 */
function isConversation(labels: Map<string, number>, introduced: boolean): boolean {
  if (introduced) return labels.size >= 2;
  const turns = [...labels.values()].reduce((sum, n) => sum + n, 0);
  return turns >= MIN_TURNS && [...labels.values()].filter((n) => n > 1).length >= 2;
}

/**
 * The transcript of a post, or null for a post without one. It starts after a short line that
 * mentions the transcript when the next block opens a turn, else at the first turn that starts
 * the conversation running to the end of the post.
 */
export function findTranscript(blocks: readonly PostBlock[]): FoundTranscript | null {
  const intro = blocks.findIndex(
    (block, i) =>
      block.text.length <= INTRO_MAX_LENGTH &&
      INTRO_RE.test(block.text) &&
      turnLabel(blocks[i + 1]?.text ?? "") !== null,
  );
  const start = intro >= 0 ? intro + 1 : blocks.findIndex((block) => turnLabel(block.text) !== null);
  if (start < 0) return null;
  const labels = labelsFrom(blocks, start);
  if (!isConversation(labels, intro >= 0)) return null;
  return {
    showNotes: blocks.slice(0, intro >= 0 ? intro : start),
    heading: intro >= 0 ? blocks[intro]!.text.trim() : "Transcript",
    paragraphs: blocks
      .slice(start)
      .map((block) => block.text.replace(/\s+/g, " ").trim())
      .filter(Boolean),
    labels,
  };
}

export interface Speakers {
  host: Person;
  guests: Person[];
  /** Label → full name, for transcript.md. */
  labels: Record<string, string>;
  /** Paragraph labels that are not speakers (said once, and no one of that name in the notes). */
  notSpeakers: string[];
  /** What the author must complete, as sentences. */
  warnings: string[];
}

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’\-]+`;

/** The most frequent "Label Surname" in the text, or null when the label never comes with a surname. */
function fullNameIn(label: string, text: string): string | null {
  const counts = new Map<string, number>();
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{M}])${escapeRegExp(label)}(?: ${NAME_WORD}){1,2}(?![\p{L}\p{M}])`,
    "gu",
  );
  for (const match of text.matchAll(pattern)) {
    const name = match[0].replace(/[’']s$/u, "");
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const ROLE = String.raw`((?:[^.;:()\n—–]|\.(?=\S))+)`;

/** The role as a title: without its article, cut before a clause ("…, describes…"), first letter raised. */
function cleanRole(raw: string, plural: boolean): string | undefined {
  let role = raw
    .split(/, (?!and |or )(?=\p{Ll})/u)[0]!
    .replace(/^(?:a|an|the) /u, "")
    .trim();
  // "Tim Beattie and Bella Bardswell, co-founders of Stellafai": each is a co-founder.
  if (plural) role = role.replace(/^(\S+?)s\b/u, "$1");
  if (!role || role.length > 120 || !/\p{L}/u.test(role)) return undefined;
  return role[0]!.toUpperCase() + role.slice(1);
}

/**
 * The role the show notes give right after the guest: "Maria Bracho, CTO for LATAM at Red Hat.",
 * "Bruce, Director of Engineering at Netflix, describes…", or for two guests "Tim Beattie and Bella
 * Bardswell, co-founders of Stellafai" → "CTO for LATAM at Red Hat", "Director of Engineering at
 * Netflix", "Co-founder of Stellafai".
 */
export function roleIn(name: string, text: string, label = name): string | undefined {
  for (const who of [name, label]) {
    const match = new RegExp(String.raw`(?<![\p{L}\p{M}]|\band )${escapeRegExp(who)}, ${ROLE}`, "u").exec(text);
    const role = match && cleanRole(match[1]!, false);
    if (role) return role;
  }
  const other = `${NAME_WORD}(?: ${NAME_WORD}){0,2}`;
  const pair = new RegExp(
    `(?:${escapeRegExp(name)} and ${other}|${other} and ${escapeRegExp(name)}), ${ROLE}`,
    "u",
  ).exec(text);
  return pair ? cleanRole(pair[1]!, true) : undefined;
}

/**
 * Host and guests from the transcript's labels and the show notes. The host is the label that is
 * the host's first or full name; a guest's full name is the label followed by a surname in the
 * notes or the transcript, and their role what follows "Full Name, ". A label said once with
 * nobody of that name is ordinary text ("Note: …"), not a speaker.
 */
export function speakersOf(found: FoundTranscript, hostName: string, file: string): Speakers {
  const notes = found.showNotes.map((b) => b.text).join("\n");
  const all = `${notes}\n${found.paragraphs.join("\n")}`;
  const hostFirst = hostName.split(/\s+/)[0]!;
  const labels: Record<string, string> = {};
  const guests: Person[] = [];
  const notSpeakers: string[] = [];
  const warnings: string[] = [];
  for (const [label, turns] of found.labels) {
    if (label === hostName || label === hostFirst) {
      labels[label] = hostName;
      continue;
    }
    const name = label.includes(" ") ? label : fullNameIn(label, all);
    if (!name && turns < 2) {
      notSpeakers.push(label);
      continue;
    }
    const role = name ? roleIn(name, notes, label) : undefined;
    labels[label] = name ?? label;
    guests.push(role ? { name: name ?? label, role } : { name: name ?? label });
    if (!name)
      warnings.push(
        `${file}: the guest "${label}" is known only by this label: write their full name under guests (index.md) and speakers (transcript.md)`,
      );
    else if (!role)
      warnings.push(
        `${file}: no role found for the guest ${name} in the show notes: add role under guests if you want one shown`,
      );
  }
  if (!Object.values(labels).includes(hostName))
    warnings.push(`${file}: the host, ${hostName}, has no turn in the transcript: check the speakers in transcript.md`);
  return { host: { name: hostName }, guests, labels, notSpeakers, warnings };
}
