import {
  ENGLISH_CARD_WORDS,
  fillPhrase,
  listOfNames,
  type CardContent,
  type CardPerson,
  type DrawnWords,
} from "./content.ts";
import type { CardTheme } from "./theme.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** An element of satori's input, as React would give it: plain objects, no JSX needed. */
export interface CardNode {
  type: "div";
  props: { style: Record<string, string | number>; children?: string | CardNode[] };
}

const div = (style: Record<string, string | number>, children?: string | CardNode[]): CardNode => ({
  type: "div",
  props: children === undefined ? { style } : { style, children },
});

// The card's grid, in pixels. The title gets what the other parts leave, so its size and number
// of lines are worked out from these (fitTitle) instead of measured.
const STRIPE = 16;
const PADDING = { top: 56, right: 80, bottom: 48, left: 72 };
const HEADER = 44;
const TITLE_GAP = 32;
const GUEST_LINE = 42;
const GUESTS_GAP = 20;
const FOOTER = 52;
const FOOTER_GAP = 28;
export const TITLE_WIDTH = CARD_WIDTH - STRIPE - PADDING.left - PADDING.right;
const TITLE_LINE_HEIGHT = 1.2;
/** Title sizes, largest first: a short title is drawn big, a long one smaller. */
export const TITLE_SIZES = [80, 72, 64, 56, 50, 44, 40, 36] as const;

/** How many lines the guests take: one per guest with their role up to two, else one list of names on at most two lines. */
export const guestLineCount = (guests: readonly CardPerson[]) => Math.min(guests.length, 2);

/** The height left to the title once the header, the guests and the footer have theirs. */
export function titleHeight(guestLines: number): number {
  const inside = CARD_HEIGHT - PADDING.top - PADDING.bottom;
  return inside - HEADER - TITLE_GAP - (guestLines ? guestLines * GUEST_LINE + GUESTS_GAP : 0) - FOOTER_GAP - FOOTER;
}

/** Characters a square wide (CJK, Hangul, full-width forms), and Latin ones wider than most. */
const SQUARE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]/;
const BROAD = /[A-Z0-9@%&mw]/;

/**
 * How wide `text` is in ems of Noto Sans Bold, roughly: CJK characters are square, Latin letters
 * a little over half an em, spaces a quarter. Good enough to pick a size; the line clamp keeps
 * the text inside its box if the guess is short.
 */
export function estimatedEms(text: string): number {
  let ems = 0;
  for (const character of text)
    ems += character === " " ? 0.26 : SQUARE.test(character) ? 1 : BROAD.test(character) ? 0.7 : 0.56;
  return ems;
}

export interface TitleFit {
  fontSize: number;
  /** Lines the title may take: more would be cut with an ellipsis. */
  maxLines: number;
}

/**
 * The largest size at which the title is expected to fit its box, and how many lines the box
 * holds at that size. A title too long for the smallest size is clamped there with an ellipsis.
 */
export function fitTitle(title: string, height: number, width = TITLE_WIDTH): TitleFit {
  const ems = estimatedEms(title);
  const maxLines = (fontSize: number) => Math.max(1, Math.floor(height / Math.round(fontSize * TITLE_LINE_HEIGHT)));
  for (const fontSize of TITLE_SIZES) {
    // Lines break between words, so a line is seldom full: count on 85 % of the width.
    if (Math.ceil((ems * fontSize) / (width * 0.85)) <= maxLines(fontSize))
      return { fontSize, maxLines: maxLines(fontSize) };
  }
  const smallest = TITLE_SIZES.at(-1)!;
  return { fontSize: smallest, maxLines: maxLines(smallest) };
}

/** One line of text that ends with an ellipsis rather than leave its box. */
const oneLine = { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" };

/** "AM" for "Alexis Monville": the site's initials, as its favicon shows them. */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((word) => [...word][0]!.toUpperCase()).join("");
}

/** The guests, compactly: up to two with their roles, one per line; more as a list of names, in `words`' language. */
export function guestsBlock(
  guests: readonly CardPerson[],
  theme: CardTheme,
  words: DrawnWords = ENGLISH_CARD_WORDS,
): CardNode[] {
  if (guests.length === 0) return [];
  const text = { fontSize: 30, lineHeight: `${GUEST_LINE}px` };
  if (guests.length > 2) {
    const names = guests.map((guest) => guest.name);
    const shown =
      names.length > 4 ? [...names.slice(0, 3), fillPhrase(words.moreGuests, { count: names.length - 3 })] : names;
    const list = div(
      { ...text, height: 2 * GUEST_LINE, overflow: "hidden", lineClamp: 2, color: theme.fg },
      fillPhrase(words.withGuests, { names: listOfNames(shown, words) }),
    );
    return [div({ display: "flex", flexDirection: "column", marginTop: GUESTS_GAP }, [list])];
  }
  const line = (guest: CardPerson) =>
    div({ ...text, display: "flex", height: GUEST_LINE, width: "100%" }, [
      div({ ...oneLine, flexShrink: 0, maxWidth: "100%", fontWeight: 700, color: theme.fg }, guest.name),
      ...(guest.role
        ? [div({ ...oneLine, flexShrink: 1, minWidth: 0, color: theme.muted, marginLeft: 14 }, guest.role)]
        : []),
    ]);
  return [div({ display: "flex", flexDirection: "column", marginTop: GUESTS_GAP }, guests.map(line))];
}

