import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { SaxesParser } from "saxes";
import sharp from "sharp";
import { cardKey, planCard, planTree } from "../../src/cards/card.ts";
import { cardAlt, cardContent } from "../../src/cards/content.ts";
import { FontCatalog } from "../../src/cards/fonts.ts";
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  TITLE_SIZES,
  fitTitle,
  guestsBlock,
  initials,
  titleHeight,
} from "../../src/cards/layout.ts";
import { cardSvg, drawCard } from "../../src/cards/render.ts";
import { RENDERER } from "../../src/cards/renderer.ts";
import { cardTheme } from "../../src/cards/theme.ts";
import { parsePost, type Post } from "../../src/posts/schema.ts";
import { loadSiteSettings } from "../../src/site/settings.ts";
import { ROOT } from "../support/build.ts";

const site = loadSiteSettings(path.join(ROOT, "content/_data/site.json"), {});
const theme = cardTheme(readFileSync(path.join(ROOT, "content/assets/site.css"), "utf8"));
const catalog = FontCatalog.load();

const post = (data: Record<string, unknown>): Post =>
  parsePost({ date: "2024-06-09", ...data }, "content/posts/x.md", site.timeZone);
const article = (title: string) => post({ title, kind: "article" });
const episode = (title: string, guests: { name: string; role?: string }[]) =>
  post({ title, kind: "episode", host: { name: "Alexis Monville" }, guests });

const LONG_TITLE =
  "Why the longest titles in the archive need a card that still reads well when shared on LinkedIn, in chat apps and in newsletters, even when the title goes on and on for two hundred characters, or more";
const CJK_TITLE = "Café à Tōkyō — 東京での対話";
const HOSTILE_TITLE = '<script>alert(1)</script> & "quotes"';
const TWO_GUESTS = [
  { name: "Maria Bracho", role: "CTO for LATAM at Red Hat" },
  { name: "Bruce Wang", role: "Director of Engineering" },
];

/** The elements and the text of an SVG, read by a real XML parser. */
function readSvg(svg: string): { elements: string[]; text: string } {
  const parser = new SaxesParser();
  const elements: string[] = [];
  let text = "";
  parser.on("opentag", (tag) => elements.push(tag.name));
  parser.on("text", (chunk) => (text += chunk));
  parser.write(svg).close();
  return { elements, text };
}

/** The RGBA pixels of a region of a PNG. */
async function pixels(
  png: Buffer,
  region: { left: number; top: number; width: number; height: number },
): Promise<Buffer> {
  return sharp(png).extract(region).raw().toBuffer();
}

describe("what a post's card says", () => {
  it("for an article: its title, its kind and the site", () => {
    const content = cardContent(article("Playing to Win"), site);
    assert.deepEqual(content, {
      kind: "Article",
      title: "Playing to Win",
      guests: [],
      siteName: "Alexis Monville",
      siteHost: "alexis.monville.com",
    });
    assert.equal(cardAlt(content), "Playing to Win — Article by Alexis Monville");
  });

  it("for an episode: also the show and its guests with their roles", () => {
    const content = cardContent(episode("Exploring Leadership", [...TWO_GUESTS, { name: "Ana Lopez" }]), site);
    assert.equal(content.kind, "Episode");
    assert.equal(content.show, "Le Podcast on Emerging Leadership");
    assert.deepEqual(content.guests, [...TWO_GUESTS, { name: "Ana Lopez" }]);
    assert.equal(
      cardAlt(content),
      "Exploring Leadership — Episode of Le Podcast on Emerging Leadership with Maria Bracho, Bruce Wang and Ana Lopez",
    );
    assert.equal(
      cardAlt(
        cardContent(episode("Exploring Leadership and Open Source with Maria Bracho", TWO_GUESTS.slice(0, 1)), site),
      ),
      "Exploring Leadership and Open Source with Maria Bracho — Episode of Le Podcast on Emerging Leadership with Maria Bracho",
    );
  });

  it("in the site's own colours, read from its stylesheet's light scheme", () => {
    assert.deepEqual([theme.bg, theme.fg, theme.accent], ["#fdfcfa", "#1f2328", "#0b5cad"]);
    assert.throws(() => cardTheme(":root { --bg: #fff; }"), /no hex colour for --fg/);
  });

  it("lists two guests with their roles, one per line, and more as names on one line", () => {
    const texts = (nodes: ReturnType<typeof guestsBlock>): string[] =>
      nodes.flatMap((node) =>
        typeof node.props.children === "string" ? [node.props.children] : texts(node.props.children ?? []),
      );
    assert.deepEqual(texts(guestsBlock(TWO_GUESTS, theme)), [
      "Maria Bracho",
      "CTO for LATAM at Red Hat",
      "Bruce Wang",
      "Director of Engineering",
    ]);
    const names = ["Ana", "Bruce", "Chen", "Dana", "Eve", "Farid"].map((name) => ({ name, role: "Engineer" }));
    assert.deepEqual(texts(guestsBlock(names.slice(0, 4), theme)), ["with Ana, Bruce, Chen and Dana"]);
    assert.deepEqual(texts(guestsBlock(names, theme)), ["with Ana, Bruce, Chen and 3 more"]);
    assert.deepEqual(guestsBlock([], theme), []);
    assert.equal(initials("Alexis Monville"), "AM");
  });
});

