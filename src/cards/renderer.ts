import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { CARD_HEIGHT, CARD_WIDTH } from "./layout.ts";

const require = createRequire(import.meta.url);
const version = (pkg: string) =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;

/** resvg's settings. No system font is loaded: the SVG satori writes holds no text, only paths. */
export const RESVG_OPTIONS: ResvgRenderOptions = { font: { loadSystemFonts: false }, fitTo: { mode: "original" } };

/**
 * What decides a card's bytes besides its layout and fonts: the renderers' versions and settings.
 * Kept apart from render.ts so that the build can key a card without loading the renderers.
 */
export const RENDERER = {
  satori: version("satori"),
  resvg: version("@resvg/resvg-js"),
  options: RESVG_OPTIONS,
  size: [CARD_WIDTH, CARD_HEIGHT],
};
