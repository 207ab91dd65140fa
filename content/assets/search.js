// The search page: start from ?q= (the header's search field leads here) and sort by date on request.
await customElements.whenDefined("pagefind-input");
// A transcript record holds up to 4,000 words of one speaker (src/search/documents.ts): do not let
// its length bury the turn that says the words, against a short page that only mentions them.
window.PagefindComponents.configureInstance("default", { ranking: { pageLength: 0.1 } });
const instance = window.PagefindComponents.getInstanceManager().getInstance("default");
const input = document.querySelector("pagefind-input input");
const sort = document.getElementById("search-sort");

const query = new URLSearchParams(location.search).get("q");
if (query && input) {
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

sort.addEventListener("change", () => {
  const [key, direction] = sort.value.split(":");
  instance.searchSort = key ? { [key]: direction } : undefined;
  instance.triggerSearch(instance.searchTerm ?? input?.value ?? "");
});

// Pagefind adds the words searched for to a result's URL, for the page it opens to mark them
// (highlight.js), but not to the URL a record carries in its `url` meta, as transcript records do
// (src/search/documents.ts): add them to the links to turns as they are rendered.
const results = document.querySelector("pagefind-results");
new MutationObserver(() => {
  const terms = (instance.searchTerm ?? "").split(/\s+/).filter(Boolean);
  for (const link of results.querySelectorAll("a.pf-heading-link")) {
    const url = new URL(link.getAttribute("href"), location.href);
    if (!terms.length || url.origin !== location.origin || url.searchParams.has("highlight")) continue;
    for (const term of terms) url.searchParams.append("highlight", term);
    link.setAttribute("href", url.pathname + url.search + url.hash);
  }
}).observe(results, { childList: true, subtree: true });
