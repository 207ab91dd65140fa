import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const BROWSER = fileURLToPath(new URL("./browser/", import.meta.url));

/** The search page's script and the one that marks a result's words on the page it opens, as `/assets/<name>.js`. */
export const BROWSER_SCRIPTS = { search: "search-page.ts", highlight: "highlight.ts" } as const;

/**
 * Bundles the browser scripts of search (src/search/browser/, TypeScript that shares the ranking
 * with the unit tests) into `<output>/assets/`, minified, as ES modules.
 */
export async function bundleBrowserScripts(output: string): Promise<void> {
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(BROWSER_SCRIPTS).map(([name, file]) => [name, path.join(BROWSER, file)])),
    outdir: path.join(output, "assets"),
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    logLevel: "silent",
  });
  if (result.errors.length) throw new Error(`The search scripts were not bundled: ${result.errors.map((e) => e.text).join("; ")}`);
}
