import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export const FONT_WEIGHTS = [400, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

/** One unicode-range subset of a font family, as Fontsource ships it: a WOFF file per weight. */
export interface FontSubset {
  /** The name satori knows it by, one per subset: satori keeps one font per name and weight. */
  name: string;
  ranges: readonly (readonly [number, number])[];
  file(weight: FontWeight): string;
  /** Which file this is, for the cache key: the package, its version and the file's name. */
  identity(weight: FontWeight): string;
}

/** A font file as the renderer takes it. */
export interface FontFile {
  name: string;
  weight: FontWeight;
  file: string;
  identity: string;
}

/** Most titles: every character in Noto Sans's Latin subset, which every card loads. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]] */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

function fontsourceSubsets(pkg: string, family: string, keep: (subset: string) => boolean): FontSubset[] {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const { version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
  const ranges = JSON.parse(readFileSync(path.join(dir, "unicode.json"), "utf8")) as Record<string, string>;
  const id = path.basename(pkg);
  return Object.entries(ranges)
    .map(([key, range]) => [key.replace(/^\[(\d+)\]$/, "$1"), range] as const)
    .filter(([subset]) => keep(subset))
    .map(([subset, range]) => {
      const fileName = (weight: FontWeight) => `${id}-${subset}-${weight}-normal.woff`;
      return {
        name: `${family} ${subset}`,
        ranges: parseUnicodeRange(range),
        file: (weight: FontWeight) => path.join(dir, "files", fileName(weight)),
        identity: (weight: FontWeight) => `${pkg}@${version}/${fileName(weight)}`,
      };
    });
}

/**
 * The card's type: Noto Sans (the last of the site's UI fonts, the one it can ship), then Noto
 * Sans JP for the Japanese and Chinese characters it lacks. Both come from npm as Fontsource's
 * unicode-range subsets, of which the WOFF files are taken (satori reads them as they are; WOFF2
 * would have to be decompressed first), so a card loads only the subsets its text needs: a Latin
 * title, two files (400 and 700); a Japanese one, a few more of Noto Sans JP's 120 subsets
 * (about 60 KB each).
 */
export class FontCatalog {
  readonly subsets: readonly FontSubset[];
  private readonly lookup = new Map<number, FontSubset | null>();

  constructor(subsets: readonly FontSubset[]) {
    this.subsets = subsets;
  }

  static load(): FontCatalog {
    const notoSans = fontsourceSubsets("@fontsource/noto-sans", "Noto Sans", () => true);
    // Latin first: it covers most titles, and the first font that has a character draws it.
    notoSans.sort((a, b) => Number(b.name === "Noto Sans latin") - Number(a.name === "Noto Sans latin"));
    // Of Noto Sans JP, only the CJK subsets (numbered): Noto Sans has Latin, Cyrillic and Vietnamese.
    const japanese = fontsourceSubsets("@fontsource/noto-sans-jp", "Noto Sans JP", (subset) => /^\d+$/.test(subset));
    japanese.sort((a, b) => Number(a.name.split(" ").at(-1)) - Number(b.name.split(" ").at(-1)));
    return new FontCatalog([...notoSans, ...japanese]);
  }

  /** The subset that draws a character: the first that has it, or null when none does (emoji, Korean…). */
  subsetOf(codePoint: number): FontSubset | null {
    let found = this.lookup.get(codePoint);
    if (found === undefined) {
      found =
        this.subsets.find((subset) => subset.ranges.some(([from, to]) => from <= codePoint && codePoint <= to)) ?? null;
      this.lookup.set(codePoint, found);
    }
    return found;
  }

  /** `text` without the characters no subset has, which would be drawn as empty boxes. */
  drawable(text: string): string {
    if (PRINTABLE_ASCII.test(text)) return text.replace(/\s+/g, " ").trim();
    let kept = "";
    for (const character of text) if (this.subsetOf(character.codePointAt(0)!)) kept += character;
    return kept.replace(/\s+/g, " ").trim();
  }

  /** The files that draw `text` at every weight of the card, in the order satori should try them. */
  filesFor(text: string): FontFile[] {
    const used = new Set<FontSubset>([this.subsets[0]!]);
    if (PRINTABLE_ASCII.test(text)) return this.filesOf(used);
    for (const character of text) {
      const subset = this.subsetOf(character.codePointAt(0)!);
      if (subset) used.add(subset);
    }
    return this.filesOf(used);
  }

  private filesOf(used: ReadonlySet<FontSubset>): FontFile[] {
    return this.subsets
      .filter((subset) => used.has(subset))
      .flatMap((subset) =>
        FONT_WEIGHTS.map((weight) => ({
          name: subset.name,
          weight,
          file: subset.file(weight),
          identity: subset.identity(weight),
        })),
      );
  }
}
