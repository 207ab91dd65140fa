// Arriving from a search result (…/?highlight=ramen#turn-12): mark the words that matched.
// Pagefind's highlight script is loaded only then, so ordinary visits download nothing more.
const terms = new URLSearchParams(location.search).getAll("highlight");
if (terms.length) {
  await import("/pagefind/pagefind-highlight.js");
  new window.PagefindHighlight({
    highlightParam: "highlight",
    addStyles: false,
    // The transcript is indexed turn by turn apart from the page (data-pagefind-ignore), but its
    // words are what the reader searched: mark them too, and skip only the page's furniture.
    markContext: "article.post",
    markOptions: {
      className: "pagefind-highlight",
      exclude: [".post-meta *", ".post-people *", ".tag-links *", ".transcript-downloads *", ".turn-head *", ".episode-audio *", ".newsletter *"],
    },
  });
  // The marks arrive after the browser has scrolled to the turn: bring it back into view.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView({ block: "start" });
}
