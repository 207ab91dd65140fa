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
