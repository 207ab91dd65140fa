import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";
import type { CardCache } from "./cache.ts";
import { planCard, type CardPlan } from "./card.ts";
import type { CardWords } from "./content.ts";
import type { CardDrawer } from "./drawer.ts";
import type { FontCatalog } from "./fonts.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "./layout.ts";
import type { CardTheme } from "./theme.ts";

/** The image a page is shared with, as its Open Graph and Twitter tags describe it. */
export interface SocialImage {
  /** A path of the site ("/img/cards/….png"), or a full URL. */
  url: string;
  width: number;
  height: number;
  type: string;
  alt: string;
}

/**
 * Where drawn cards are served: `/img/cards/<key>.png`. Named by their key rather than placed
 * beside their page, so that a changed card has a new URL: link previews (LinkedIn, Slack…)
 * keep an image by its URL, and would go on showing the old title at the same address.
 */
export const CARDS_FOLDER = "img/cards";

/**
 * The cards of one build after another. A page asks for its post's card as it is rendered: the
 * card is keyed at once (a hash of its text), put in the output from the cache when it was drawn
 * before, else drawn on the drawer's threads while the pages go on rendering. The build waits
 * for those at its end (`finishBuild`).
 */
export class SocialCards {
  private requested = new Set<string>();
  private pending: Promise<void>[] = [];
  private failures: string[] = [];
  private theme?: CardTheme;
  private wordsOf: (lang: string) => CardWords = () => {
    throw new Error("a social card was asked for before the build started");
  };
  private output = "";
  /** Cards being drawn, by key, so that two pages (or two builds under `npm start`) wait for one drawing. */
  private readonly drawing = new Map<string, Promise<void>>();

  constructor(
    private readonly site: SiteSettings,
    private readonly catalog: FontCatalog,
    private readonly cache: CardCache,
    private readonly drawer: CardDrawer,
  ) {}

  /** `wordsOf` gives the words a card says in a language, from this build's dictionaries. */
  startBuild(theme: CardTheme, output: string, wordsOf: (lang: string) => CardWords): void {
    this.theme = theme;
    this.wordsOf = wordsOf;
    this.output = output;
    this.requested = new Set();
    this.pending = [];
    this.failures = [];
    mkdirSync(path.join(output, CARDS_FOLDER), { recursive: true });
  }

  /** The card of `post` (`file` names it in messages); it is in the output once `finishBuild` resolves. */
  request(post: Post, file: string): SocialImage {
    if (!this.theme) throw new Error("a social card was asked for before the build started");
    const plan = planCard(post, this.site, this.theme, this.catalog, this.wordsOf);
    if (!this.requested.has(plan.key)) {
      this.requested.add(plan.key);
      // A card drawn before is placed at once; another is drawn meanwhile. A failure is kept for
      // finishBuild, so that no rejection goes unhandled in between.
      if (!this.placeFromCache(plan.key)) {
        this.pending.push(
          this.draw(plan)
            .then(() => {
              if (!this.placeFromCache(plan.key))
                throw new Error(`${this.cache.file(plan.key)} is not there after drawing`);
            })
            .catch(
              (error: Error) =>
                void this.failures.push(`${file}: its social card could not be drawn: ${error.message}`),
            ),
        );
      }
    }
    return {
      url: `/${CARDS_FOLDER}/${plan.key}.png`,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      type: "image/png",
      alt: plan.alt,
    };
  }

  /**
   * Waits until every card asked for is in the output. With `prune` (a production build, which
   * renders every page), removes the cards no page asked for: a renamed post's old card.
   * Returns the failures, one message per post.
   */
  async finishBuild({ prune }: { prune: boolean }): Promise<string[]> {
    // This build's: under `npm start` the next build may start before these are drawn.
    const { pending, failures } = this;
    await Promise.all(pending);
    if (prune) this.removeOthers();
    return failures;
  }

  /**
   * Puts the cached PNG of `key` in the output, as a hard link: one system call, where a warm
   * build of 1,000 posts spent 0.1 s copying 50 MB (a card is never written again under its key,
   * so output and cache can share the file). A copy where a link cannot be made (another file
   * system). False when the card is not in the cache yet.
   */
  private placeFromCache(key: string): boolean {
    const target = path.join(this.output, CARDS_FOLDER, `${key}.png`);
    try {
      linkSync(this.cache.file(key), target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return false;
      // There already: an earlier build into this output, or `npm start`'s previous build.
      if (code !== "EEXIST") copyFileSync(this.cache.file(key), target);
    }
    return true;
  }

  private draw(plan: CardPlan): Promise<void> {
    let drawing = this.drawing.get(plan.key);
    if (!drawing) {
      drawing = this.drawer
        .draw({ key: plan.key, content: plan.content, words: plan.words, theme: plan.theme, fonts: plan.fonts })
        .finally(() => this.drawing.delete(plan.key));
      this.drawing.set(plan.key, drawing);
    }
    return drawing;
  }

  private removeOthers(): void {
    const folder = path.join(this.output, CARDS_FOLDER);
    for (const name of readdirSync(folder)) {
      if (!this.requested.has(name.replace(/\.png$/, ""))) rmSync(path.join(folder, name), { force: true });
    }
  }
}
