/** Reading the search page (`/search/`) in Chromium as a reader does: waits on what the page shows, never on time. */
import type { Page } from "playwright-core";

export interface ShownResult {
  title: string;
  /** The post's path. */
  post: string;
  /** "Episode · June 9, 2024 · with Maria Bracho". */
  meta: string;
  /** The excerpt of the post's own text (an article, show notes), as HTML, when the query stands there. */
  excerpt: string | null;
  /** The turns shown: "Maria Bracho · 12:00", their link, and their excerpt as HTML. */
  turns: { title: string; href: string; excerpt: string }[];
}

/** Types `text` into the search field and waits until its answer is on screen: the first result filled in, or the empty state. */
export async function typeQuery(page: Page, text: string): Promise<void> {
  // The summary names the query it answers, and is shown with its list: no earlier answer can pass for this one's.
  await page.locator("#search-input").fill(text);
  await page.waitForFunction(
    (typed) =>
      (document.querySelector(".search-summary")?.textContent ?? "").includes(`“${typed.trim()}”`) && answered(),
    text,
    { timeout: 20_000 },
  );
}

/** Whether the list shows its answer: the empty state, or a first result filled in. Defined in the page by `openSearch`. */
declare function answered(): boolean;

const IN_PAGE = `
  window.answered = () => {
    const first = document.querySelector(".search-result");
    return !document.querySelector(".search-empty").hidden || (first !== null && !first.classList.contains("search-placeholder"));
  };
`;

/** Opens `/search/` (with `?q=` when given) in a new page of `url`'s site. */
export async function openSearch(newPage: () => Promise<Page>, url: string, query?: string): Promise<Page> {
  const page = await newPage();
  await page.addInitScript(IN_PAGE);
  await page.goto(`${url}/search/${query ? `?q=${encodeURIComponent(query)}` : ""}`);
  return page;
}

/** The filled results, once every result in view is filled in (the others wait to be scrolled to). */
export async function shownResults(page: Page): Promise<ShownResult[]> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".search-placeholder")].every((item) => {
      const box = item.getBoundingClientRect();
      return box.top >= window.innerHeight || box.bottom <= 0;
    }),
  );
  return page.locator(".search-result:not(.search-placeholder)").evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector(".search-result-link")!.textContent!.trim(),
      post: new URL(item.querySelector<HTMLAnchorElement>(".search-result-link")!.href).pathname,
      meta: item.querySelector(".search-result-meta")!.textContent!.trim(),
      excerpt: item.querySelector(".search-result-excerpt")?.innerHTML ?? null,
      turns: [...item.querySelectorAll(".search-turn")].map((turn) => ({
        title: turn.querySelector("a")!.textContent!.trim(),
        href: turn.querySelector("a")!.getAttribute("href")!,
        excerpt: turn.querySelector(".search-turn-excerpt")!.innerHTML,
      })),
    })),
  );
}

/** The post and turn anchors of the `n`th result (0-based), scrolled into view and filled in; null past the last. */
export async function resultAt(page: Page, n: number): Promise<{ post: string; turns: string[] } | null> {
  const item = page.locator(".search-result").nth(n);
  if (!(await item.count())) return null;
  await item.scrollIntoViewIfNeeded();
  await item.locator(".search-result-link").waitFor();
  return item.evaluate((node) => ({
    post: new URL(node.querySelector<HTMLAnchorElement>(".search-result-link")!.href).pathname,
    turns: [...node.querySelectorAll<HTMLAnchorElement>(".search-turn-link")].map((a) => new URL(a.href).hash.slice(1)),
  }));
}

/** How many posts the summary says match. */
export async function postCount(page: Page): Promise<number> {
  const summary = await page.locator(".search-summary").innerText();
  if (summary.startsWith("No post")) return 0;
  const n = /^([\d,]+) posts? for /.exec(summary)?.[1];
  if (!n) throw new Error(`The summary does not count posts: "${summary}"`);
  return Number(n.replace(/,/g, ""));
}

/** Waits until the list shows the answer to the last search, filter or sort (the page marks it `aria-busy` until then). */
export async function listSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector(".search-results")!.hasAttribute("aria-busy"));
}
