import type { Post } from "../posts/schema.ts";
import type { SiteSettings } from "../site/settings.ts";

export interface CardPerson {
  name: string;
  role?: string;
}

/** What a post's social card says: everything drawn on it, and nothing else. */
export interface CardContent {
  kind: "Episode" | "Article";
  title: string;
  /** An episode's guests, in the order the show notes give them. */
  guests: CardPerson[];
  /** The show an episode belongs to. */
  show?: string;
  siteName: string;
  /** The site's address as readers type it (`alexis.monville.com`). */
  siteHost: string;
}

export function cardContent(post: Post, site: SiteSettings): CardContent {
  const common = { title: post.title, siteName: site.title, siteHost: new URL(site.url).host };
  if (post.kind === "article") return { ...common, kind: "Article", guests: [] };
  return {
    ...common,
    kind: "Episode",
    guests: post.guests.map((guest) => (guest.role ? { name: guest.name, role: guest.role } : { name: guest.name })),
    show: site.podcast.title,
  };
}

/** Names as a sentence says them: "A", "A and B", "A, B and C". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The card's alternative text, for readers who cannot see it: "Title — Episode of Le Podcast on
 * Emerging Leadership with Maria Bracho", or "Title — Article by Alexis Monville".
 */
export function cardAlt(content: CardContent): string {
  if (content.kind === "Article") return `${content.title} — Article by ${content.siteName}`;
  const guests = content.guests.length ? ` with ${listOfNames(content.guests.map((guest) => guest.name))}` : "";
  return `${content.title} — Episode of ${content.show}${guests}`;
}
