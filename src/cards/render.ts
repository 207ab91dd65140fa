import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import type { FontFile } from "./fonts.ts";
import { CARD_HEIGHT, CARD_WIDTH, type CardNode } from "./layout.ts";
import { RESVG_OPTIONS } from "./renderer.ts";
import { getOrMake } from "../maps/get-or-make.ts";

/*
 * Why satori and resvg, and not sharp: sharp draws an SVG's <text> with librsvg and the fonts the
 * machine has (fontconfig), so the same card would come out in other type, other widths and other
 * bytes on a laptop, in CI, or after a system update. Satori lays the text out itself from the
 * font files given to it and writes every glyph as a <path>; resvg (tiny-skia, no system fonts
 * loaded) rasterizes those paths and encodes the PNG. Both are fixed by their versions in
 * package-lock.json, so a card's bytes depend on its input only, which is what the cache keys on.
 */

type SatoriFont = { name: string; data: Buffer; weight: FontFile["weight"]; style: "normal" };

const fontData = new Map<string, Buffer>();
const fontSets = new Map<string, SatoriFont[]>();

/**
 * The fonts as satori takes them, one array per set of files: satori keeps the fonts it parsed
 * for an array it has seen (a WeakMap), so the same array is given again for the same files.
 */
function satoriFonts(files: readonly FontFile[]): SatoriFont[] {
  const key = files.map((font) => font.file).join("\n");
  let fonts = fontSets.get(key);
  if (!fonts) {
    fonts = files.map((font) => {
      const data = getOrMake(fontData, font.file, readFileSync);
      return { name: font.name, data, weight: font.weight, style: "normal" as const };
    });
    fontSets.set(key, fonts);
  }
  return fonts;
}

/** The card as SVG: every glyph a path, so no font is needed to draw it. */
export async function cardSvg(
  tree: CardNode,
  fonts: readonly FontFile[],
  options: { embedFont?: boolean } = {},
): Promise<string> {
  return satori(tree as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: satoriFonts(fonts),
    embedFont: options.embedFont ?? true,
  });
}

/** The card as PNG, 1200 × 630. */
export async function drawCard(tree: CardNode, fonts: readonly FontFile[]): Promise<Buffer> {
  const svg = await cardSvg(tree, fonts);
  return new Resvg(svg, RESVG_OPTIONS).render().asPng();
}
