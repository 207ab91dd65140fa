import { prefixedPath } from "../site/settings.ts";
import type { Post } from "./schema.ts";

export interface Redirect {
  from: string;
  to: string;
}

/** Every old path of every post, checked so that none hides a live page or another redirect. */
export function redirectsOf(posts: readonly Post[]): Redirect[] {
  const live = new Set(posts.map((post) => post.url));
  const seen = new Map<string, string>();
  return posts.flatMap((post) =>
    post.redirect_from.map((from) => {
      if (live.has(from)) throw new Error(`redirect_from of "${post.title}": ${from} is the address of a live post`);
      const other = seen.get(from);
      if (other) throw new Error(`redirect_from of "${post.title}": ${from} already redirects to ${other}`);
      seen.set(from, post.url);
      return { from, to: post.url };
    }),
  );
}

/** Netlify-style `_redirects`: one permanent redirect a line, both paths under the site's path prefix. */
export function netlifyRedirects(redirects: readonly Redirect[], pathPrefix = "/"): string {
  const served = (p: string) => prefixedPath(pathPrefix, p);
  return redirects.map((r) => `${served(r.from)} ${served(r.to)} 301`).join("\n") + (redirects.length ? "\n" : "");
}

/** Where the redirect page for an old path is written: the path itself for a file, its index.html for a folder. */
export function redirectPagePath(from: string): string {
  return /\.html?$/.test(from) ? from : `${from.replace(/\/?$/, "/")}index.html`;
}
