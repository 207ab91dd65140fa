const formats = new Map<string, Intl.NumberFormat>();

/** A count as the site's language writes it: "1,000 posts" in English, "1 000" in French. */
export function readableCount(count: number, language: string): string {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(count);
}
