import type { EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";
import { contentSecurityPolicy, headersFile } from "./csp.ts";

/** The Content-Security-Policy, as a meta tag in every page and as a `_headers` file for hosts that read it. */
export function securityPlugin(site: SiteSettings) {
  return (config: EleventyConfig) => {
    // Every page asks for the policy; work it out once per list of posts, not once per page.
    const cache = new WeakMap<readonly Post[], Record<"meta" | "header", string>>();
    const policy = (posts: readonly Post[], context: "meta" | "header") => {
      const known = cache.get(posts) ?? {
        meta: contentSecurityPolicy(site, posts, "meta"),
        header: contentSecurityPolicy(site, posts, "header"),
      };
      cache.set(posts, known);
      return known[context];
    };
    config.addFilter("metaContentSecurityPolicy", (posts: readonly Post[]) => policy(posts, "meta"));
    config.addFilter("headersFile", (posts: readonly Post[]) => headersFile(policy(posts, "header"), site.pathPrefix));
  };
}
