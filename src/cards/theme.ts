/** The colours of a card: the site's light scheme, as its stylesheet declares them. */
export interface CardTheme {
  bg: string;
  fg: string;
  muted: string;
  line: string;
  accent: string;
  episode: string;
  episodeBg: string;
  article: string;
  articleBg: string;
}

const PROPERTIES: Record<keyof CardTheme, string> = {
  bg: "--bg",
  fg: "--fg",
  muted: "--muted",
  line: "--line",
  accent: "--accent",
  episode: "--episode",
  episodeBg: "--episode-bg",
  article: "--article",
  articleBg: "--article-bg",
};

/**
 * The card's colours from the site's stylesheet (`content/assets/site.css`): the custom
 * properties of its first `:root` rule, the light scheme (the dark one sits in a media query).
 * Read rather than copied, so a card keeps the colours of the pages it leads to.
 */
export function cardTheme(css: string): CardTheme {
  const root = /(?:^|\})\s*:root\s*\{([^}]*)\}/.exec(css.replace(/\/\*[\s\S]*?\*\//g, ""))?.[1];
  if (root === undefined) throw new Error("the stylesheet has no :root rule with the site's colours");
  const declared = new Map([...root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  const theme = {} as CardTheme;
  for (const [key, property] of Object.entries(PROPERTIES) as [keyof CardTheme, string][]) {
    const value = declared.get(property);
    // A colour of the card is written into its SVG: only a plain hex colour is taken.
    if (!value || !/^#[0-9a-f]{3,8}$/i.test(value))
      throw new Error(`the stylesheet's :root rule has no hex colour for ${property}`);
    theme[key] = value.toLowerCase();
  }
  return theme;
}
