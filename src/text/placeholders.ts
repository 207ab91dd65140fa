/**
 * A phrase's `{name}` placeholders filled from `values`: the one rule the dictionaries (src/i18n/)
 * and the browser scripts' words follow. `missing` says what to do with a placeholder `values`
 * has no value for (throw, or leave it).
 */
export function fillPlaceholders(
  phrase: string,
  values: Readonly<Record<string, unknown>>,
  missing: (name: string) => string,
): string {
  return phrase.replace(/\{(\w+)\}/g, (_, name: string) => (name in values ? String(values[name]) : missing(name)));
}
