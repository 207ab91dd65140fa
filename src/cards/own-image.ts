import path from "node:path";
import Image from "@11ty/eleventy-img";
import { imageFile, isFile } from "../images/body-images.ts";
import type { Post } from "../posts/schema.ts";
import type { SocialImage } from "./social-cards.ts";

/** The widest a shared image needs to be: what link previews show at most. */
const SHARED_WIDTH = 1200;

export class CardImageError extends Error {
  override name = "CardImageError";
}

/**
 * A post's own card (`card: { src, alt }`), in place of the drawn one: made at most 1,200 pixels
 * wide by eleventy-img into `<output>/img/`, as a JPEG from a JPEG and a PNG from anything else
 * (which may have transparency); link previews take JPEG and PNG everywhere, WebP and AVIF not.
 * Its real width and height go in the page's tags.
 */
export async function ownCardImage(
  card: NonNullable<Post["card"]>,
  files: { postFile: string; input: string; output: string },
): Promise<SocialImage> {
  const source = imageFile(card.src, files.input, files.postFile);
  if (!isFile(source))
    throw new CardImageError(`${files.postFile}: field "card.src" ${card.src}: no such file ${source}`);
  const format = /\.jpe?g$/i.test(source) ? "jpeg" : "png";
  const metadata = await Image(source, {
    widths: [SHARED_WIDTH],
    formats: [format],
    outputDir: path.join(files.output, "img"),
    urlPath: "/img/",
  });
  const made = metadata[format]![0]!;
  return { url: made.url, width: made.width, height: made.height, type: made.sourceType, alt: card.alt };
}
