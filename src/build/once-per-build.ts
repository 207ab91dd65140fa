import type { CollectionApi } from "../eleventy-config.ts";

/**
 * `compute` run once a build however many collections ask for it: Eleventy gives every
 * collection of one build the same collection API object, and a new one to the next build.
 * What it returns is shared: callers must not change it.
 */
export function oncePerBuild<T>(compute: (api: CollectionApi) => T): (api: CollectionApi) => T {
  const results = new WeakMap<CollectionApi, T>();
  return (api) => {
    if (!results.has(api)) results.set(api, compute(api));
    return results.get(api)!;
  };
}
