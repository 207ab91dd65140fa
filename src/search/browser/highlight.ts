/**
 * A post opened from a search result (…/?highlight=humble+gardener&highlight=humble#turn-12): marks
 * the words searched for in the post's text and transcript, a phrase as one piece, and brings the
 * turn back into view once marked.
 */
import { highlightPattern } from "../query.ts";

/** What search does not index (the furniture, the old site's comments): nothing in it is marked. */
const FURNITURE =
  ".post-meta, .post-people, .tag-links, .transcript-downloads, .turn-head, .episode-audio, .newsletter, .comments";

function mark(root: Element, pattern: RegExp): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(FURNITURE) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    const value = text.data;
    const pieces: (string | HTMLElement)[] = [];
    let last = 0;
    for (const match of value.matchAll(pattern)) {
      pieces.push(value.slice(last, match.index));
      const marked = document.createElement("mark");
      marked.className = "search-highlight";
      marked.textContent = match[0];
      pieces.push(marked);
      last = match.index + match[0].length;
    }
    if (!last) continue;
    pieces.push(value.slice(last));
    text.replaceWith(...pieces);
  }
}

const pattern = highlightPattern(new URLSearchParams(location.search).getAll("highlight"));
const article = document.querySelector("article.post");
if (pattern && article) {
  mark(article, pattern);
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView({ block: "start" });
}
