/**
 * True for `npm run build` (and builds through Eleventy's API), false under `npm start`. A
 * production build stops on a content error and leaves drafts out; `npm start` prints the error,
 * keeps serving, and shows drafts with a banner.
 */
export const isProductionBuild = (): boolean => (process.env.ELEVENTY_RUN_MODE ?? "build") === "build";
