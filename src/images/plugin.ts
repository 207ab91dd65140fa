import path from "node:path";
import Image, { generateHTML } from "@11ty/eleventy-img";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";

/** Widths of the featured image: the column at 1x and 2x. */
export const FEATURED_WIDTHS = [720, 1440];

/**
 * The featured image of a post, optimized at build time (AVIF and WebP, two widths, width and
 * height set). It sits at the top of the page, so it loads eagerly; images further down are lazy.
 * `src` is relative to the post's file, or to the input folder when it starts with "/".
 */
export function imagesPlugin(inputDir: string) {
  return (config: EleventyConfig) => {
    config.addAsyncShortcode("featuredImage", async function (this: { eleventy?: { directories?: { output?: string } } }, post: Post, inputPath: string) {
      const image = post.image;
      if (!image?.src) return "";
      const source = image.src.startsWith("/") ? path.join(inputDir, image.src) : path.join(path.dirname(inputPath), image.src);
      const output = this.eleventy?.directories?.output ?? "_site";
      const metadata = await Image(source, {
        widths: FEATURED_WIDTHS,
        formats: ["avif", "webp", "jpeg"],
        outputDir: path.join(output, "img"),
        urlPath: "/img/",
      });
      return generateHTML(metadata, {
        alt: image.alt ?? "",
        sizes: "(min-width: 46rem) 42rem, 100vw",
        loading: "eager",
        decoding: "async",
        fetchpriority: "high",
      });
    });
  };
}
