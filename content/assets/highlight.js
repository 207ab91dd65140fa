// Arriving from a search result (…/?highlight=ramen#turn-12): mark the words that matched.
// Pagefind's highlight script is loaded only then, so ordinary visits download nothing more.
const terms = new URLSearchParams(location.search).get("highlight");
if (terms) {
  await import("/pagefind/pagefind-highlight.js");
  new window.PagefindHighlight({ highlightParam: "highlight", addStyles: false });
  // The marks are added after the browser has scrolled to the turn: bring it back into view.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView({ block: "start" });
}
