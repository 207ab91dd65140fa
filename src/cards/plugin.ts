import { readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../eleventy-config.ts";
import { DICTIONARIES_DIR } from "../i18n/dictionary.ts";
import { Words } from "../i18n/words.ts";
import { getOrMake } from "../maps/get-or-make.ts";
import type { Post } from "../posts/schema.ts";
import { isProductionBuild } from "../build/run-mode.ts";
import type { SiteSettings } from "../site/settings.ts";
import { CardCache, DEFAULT_CARDS_CACHE } from "./cache.ts";
import { cardWords, type CardWords } from "./content.ts";
import { CardDrawer } from "./drawer.ts";
import { FontCatalog } from "./fonts.ts";
import { CardImageError, ownCardImage } from "./own-image.ts";
import { SocialCards, type SocialImage } from "./social-cards.ts";
import { cardTheme } from "./theme.ts";

/**
 * Social cards: the `socialImage` filter gives a post's page the image it is shared with, its
 * own (`card:` in its front matter) or a card drawn at build time, which the build has written by
 * the time it ends. Cards are drawn in the colours of the site's stylesheet, read at each build,
 * with the words of the post's language from the dictionaries (`content/_data/i18n/`): `words`,
 * the build's, or read here when none is given.
 */
export function cardsPlugin(site: SiteSettings, shared?: Words) {
  return (config: EleventyConfig) => {
    const words = shared ?? new Words();
    if (!shared) {
      const dir = path.join(config.directories.data, DICTIONARIES_DIR);
      words.readFrom(dir, site.language, path.relative(process.cwd(), dir));
      config.on("eleventy.before", () => words.forget());
    }
    const cache = new CardCache(process.env.CARDS_CACHE_DIR || DEFAULT_CARDS_CACHE);
    const drawer = new CardDrawer(cache.dir);
    const cards = new SocialCards(site, FontCatalog.load(), cache, drawer);
    const input = config.directories.input;
    let output = "";

    config.on("eleventy.before", ({ directories }) => {
      output = directories.output;
      const byLanguage = new Map<string, CardWords>();
      const wordsOf = (lang: string) =>
        getOrMake(byLanguage, lang, () => cardWords(lang, (...phrase) => words.say(...phrase)));
      cards.startBuild(cardTheme(readFileSync(path.join(input, "assets", "site.css"), "utf8")), output, wordsOf);
    });

    config.addFilter(
      "socialImage",
      async function (this: { page: { inputPath: string } }, post: Post): Promise<SocialImage> {
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
      },
    );

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
