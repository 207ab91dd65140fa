// @11ty/eleventy-img documents its API in JSDoc only; this is the part the site uses.
declare module "@11ty/eleventy-img" {
  export interface ImageOptions {
    widths: number[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    /** true: an SVG is output as SVG only, not rasterized. */
    svgShortCircuit?: boolean;
    /** Given to sharp: `{ animated: true }` keeps an animated GIF's frames. */
    sharpOptions?: Record<string, unknown>;
  }
  export type ImageMetadata = Record<
    string,
    { url: string; width: number; height: number; sourceType: string; srcset: string }[]
  >;
  export default function Image(source: string, options: ImageOptions): Promise<ImageMetadata>;
  export function generateHTML(metadata: ImageMetadata, attributes: Record<string, string>): string;
}
