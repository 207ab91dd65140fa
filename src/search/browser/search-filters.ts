/**
 * The filters' boxes on the search page: each value a checkbox with how many posts the query
 * would show with it chosen (search-found.ts counts them). Draws only; choosing is told back.
 */
import type { FilterValue } from "./search-found.ts";

/** Draws the values of the filter `name`; `choose` is told each value chosen or let go of. */
export function drawFilter(
  name: string,
  values: readonly FilterValue[],
  choose: (name: string, value: string, on: boolean) => void,
): void {
  const box = document.querySelector<HTMLElement>(`details[data-filter-name="${name}"] .search-filter-values`)!;
  box.replaceChildren(
    ...values.map(({ value, count, chosen }) => {
      const label = document.createElement("label");
      const checkbox = document.createElement("input");
      checkbox.type = "checkbox";
      checkbox.checked = chosen;
      // A value that would leave no post can't be chosen (but can be let go of).
      checkbox.disabled = count === 0 && !checkbox.checked;
      checkbox.addEventListener("change", () => choose(name, value, checkbox.checked));
      label.append(checkbox, ` ${value} `);
      const n = document.createElement("span");
      n.className = "search-filter-count";
      n.textContent = `(${count})`;
      label.append(n);
      return label;
    }),
  );
}

/** Whether the reader has a filter open, for its counts to follow the query. */
export const filtersOpen = (): boolean => document.querySelector("details[data-filter-name][open]") !== null;

/** Tells `opened` each time the reader opens a filter. */
export function onFilterOpened(opened: () => void): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>("details[data-filter-name]")) {
    details.addEventListener("toggle", () => {
      if (details.open) opened();
    });
  }
}
