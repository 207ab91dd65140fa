import path from "node:path";

/** Folders of the output that builds fill outside Eleventy's pages, and keep up to date themselves. */
const MANAGED = ["pagefind", "img", "assets"];

/**
 * The files of an earlier build that this one did not write again: the HTML pages of posts,
 * tags or people that are gone or moved (a renamed post's old URL), and the other files beside a
 * gone `index.html` (an episode's transcript downloads). Eleventy never removes them, and a
 * deployed output would keep serving them. `files` and `written` are paths relative to the output.
 */
export function stalePages(files: readonly string[], written: ReadonlySet<string>): string[] {
  const isManaged = (file: string) => MANAGED.includes(file.split(path.sep)[0]!);
  const goneFolders = new Set(
    files
      .filter((file) => path.basename(file) === "index.html" && !written.has(file) && !isManaged(file))
      .map((file) => path.dirname(file)),
  );
  return files.filter(
    (file) => !written.has(file) && !isManaged(file) && (file.endsWith(".html") || goneFolders.has(path.dirname(file))),
  );
}
