import { existsSync } from "node:fs";
import path from "node:path";
import { listFiles, readDocument } from "./build.ts";

/**
 * Internal links, media and scripts of every page that point at no file, or at no element with that id.
 * With a path prefix ("/repo/"), `out` is served at that path: a URL that leads outside it is broken too.
 */
export function brokenInternalLinks(out: string, pathPrefix = "/"): string[] {
  const broken: string[] = [];
  const documents = new Map<string, Document>();
  const open = (file: string) => documents.get(file) ?? documents.set(file, readDocument(file)).get(file)!;
  for (const file of listFiles(out).filter((f) => f.endsWith(".html"))) {
    const doc = open(path.join(out, file));
    for (const element of doc.querySelectorAll(
      'a[href], link[href], img[src], script[src], audio[src], source[src], source[srcset], form[action], meta[http-equiv="refresh"]',
    )) {
      const refresh =
        element.getAttribute("http-equiv") === "refresh"
          ? /url=(.+)$/i.exec(element.getAttribute("content") ?? "")?.[1]
          : undefined;
      if (element.tagName === "META" && !refresh) continue;
      const raw =
        refresh ??
        element.getAttribute("href") ??
        element.getAttribute("src") ??
        element.getAttribute("action") ??
        element.getAttribute("srcset")!.split(" ")[0]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith("//")) continue;
      const target = new URL(raw, `http://site${pathPrefix}${file}`);
      if (!target.pathname.startsWith(pathPrefix)) {
        broken.push(`${file}: ${raw} (outside ${pathPrefix})`);
        continue;
      }
      let targetFile = path.join(out, decodeURIComponent(target.pathname.slice(pathPrefix.length - 1)));
      if (target.pathname.endsWith("/")) targetFile = path.join(targetFile, "index.html");
      if (!existsSync(targetFile)) {
        broken.push(`${file}: ${raw}`);
        continue;
      }
      const id = decodeURIComponent(target.hash.slice(1));
      if (id && !id.startsWith("t=") && targetFile.endsWith(".html") && !open(targetFile).getElementById(id))
        broken.push(`${file}: ${raw} (no #${id})`);
    }
  }
  return broken;
}

/** Ids used more than once on a page. */
export function duplicateIds(out: string): string[] {
  return listFiles(out)
    .filter((f) => f.endsWith(".html"))
    .flatMap((file) => {
      const ids = [...readDocument(path.join(out, file)).querySelectorAll("[id]")].map((el) => el.id);
      return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].map((id) => `${file}: #${id}`);
    });
}
