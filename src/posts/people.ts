import { newestFirst, postCard, type PostCard } from "./collections.ts";
import type { Post } from "./schema.ts";
import { slugify } from "./slug.ts";

export interface PersonPage {
  name: string;
  slug: string;
  url: string;
  /** Each distinct role the show notes give this person, plus "Host" for the host. */
  roles: string[];
  /** Episodes they appear in, as host or guest, newest first. */
  episodes: PostCard[];
}

export const personUrl = (name: string) => `/people/${slugify(name)}/`;

/** Everyone who appears in an episode, by name; one page each. */
export function peopleOf(posts: readonly Post[]): PersonPage[] {
  const people = new Map<string, PersonPage>();
  const add = (name: string, role: string | undefined, post: Post) => {
    const slug = slugify(name);
    // The schema refuses such a name (posts/slug.ts, addressProblems): never a page at /people//.
    if (!slug) throw new Error(`${post.url} ("${post.title}"): the name "${name}" has no letter or digit to make the person's address (/people/<slug>/)`);
    const person = people.get(slug) ?? { name, slug, url: personUrl(name), roles: [], episodes: [] };
    if (role && !person.roles.includes(role)) person.roles.push(role);
    if (!person.episodes.some((episode) => episode.url === post.url)) person.episodes.push(postCard(post));
    people.set(slug, person);
  };
  for (const post of newestFirst(posts)) {
    if (post.kind !== "episode") continue;
    if (post.host) add(post.host.name, post.host.role ?? "Host", post);
    for (const guest of post.guests) add(guest.name, guest.role, post);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
