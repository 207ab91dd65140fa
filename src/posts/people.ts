import type { Phrase } from "../i18n/dictionary.ts";
import { newestFirst, postCard, type PostCard } from "./collections.ts";
import type { Post } from "./schema.ts";
import { slugify } from "./slug.ts";

export interface PersonPage {
  name: string;
  slug: string;
  url: string;
  /** Each distinct role the show notes give this person, plus HOST_ROLE for the host whose notes give none. */
  roles: (NotedRole | Phrase)[];
  /** Episodes they appear in, as host or guest, newest first, in every language. */
  episodes: PostCard[];
  /** Whether the site's posts are in more than one language: then each episode says its own. */
  markLanguages: boolean;
}

/** A role as an episode's show notes give it, in the episode's language. */
export interface NotedRole {
  text: string;
  lang: string;
}

/** The host's role when the show notes give none: "Host", said in the page's language. */
export const HOST_ROLE: Phrase = { key: "people.host" };

export const personUrl = (name: string) => `/people/${slugify(name)}/`;

/** Everyone who appears in an episode, by name; one page each. */
export function peopleOf(posts: readonly Post[]): PersonPage[] {
  const people = new Map<string, PersonPage>();
  const markLanguages = new Set(posts.map((post) => post.lang)).size > 1;
  const add = (name: string, role: string | Phrase | undefined, post: Post) => {
    const slug = slugify(name);
    // The schema refuses such a name (posts/slug.ts, addressProblems): never a page at /people//.
    if (!slug)
      throw new Error(
        `${post.url} ("${post.title}"): the name "${name}" has no letter or digit to make the person's address (/people/<slug>/)`,
      );
    const person = people.get(slug) ?? { name, slug, url: personUrl(name), roles: [], episodes: [], markLanguages };
    const noted = typeof role === "string" ? { text: role, lang: post.lang } : role;
    if (
      noted &&
      !person.roles.some((known) => ("text" in known && "text" in noted ? known.text === noted.text : known === noted))
    )
      person.roles.push(noted);
    if (!person.episodes.some((episode) => episode.url === post.url)) person.episodes.push(postCard(post));
    people.set(slug, person);
  };
  for (const post of newestFirst(posts)) {
    if (post.kind !== "episode") continue;
    if (post.host) add(post.host.name, post.host.role ?? HOST_ROLE, post);
    for (const guest of post.guests) add(guest.name, guest.role, post);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
