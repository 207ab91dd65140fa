import { linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The bare build's input: only the posts' Markdown of the corpus in `dir` (hard links), in a
 * one-line HTML page so that Pagefind indexes it; `transcript.md` files render as pages of their own.
 */
export function bareInput(dir: string): string {
  const bare = path.join(dir, "bare");
  rmSync(bare, { recursive: true, force: true });
  const posts = path.join(dir, "content", "posts");
  for (const entry of readdirSync(posts, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(bare, "posts", path.relative(posts, from));
    mkdirSync(path.dirname(to), { recursive: true });
    linkSync(from, to);
  }
  mkdirSync(path.join(bare, "_includes"));
  // Pagefind skips pages without an <html> element; our posts' front matter names no layout.
  writeFileSync(
    path.join(bare, "_includes", "bare.html"),
    '<!doctype html><html lang="en"><body>{{ content }}</body></html>\n',
  );
  writeFileSync(path.join(bare, "posts", "posts.11tydata.json"), '{ "layout": "bare.html" }\n');
  return bare;
}

/** The bare build's Eleventy configuration, written into `dir`: nothing but "don't skip git-ignored files" (bench/.tmp/ is ignored). */
export function bareConfig(dir: string): string {
  const file = path.join(dir, "eleventy-empty.config.mjs");
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, "export default function (config) {\n  config.setUseGitIgnore(false);\n}\n");
  return file;
}
