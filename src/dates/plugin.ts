import type { DateTime } from "luxon";
import type { EleventyConfig } from "../eleventy-config.ts";
import { isoDateTime, machineDate, readableDate } from "./dates.ts";

/**
 * Date filters for templates; every date they get is already in the site's time zone.
 * `{{ post.date | readableDate(lang) }}` writes it in the page's language ("12 avril 2024"),
 * the site's (`locale`) when none is given.
 */
export function datesPlugin(locale: string) {
  return (config: EleventyConfig) => {
    config.addFilter("readableDate", (date: DateTime, lang?: string) => readableDate(date, lang ?? locale));
    config.addFilter("machineDate", (date: DateTime) => machineDate(date));
    config.addFilter("isoDateTime", (date: DateTime) => isoDateTime(date));
  };
}