describe("a card's title fits its box", () => {
  it("gets smaller as it gets longer, and never more lines than the box holds", () => {
    for (const guests of [0, 1, 2]) {
      const height = titleHeight(guests);
      let previous = Infinity;
      for (let length = 5; length <= 600; length += 5) {
        const fit = fitTitle("Leadership ".repeat(60).slice(0, length), height);
        assert.ok(fit.fontSize <= previous, `${length} characters`);
        assert.ok(
          fit.maxLines * Math.round(fit.fontSize * 1.2) <= height,
          `${length} characters: ${fit.maxLines} lines of ${fit.fontSize}px in ${height}px`,
        );
        previous = fit.fontSize;
      }
    }
    assert.equal(fitTitle("Playing to Win", titleHeight(0)).fontSize, TITLE_SIZES[0]);
    // Too long for the smallest size: drawn at it, cut with an ellipsis after the lines that fit.
    const endless = fitTitle("word ".repeat(300), titleHeight(2));
    assert.equal(endless.fontSize, TITLE_SIZES.at(-1));
  });

  it("counts CJK characters as wide: the same number of characters is drawn smaller", () => {
    const [cjk, latin] = ["東京での対話".repeat(7).slice(0, 40), "Tokyo talk ".repeat(4).slice(0, 40)];
    assert.ok(fitTitle(cjk, titleHeight(0)).fontSize < fitTitle(latin, titleHeight(0)).fontSize);
  });

  it("stays inside the card when drawn: a 200-character title leaves the guests, the footer and the margin as they are", async () => {
    assert.ok(LONG_TITLE.length >= 200);
    const draw = (title: string) => {
      const plan = planCard(episode(title, TWO_GUESTS), site, theme, catalog);
      return drawCard(planTree(plan), plan.fonts);
    };
    const [short, long, endless] = await Promise.all([
      draw("Short"),
      draw(LONG_TITLE),
      draw(`${LONG_TITLE} `.repeat(4)),
    ]);
    const below = { left: 0, top: 400, width: CARD_WIDTH, height: CARD_HEIGHT - 400 };
    const margin = { left: CARD_WIDTH - 79, top: 0, width: 79, height: 400 };
    for (const png of [long, endless]) {
      assert.deepEqual(await pixels(png, below), await pixels(short, below));
      assert.deepEqual(await pixels(png, margin), await pixels(short, margin));
    }
  });
});

describe("the fonts of a card", () => {
  it("are the Latin subset of Noto Sans for a Latin title, with Noto Sans JP's subsets for Japanese", () => {
    const names = (title: string) => [
      ...new Set(planCard(article(title), site, theme, catalog).fonts.map((font) => font.name)),
    ];
    assert.deepEqual(names("Playing to Win"), ["Noto Sans latin"]);
    const cjk = names(CJK_TITLE);
    assert.deepEqual(cjk.slice(0, 2), ["Noto Sans latin", "Noto Sans latin-ext"]);
    assert.ok(cjk.slice(2).every((name) => name.startsWith("Noto Sans JP ")) && cjk.length > 2, cjk.join(", "));
    for (const font of planCard(article(CJK_TITLE), site, theme, catalog).fonts) assert.match(font.file, /\.woff$/);
  });

  it("leave out what no font draws (emoji), rather than draw empty boxes; the alt text keeps it", () => {
    assert.equal(catalog.drawable("🎙️ Leading with trust 🚀"), "Leading with trust");
    const plan = planCard(article("🎙️ Leading with trust"), site, theme, catalog);
    assert.equal(plan.alt, "🎙️ Leading with trust — Article by Alexis Monville");
  });
});

