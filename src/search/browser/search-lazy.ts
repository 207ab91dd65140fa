/**
 * The results' list, filled in as it scrolls into view, one post at a time in the list's order, so
 * a result's records are fetched only when it is seen and the first shown comes first.
 */
import type { PostMatch } from "../ranking.ts";

/** Loads the post of `match` and fills `item` with it, unless the list changed meanwhile. */
export type FillIn = (item: HTMLLIElement, match: PostMatch) => Promise<void>;

export interface LazyList {
  /** Lists a placeholder per match; `first` fills the first now, the others are filled in as they are seen. */
  show(matches: readonly PostMatch[], first: (item: HTMLLIElement) => void): void;
  /** Forgets the placeholders waiting to be seen or filled in. */
  reset(): void;
}

export function lazyList(list: HTMLOListElement, fillIn: FillIn): LazyList {
  const queue: HTMLLIElement[] = [];
  const pending = new WeakMap<HTMLLIElement, PostMatch>();
  let loading = false;
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      queue.push(entry.target as HTMLLIElement);
    }
    void drain();
  });

  async function drain(): Promise<void> {
    if (loading) return;
    loading = true;
    try {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const match = pending.get(item);
        if (match && item.isConnected) await fillIn(item, match);
      }
    } finally {
      loading = false;
    }
  }

  function placeholder(match: PostMatch): HTMLLIElement {
    const item = document.createElement("li");
    item.className = "search-result search-placeholder";
    item.setAttribute("aria-busy", "true");
    pending.set(item, match);
    return item;
  }

  return {
    show(matches, first) {
      const items = matches.map(placeholder);
      list.replaceChildren(...items);
      first(items[0]!);
      for (const item of items.slice(1)) observer.observe(item);
    },
    reset() {
      observer.disconnect();
      queue.length = 0;
    },
  };
}
