/**
 * Clock times, read and written: a transcript's marks and turn times, caption clocks, the front
 * matter's "hh:mm:ss" (an episode's duration, its chapters), the importer's durations. Pure
 * functions, no Eleventy, no Node modules (the episode page's script shows times with them).
 */

/** A number on two digits at least: 7 → "07", 123 → "123". */
export const pad2 = (n: number): string => String(n).padStart(2, "0");

/** Whole seconds of a time: floored (a hair under a second counts as the second), 0 for a negative or not finite one. */
export function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds + 1e-9) : 0;
}

/** "mm:ss" under an hour, "h:mm:ss" from an hour on (seconds are floored): a time as the pages show it. */
export function formatTime(seconds: number): string {
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${pad2(m)}:${pad2(s)}`;
}

/** "hh:mm:ss" (seconds floored; "100:00:00" from 100 hours on): a transcript's mark, the front matter's duration. */
export function formatHms(seconds: number): string {
  const total = wholeSeconds(seconds);
  return `${pad2(Math.floor(total / 3600))}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
}

/** "hh:mm:ss.mmm" (caption clock; rounded to the millisecond). */
export function formatClock(seconds: number): string {
  const ms = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const milli = ms % 1000;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}.${String(milli).padStart(3, "0")}`;
}

/** ISO 8601 duration for `<time datetime>` (seconds floored): "PT12M34S", "PT1H", "PT0S". */
export function isoDuration(seconds: number): string {
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (total === 0) return "PT0S";
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
}

/**
 * A clock to seconds: `hh:mm:ss`, `h:mm:ss`, `mm:ss`, each with a fraction (`.480` or `,480`, up
 * to milliseconds) or without; any number of hours; minutes and seconds below 60 when hours are
 * given, seconds below 60 always (a caption's `75:00.000` is 75 minutes). Null when malformed.
 */
export function parseClock(value: string): number | null {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!m) return null;
  const [, h, min = "0", s = "0", frac] = m;
  if (Number(s) > 59 || (h !== undefined && Number(min) > 59)) return null;
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, "0"));
  // Whole milliseconds first, so that "00:00:03.480" is exactly 3.48.
  return ((Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s)) * 1000 + ms) / 1000;
}
