import MarkdownIt from "markdown-it";
import type { EleventyConfig } from "../eleventy-config.ts";

/** Authors' Markdown: HTML allowed (they own the repository), bare URLs linked, text kept as typed. */
export function createMarkdown() {
  return new MarkdownIt({ html: true, linkify: true, typographer: false });
}

export function markdownPlugin(config: EleventyConfig) {
  config.setLibrary("md", createMarkdown());
}
