import type { EleventyConfig } from "../eleventy-config.ts";
import { createMarkdown } from "./markdown.ts";

export function markdownPlugin(config: EleventyConfig) {
  config.setLibrary("md", createMarkdown());
}