describe("a card's key", () => {
  it("changes with anything the card shows, and only then", () => {
    const key = (p: Post, t = theme) => planCard(p, site, t, catalog).key;
    const base = key(episode("Exploring Leadership", TWO_GUESTS));
    assert.equal(key(episode("Exploring Leadership", TWO_GUESTS)), base);
    assert.match(base, /^[0-9a-f]{20}$/);
    const others = [
      key(episode("Exploring Leadership!", TWO_GUESTS)),
      key(article("Exploring Leadership")),
      key(episode("Exploring Leadership", [TWO_GUESTS[0]!, { ...TWO_GUESTS[1]!, role: "CTO" }])),
      key(episode("Exploring Leadership", TWO_GUESTS.slice(0, 1))),
      key(episode("Exploring Leadership", TWO_GUESTS), { ...theme, accent: "#000000" }),
      planCard(
        episode("Exploring Leadership", TWO_GUESTS),
        { ...site, podcast: { ...site.podcast, title: "Another show" } },
        theme,
        catalog,
      ).key,
      planCard(episode("Exploring Leadership", TWO_GUESTS), { ...site, title: "Another site" }, theme, catalog).key,
    ];
    assert.equal(new Set([base, ...others]).size, others.length + 1);
    // A post's other fields (date, tags, description) are not on the card.
    assert.equal(
      key(
        post({
          title: "Exploring Leadership",
          kind: "episode",
          host: { name: "Alexis Monville" },
          guests: TWO_GUESTS,
          tags: ["AI"],
          date: "2020-01-01",
        }),
      ),
      base,
    );
  });

  it("names the font files, and holds the renderers' versions", () => {
    const plan = planCard(article("Playing to Win"), site, theme, catalog);
    assert.match(plan.fonts[0]!.identity, /^@fontsource\/noto-sans@\d+\.\d+\.\d+\/noto-sans-latin-400-normal\.woff$/);
    assert.match(RENDERER.satori, /^\d+\.\d+\.\d+$/);
    assert.match(RENDERER.resvg, /^\d+\.\d+\.\d+$/);
    assert.equal(cardKey(plan.content, theme, plan.fonts), plan.key);
    assert.notEqual(
      cardKey(
        plan.content,
        theme,
        plan.fonts.map((font) => ({ ...font, identity: `${font.identity}?v2` })),
      ),
      plan.key,
    );
  });
});

describe("drawing a card", () => {
  it("keeps hostile text as text: drawn as glyphs, written as escaped text, never as markup", async () => {
    const plan = planCard(article(HOSTILE_TITLE), site, theme, catalog);
    const drawn = readSvg(await cardSvg(planTree(plan), plan.fonts));
    assert.deepEqual(
      [...new Set(drawn.elements)].filter(
        (name) => !["svg", "path", "rect", "clipPath", "defs", "g", "mask", "pattern"].includes(name),
      ),
      [],
    );
    // Without embedded glyphs, satori writes <text>: the title is its text, escaped, and nothing else came of it.
    const written = readSvg(await cardSvg(planTree(plan), plan.fonts, { embedFont: false }));
    assert.ok(!written.elements.includes("script"));
    assert.ok(written.text.replace(/\s+/g, "").includes(HOSTILE_TITLE.replace(/\s+/g, "")), written.text);
  });

  it("draws the 200-character, the CJK and the hostile titles as 1200 × 630 PNGs, the same bytes each time", async () => {
    for (const title of [LONG_TITLE, CJK_TITLE, HOSTILE_TITLE]) {
      const plan = planCard(episode(title, TWO_GUESTS), site, theme, catalog);
      const png = await drawCard(planTree(plan), plan.fonts);
      const { width, height, format } = await sharp(png).metadata();
      assert.deepEqual([width, height, format], [CARD_WIDTH, CARD_HEIGHT, "png"], title);
      const { channels } = await sharp(png).stats();
      assert.ok(
        channels.some((channel) => channel.stdev > 10),
        `${title}: the card is not blank`,
      );
      assert.ok((await drawCard(planTree(plan), plan.fonts)).equals(png), title);
    }
  });
});
