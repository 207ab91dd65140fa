import path from "node:path";
import { NotUtf8Error, readUtf8File } from "../files/utf8.ts";
import { parseYaml } from "../markdown/front-matter.ts";
import { isProductionBuild } from "../build/run-mode.ts";
import { FrontMatterError, parsePost, type Post } from "./schema.ts";

export const POSTS_DIR = "posts";

export function isPostFile(file: string): boolean {
  return file.split(/[\\/]/).includes(POSTS_DIR) && file.endsWith(".md") && path.basename(file) !== "transcript.md";
}

/**
 * Eleventy's front matter engine. A post's front matter is validated as it is read, before
 * Eleventy looks at any of it, so a bad file stops the build with its own file, line and
 * field; the validated post rides along as `post` and gives the page its URL.
 *
 * A post or page that is not UTF-8 stops the build too, at the line and column of its first byte
 * that is not.
 *
 * Under `npm start` (Eleventy's watch and serve modes) the same message is printed and the
 * broken post is left out until it is fixed, so the server keeps serving the rest: Eleventy
 * would otherwise quit when the first build fails.
 */
export function frontMatterEngine(timeZone: string, language: string) {
  return (source: string, options?: { filePath?: string }): Record<string, unknown> => {
    const file = options?.filePath;
    const relative = file && path.relative(process.cwd(), file);
    // Eleventy has read the file with a decoder that turns bytes that are not UTF-8 into "�": an
    // author's Markdown (a post, a page) is read again, as UTF-8 or not at all.
    if (file && relative && file.endsWith(".md")) {
      try {
        readUtf8File(file, relative);
      } catch (error) {
        // Another error (the file removed since Eleventy read it) is left to Eleventy's next build.
        if (error instanceof NotUtf8Error) {
          if (isProductionBuild()) throw error;
          console.error(`[11ty] ${error.message}\n[11ty] ${relative} is left out of the site until it is fixed.`);
          return { layout: false, permalink: false, eleventyExcludeFromCollections: true };
        }
      }
    }
    const data = parseYaml(source);
    if (!file || !relative || !isPostFile(file)) return data;
    // `source` starts after the opening `---` (with its line break), so lines count from the file's top
    try {
      const post = parsePost(data, relative, timeZone, `---${source}`, language);
      return { ...data, post, permalink: post.url };
    } catch (error) {
      if (!(error instanceof FrontMatterError) || isProductionBuild()) throw error;
      console.error(`[11ty] ${error.message}\n[11ty] ${relative} is left out of the site until it is fixed.`);
      const { date: _unreadable, ...rest } = data;
      return { ...rest, layout: false, permalink: false, eleventyExcludeFromCollections: true };
    }
  };
}

/**
 * The post of a page (a collection item, or the data a preprocessor gets as `{ data }`): what
 * frontMatterEngine validated and put in the page's data as `post`, or undefined for a page that
 * is not a post (or a broken post left out under `npm start`). Nothing else writes `post`, and
 * Eleventy carries it into the page's data as it is (plain objects copied, DateTimes kept), so
 * the one assertion of its type is here rather than at each reader.
 */
export function postOf(page: { data: Record<string, unknown> }): Post | undefined {
  return page.data.post as Post | undefined;
}