function header(content: CardContent, theme: CardTheme, words: DrawnWords): CardNode {
  const episode = content.kind === "Episode";
  const pill = div(
    {
      flexShrink: 0,
      fontSize: 24,
      fontWeight: 700,
      letterSpacing: "0.06em",
      textTransform: "uppercase",
      padding: "4px 18px",
      borderRadius: 999,
      color: episode ? theme.episode : theme.article,
      backgroundColor: episode ? theme.episodeBg : theme.articleBg,
    },
    episode ? words.episode : words.article,
  );
  const show = content.show
    ? [
        div(
          {
            ...oneLine,
            flexShrink: 1,
            minWidth: 0,
            marginLeft: 20,
            fontSize: 27,
            fontWeight: 700,
            color: theme.accent,
          },
          content.show,
        ),
      ]
    : [];
  return div({ display: "flex", alignItems: "center", height: HEADER }, [pill, ...show]);
}

function footer(content: CardContent, theme: CardTheme): CardNode {
  const logo = div(
    {
      display: "flex",
      alignItems: "center",
      justifyContent: "center",
      flexShrink: 0,
      width: FOOTER,
      height: FOOTER,
      borderRadius: 10,
      backgroundColor: theme.accent,
      color: "#ffffff",
      fontSize: 22,
      fontWeight: 700,
    },
    initials(content.siteName),
  );
  const name = div(
    { ...oneLine, flexShrink: 1, minWidth: 0, marginLeft: 18, fontSize: 30, fontWeight: 700, color: theme.fg },
    content.siteName,
  );
  const host = div(
    { ...oneLine, flexShrink: 0, marginLeft: "auto", paddingLeft: 24, fontSize: 26, color: theme.muted },
    content.siteHost,
  );
  return div({ display: "flex", alignItems: "center", height: FOOTER, marginTop: FOOTER_GAP }, [logo, name, host]);
}

/**
 * The card as satori's input: the site's colours, the kind as the site's lists show it (a pill
 * in the kind's colours), the title as large as it fits, an episode's show and guests, and the
 * site's name and address; the words around them in the post's language (`words`). Every string
 * is a child, never markup: satori draws it as text. `fontFamilies` are the names of the font
 * subsets the text needs (fonts.ts), in order.
 */
export function cardTree(
  content: CardContent,
  theme: CardTheme,
  fontFamilies: readonly string[],
  words: DrawnWords = ENGLISH_CARD_WORDS,
): CardNode {
  const guests = guestsBlock(content.guests, theme, words);
  const fit = fitTitle(content.title, titleHeight(guestLineCount(content.guests)));
  const title = div(
    {
      marginTop: TITLE_GAP,
      maxHeight: fit.maxLines * Math.round(fit.fontSize * TITLE_LINE_HEIGHT),
      overflow: "hidden",
      fontSize: fit.fontSize,
      fontWeight: 700,
      lineHeight: TITLE_LINE_HEIGHT,
      letterSpacing: "-0.01em",
      color: theme.fg,
      lineClamp: fit.maxLines,
      // Japanese is not broken after just any character (which left one alone on the last
      // line); a run longer than a line is still broken, by overflowWrap.
      wordBreak: "keep-all",
      overflowWrap: "anywhere",
    },
    content.title,
  );
  const main = div(
    {
      display: "flex",
      flexDirection: "column",
      flexGrow: 1,
      minWidth: 0,
      padding: `${PADDING.top}px ${PADDING.right}px ${PADDING.bottom}px ${PADDING.left}px`,
    },
    [header(content, theme, words), title, div({ flexGrow: 1 }), ...guests, footer(content, theme)],
  );
  return div(
    {
      display: "flex",
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: theme.bg,
      color: theme.fg,
      fontFamily: fontFamilies.map((name) => `"${name}"`).join(", "),
    },
    [div({ width: STRIPE, height: CARD_HEIGHT, flexShrink: 0, backgroundColor: theme.accent }), main],
  );
}
