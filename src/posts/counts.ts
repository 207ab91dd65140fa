import { getOrMake } from "../maps/get-or-make.ts";
const formats = new Map<string, Intl.NumberFormat>();

/** A count as the site's language writes it: "1,000 posts" in English, "1 000" in French. */
export function readableCount(count: number, language: string): string {
  return getOrMake(formats, language, () => new Intl.NumberFormat(language)).format(count);
}
