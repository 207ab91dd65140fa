import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./build.ts";

/** The seed dump as the author's blog exported it (a copy of shared/seeds/000_c7118029fccc8cbe.txt). */
export const SEED_FILE = path.join(ROOT, "tests/fixtures/seed.txt");

export interface SeedPost {
  title: string;
  /** Every paragraph, list item and numbered item, with the dump's indentation and list markers removed. */
  units: string[];
}

/**
 * Splits the dump on its own rules, independently of the converter that wrote content/:
 * a post starts with a `• Title` line followed by the same title; paragraphs are separated
 * by blank lines; each `•` or `N.` line is its own unit.
 */
export function readSeedPosts(): SeedPost[] {
  const lines = readFileSync(SEED_FILE, "utf8")
    .split("\n")
    .map((line) => line.trim());
  const posts: SeedPost[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length && posts.length) posts.at(-1)!.units.push(paragraph.join(" ").replace(/\s+/g, " ").trim());
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines.slice(i + 1).find((l) => l !== "");
    if (line.startsWith("• ") && next === line.slice(2)) {
      flush();
      posts.push({ title: line.slice(2), units: [] });
      i = lines.indexOf(next, i + 1);
      continue;
    }
    if (line === "" || line.startsWith("Author:")) {
      flush();
      continue;
    }
    if (/^(•\s|\d+\.\s)/.test(line)) {
      flush();
      paragraph.push(line.replace(/^(•\s+|\d+\.\s+)/, ""));
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return posts.map((post) => ({ ...post, units: post.units.filter((unit) => unit.length > 0) }));
}

const TURN_OPENING =
  /^(?:\[\d\d:\d\d:\d\d\]\s*)?(?:Alexis|Maria|Tamar|Bruce|Tim|Bella|Michael):\s*(?:\[\d\d:\d\d:\d\d\]\s*)?/;

/**
 * The seed units of a post that its page's text (whitespace collapsed) does not hold. A transcript
 * turn's label shows as the speaker's full name above the turn, and its opening mark as the turn's
 * time, so they are not looked for.
 */
export function missingSeedUnits(post: SeedPost, pageText: string): string[] {
  return post.units.map((unit) => unit.replace(TURN_OPENING, "")).filter((unit) => !pageText.includes(unit));
}
