import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where drawn cards are kept between builds, unless `CARDS_CACHE_DIR` says otherwise. */
export const DEFAULT_CARDS_CACHE = ".cache/cards";

/**
 * Drawn cards by key (card.ts): `<dir>/<key>.png`. A key names its bytes, so an entry is never
 * replaced or invalidated, only added; the folder can be deleted at any time (the next build
 * draws again). Entries are written under a temporary name and renamed, so a build stopped
 * half-way, or two builds at once, never leave half a PNG under a key.
 */
export class CardCache {
  constructor(readonly dir: string) {}

  file(key: string): string {
    return path.join(this.dir, `${key}.png`);
  }

  write(key: string, png: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.file(key)}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, this.file(key));
  }
}
