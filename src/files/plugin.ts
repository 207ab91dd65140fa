import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { readUtf8File } from "./utf8.ts";

/**
 * The data files Eleventy reads itself (`_data/*.json`, a folder's `*.11tydata.json`), read as
 * UTF-8 with the fatal decoder: a file saved as Latin-1 stops the build with its file, line and
 * column, as a post does, instead of giving the pages "Caf� cr�me".
 */
export function filesPlugin(config: EleventyConfig): void {
  config.addDataExtension("json", {
    read: false,
    parser: (file) => JSON.parse(readUtf8File(file, path.relative(process.cwd(), file) || file)) as unknown,
  });
}
