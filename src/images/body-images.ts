/**
 * The images of a post's text that are files of the content (`![alt](photo.jpg)` next to its
 * Markdown file or inside its folder, or `/images/chart.png` from the content's root): found with
 * the site's own Markdown parser and optimized by eleventy-img as the featured image is, before
 * the text is rendered.
 */
import { statSync } from "node:fs";
import path from "node:path";
import Image, { type ImageMetadata, type ImageOptions } from "@11ty/eleventy-img";
import type { MarkdownIt, Token } from "markdown-it";
import { safeDecode } from "../site/links.ts";

/** Widths of a post's images: the text's column at 1x and 2x (never wider than the file). */
export const IMAGE_WIDTHS = [720, 1440];

/**
 * How every image of a post is optimized, the featured one and those of the text alike (so an
 * image used for both is made once): AVIF and WebP with a JPEG fallback, at IMAGE_WIDTHS, into
 * `<output>/img/`. eleventy-img leaves JPEG out for an image with transparency; an animated GIF
 * stays animated (as WebP) and an SVG stays an SVG.
 */
export function imageOptions(output: string): ImageOptions {
  return {
    widths: IMAGE_WIDTHS,
    formats: ["svg", "avif", "webp", "jpeg"],
    svgShortCircuit: true,
    sharpOptions: { animated: true },
    outputDir: path.join(output, "img"),
    urlPath: "/img/",
  };
}

/** The `sizes` of a post's images: the column's width on a wide screen, the screen's on a phone. */
export const IMAGE_SIZES = "(min-width: 46rem) 42rem, 100vw";

/** An address with a scheme (`https:`, `data:`) or a host (`//cdn…`) is not a file of the content. */
export const isLocalFile = (src: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src);

/** Where an image is: from the content folder when it starts with `/`, else beside the post's file. `src` as the author typed it (decoded). */
export function imageFile(src: string, input: string, postFile: string): string {
  const file = src.replace(/[?#].*$/s, "");
  return file.startsWith("/") ? path.join(input, file) : path.join(path.dirname(postFile), file);
}

export function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The content's folder the site publishes as it is (`.eleventy.ts` copies it): its images are used as written. */
export const ASSETS_PATH = "/assets/";

/**
 * The `src` (as markdown-it writes it) of every image of `tokens` that is a file of the content to
 * optimize: beside the post (relative), or from the site's root outside `/assets/`
 * (`/images/chart.png`, which no other step publishes). Not an image of another site.
 */
export function contentImages(tokens: readonly Token[]): string[] {
  const found = new Set<string>();
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.children) visit(token.children);
      const src = token.type === "image" ? String(token.attrGet("src") ?? "") : "";
      if (src && isLocalFile(src) && !src.startsWith(ASSETS_PATH)) found.add(src);
    }
  };
  visit(tokens);
  return [...found];
}

export class BodyImageError extends Error {
  override name = "BodyImageError";
}

export interface PostFiles {
  /** The post's Markdown file. */
  postFile: string;
  /** The content folder, for paths from the site's root. */
  input: string;
  /** The build's output folder: the images go to its `img/`. */
  output: string;
  /** A path as messages show it (relative to the current directory). */
  shown?: (file: string) => string;
}

/**
 * Optimizes the images of the content that its text shows (contentImages), keyed by their `src`
 * as markdown-it writes it. A missing file (or one outside the content folder) is a BodyImageError naming the
 * post and the image; with `onMissing`, it is reported there and the image is left as written.
 */
export async function processBodyImages(
  markdown: MarkdownIt,
  body: string,
  { postFile, input, output, shown = (file) => path.relative(process.cwd(), file) }: PostFiles,
  onMissing?: (error: BodyImageError) => void,
): Promise<Map<string, ImageMetadata>> {
  const images = new Map<string, ImageMetadata>();
  // Every Markdown image starts with `![`: a text without one is not parsed a second time (the
  // parse costs ~0.3 ms a post, which every rebuild under `npm start` paid for every post).
  if (!body.includes("![")) return images;
  for (const src of contentImages(markdown.parse(body, {}))) {
    const typed = safeDecode(src);
    const file = imageFile(typed, input, postFile);
    const outside = path.relative(input, file).startsWith("..");
    if (outside || !isFile(file)) {
      const why = outside ? `is outside the content folder (${shown(file)})` : `no such file ${shown(file)}`;
      const error = new BodyImageError(`${shown(postFile)}: image ${typed}: ${why}`);
      if (!onMissing) throw error;
      onMissing(error);
      continue;
    }
    images.set(src, await Image(file, imageOptions(output)));
  }
  return images;
}
