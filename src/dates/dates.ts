import { DateTime } from "luxon";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a front-matter date in the site's time zone. A calendar date (2024-06-09) is midnight
 * of that day in the zone, so it never slides to the day before; a date-time with an offset is
 * that instant, shown in the zone. Returns null when the text is not ISO 8601.
 */
export function parseSiteDate(value: string, zone: string): DateTime | null {
  const text = value.trim();
  const parsed = DATE_ONLY.test(text)
    ? DateTime.fromISO(text, { zone })
    : DateTime.fromISO(text, { setZone: true }).setZone(zone);
  return parsed.isValid ? parsed : null;
}

/** "June 9, 2024": the date a reader sees. */
export function readableDate(date: DateTime, locale = "en"): string {
  return date.setLocale(locale).toLocaleString(DateTime.DATE_FULL);
}

/** "2024-06-09": the value of `<time datetime>` for a day. */
export function machineDate(date: DateTime): string {
  return date.toISODate() ?? "";
}

/** "2024/06/09": the date part of the original site's URLs. */
export function urlDatePath(date: DateTime): string {
  return date.toFormat("yyyy/MM/dd");
}

/** RFC 3339 with the zone's offset, for feeds and metadata. */
export function isoDateTime(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true }) ?? "";
}
