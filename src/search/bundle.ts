import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { SearchSettings } from "./phrases.ts";

const SRC = fileURLToPath(new URL("../", import.meta.url));

/**
 * The site's browser scripts, as `/assets/<name>.js`: the search page's, the word lists it loads
 * only to correct a word that matches nothing, the one that marks a result's words on the page it
 * opens, the episode page's (its transcript and audio), and the one the home and 404 pages load
 * to send an old WordPress query link (/?p=123) on to its page.
 */
export const BROWSER_SCRIPTS = {
  search: "search/browser/search-page.ts",
  "search-corrections": "search/browser/corrections.ts",
  highlight: "search/browser/highlight.ts",
  transcript: "transcript/browser/transcript.ts",
  "old-links": "posts/browser/old-links.ts",
  // A language's stemmer, loaded by its search page only (match.ts, STEMMER_SCRIPTS).
  "stemmer-fr": "search/browser/stemmer-fr.ts",
} as const;

/**
 * Bundles the browser scripts (TypeScript under src/<subject>/browser/, sharing pure modules
 * with the unit tests) into `<output>/assets/`, minified, as ES modules. One esbuild run at the
 * start of a build, from the search plugin. `searchDefaults` is what the search page in the site's
 * language says (its phrases, phrases.ts): the page in another language gives its own.
 */
export async function bundleBrowserScripts(output: string, searchDefaults: SearchSettings): Promise<void> {
  const result = await build({
    define: { SEARCH_DEFAULTS: JSON.stringify(searchDefaults) },
    entryPoints: Object.fromEntries(
      Object.entries(BROWSER_SCRIPTS).map(([name, file]) => [name, path.join(SRC, file)]),
    ),
    outdir: path.join(output, "assets"),
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    logLevel: "silent",
  });
  if (result.errors.length)
    throw new Error(`The browser scripts were not bundled: ${result.errors.map((e) => e.text).join("; ")}`);
}
