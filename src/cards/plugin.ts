import { readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import type { Post } from "../posts/schema.ts";
import { isProductionBuild } from "../build/run-mode.ts";
import type { SiteSettings } from "../site/settings.ts";
import { CardCache, DEFAULT_CARDS_CACHE } from "./cache.ts";
import { CardDrawer } from "./drawer.ts";
import { FontCatalog } from "./fonts.ts";
import { CardImageError, ownCardImage } from "./own-image.ts";
import { SocialCards, type SocialImage } from "./social-cards.ts";
import { cardTheme } from "./theme.ts";

/**
 * Social cards: the `socialImage` filter gives a post's page the image it is shared with, its
 * own (`card:` in its front matter) or a card drawn at build time, which the build has written by
 * the time it ends. Cards are drawn in the colours of the site's stylesheet, read at each build.
 */
export function cardsPlugin(site: SiteSettings) {
  return (config: EleventyConfig) => {
    const cache = new CardCache(process.env.CARDS_CACHE_DIR || DEFAULT_CARDS_CACHE);
    const drawer = new CardDrawer(cache.dir);
    const cards = new SocialCards(site, FontCatalog.load(), cache, drawer);
    const input = config.directories.input;
    let output = "";

    config.on("eleventy.before", ({ directories }) => {
      output = directories.output;
      cards.startBuild(cardTheme(readFileSync(path.join(input, "assets", "site.css"), "utf8")), output);
    });

    config.addFilter("socialImage", async function (this: { page: { inputPath: string } }, post: Post): Promise<SocialImage> {
      const postFile = this.page.inputPath;
      if (!post.card) return cards.request(post, postFile);
      try {
        return await ownCardImage(post.card, { postFile, input, output });
      } catch (error) {
        // Under `npm start` a missing file is said, and the drawn card stands in, as a bad post is said and left out.
        if (isProductionBuild() || !(error instanceof CardImageError)) throw error;
        console.error(`[11ty] ${error.message}`);
        return cards.request(post, postFile);
      }
    });

    config.on("eleventy.after", async () => {
      const report = (failures: string[]) => {
        for (const failure of failures) console.error(`[11ty] ${failure}`);
      };
      // Under `npm start` the browser reloads without waiting for a new card, which it does not show.
      if (!isProductionBuild()) return void cards.finishBuild({ prune: false }).then(report);
      const failures = await cards.finishBuild({ prune: true });
      await drawer.close();
      if (failures.length) throw new Error(failures.join("\n"));
    });
  };
}
