import path from "node:path";
import Image, { generateHTML, type ImageMetadata } from "@11ty/eleventy-img";
import type { MarkdownIt } from "markdown-it";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";
import { isProductionBuild } from "../build/run-mode.ts";
import { IMAGE_SIZES, imageOptions, processBodyImages } from "./body-images.ts";

/** What a post's Markdown is rendered with (Eleventy gives the page's data as markdown-it's `env`). */
interface PostEnv {
  bodyImages?: Map<string, ImageMetadata>;
}

/**
 * A post's images, optimized at build time (AVIF and WebP, two widths, width and height set):
 *
 * - the featured image (`image.src`, relative to the post's file or to the input folder when it
 *   starts with "/"), at the top of the page, so it loads eagerly;
 * - the images of its text that are files beside the post (`![alt](photo.jpg)`): a preprocessor
 *   optimizes them before the text is rendered, and the Markdown renderer writes each as a
 *   `<picture>` that loads lazily. The feeds, which carry the rendered text, get them too. An image
 *   from the site's root (`/assets/…`) or another site is left as written. A Markdown page that
 *   is not a post (`content/pages/…`) gets the same for the images of its text.
 */
export function imagesPlugin(inputDir: string) {
  return (config: EleventyConfig) => {
    config.addAsyncShortcode(
      "featuredImage",
      async function (this: { eleventy?: { directories?: { output?: string } } }, post: Post, inputPath: string) {
        const image = post.image;
        if (!image?.src) return "";
        const source = image.src.startsWith("/")
          ? path.join(inputDir, image.src)
          : path.join(path.dirname(inputPath), image.src);
        const metadata = await Image(source, imageOptions(this.eleventy?.directories?.output ?? "_site"));
        return generateHTML(metadata, {
          alt: image.alt ?? "",
          sizes: IMAGE_SIZES,
          loading: "eager",
          decoding: "async",
          fetchpriority: "high",
        });
      },
    );

    // The site's Markdown library, as Eleventy renders posts with it: the images are found with
    // the same parser (and its settings) that renders them.
    let markdown: MarkdownIt | undefined;
    config.amendLibrary("md", (library) => {
      markdown = library;
      const image = library.renderer.rules.image!;
      library.renderer.rules.image = (tokens, index, options, env, self) => {
        const token = tokens[index]!;
        const metadata = (env as PostEnv | undefined)?.bodyImages?.get(String(token.attrGet("src") ?? ""));
        if (!metadata) return image(tokens, index, options, env, self);
        const title = token.attrGet("title");
        return generateHTML(metadata, {
          alt: self.renderInlineAsText(token.children ?? [], options, env),
          ...(title ? { title: String(title) } : {}),
          sizes: IMAGE_SIZES,
          loading: "lazy",
          decoding: "async",
        });
      };
    });

    config.addPreprocessor("bodyImages", "md", async function (data, content) {
      // A post left out of the production build (a draft, a scheduled post) is not rendered.
      if (data.unpublished && isProductionBuild()) return undefined;
      if (!markdown)
        throw new Error("The Markdown library was not set up before the posts were read (src/markdown/plugin.ts)");
      const files = { postFile: this.inputPath, input: inputDir, output: config.directories.output };
      // Under `npm start` a missing image is printed and left as written, as a bad post is.
      const onMissing = isProductionBuild() ? undefined : (error: Error) => console.error(`[11ty] ${error.message}`);
      data.bodyImages = await processBodyImages(markdown, String(content), files, onMissing);
      return undefined;
    });
  };
}
