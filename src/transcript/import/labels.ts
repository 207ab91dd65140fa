/** Speaker labels for `transcript.md` front matter. Pure. */

/** Keeps letters, combining marks, digits, apostrophes, periods, hyphens and underscores. */
function clean(word: string): string {
  return word.replace(/[^\p{L}\p{M}\p{N}'’.\-_]/gu, "");
}

/** Labels made of digits only would be reordered as object keys and read like numbers: prefix them. */
function notNumeric(label: string): string {
  return /^\d+$/.test(label) ? `Speaker${label}` : label;
}

/**
 * Label → full name, in order of first appearance of `names`.
 *
 * - The label is the first word of the name that has a letter or digit,
 *   keeping only letters, digits and `' ’ . - _` ("Maria Bracho" → `Maria`,
 *   "- Dash" → `Dash`; no such word → `Speaker`; digits only → `Speaker2024`).
 * - When several speakers get the same label (compared case-insensitively),
 *   each of them gets their whole name without spaces, cleaned the same way
 *   ("Maria Bracho" → `MariaBracho`, "Maria Silva" → `MariaSilva`).
 * - A label still taken gets a number: `MariaBracho2`, `MariaBracho3`, …
 *
 * Such labels never contain spaces, colons or brackets, so the transcript
 * parser reads `Label: [00:00:00] …` back as exactly that speaker.
 */
export function assignLabels(names: readonly string[]): Record<string, string> {
  const unique = [...new Set(names)];
  const first = (name: string): string =>
    notNumeric(
      name
        .trim()
        .split(/\s+/)
        .map(clean)
        .find((word) => /[\p{L}\p{N}]/u.test(word)) ?? "",
    ) || "Speaker";
  const whole = (name: string): string => {
    const joined = name.trim().split(/\s+/).map(clean).join("");
    return /[\p{L}\p{N}]/u.test(joined) ? notNumeric(joined) : "Speaker";
  };
  const counts = new Map<string, number>();
  for (const name of unique) {
    const key = first(name).toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const taken = new Set<string>();
  const speakers: Record<string, string> = {};
  for (const name of unique) {
    const base = (counts.get(first(name).toLowerCase()) ?? 0) > 1 ? whole(name) : first(name);
    let label = base;
    for (let n = 2; taken.has(label.toLowerCase()); n++) label = `${base}${n}`;
    taken.add(label.toLowerCase());
    speakers[label] = name;
  }
  return speakers;
}
