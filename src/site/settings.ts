import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { z } from "zod";

/** Site settings live in one data file, `content/_data/site.json`, read by Eleventy as `site` and by the domain here. */
export const siteSettingsSchema = z.object({
  title: z.string().min(1),
  tagline: z.string(),
  description: z.string().min(1),
  author: z.object({ name: z.string().min(1), role: z.string().optional() }),
  podcast: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
    /** Square artwork, 1400 to 3000 pixels, as podcast directories require. */
    image: z.string().startsWith("/"),
    category: z.string().min(1),
    subcategory: z.string().optional(),
    explicit: z.boolean(),
    /** The page that lists the episodes. */
    url: z.string().startsWith("/"),
  }),
  feeds: z.object({ atom: z.string().startsWith("/"), json: z.string().startsWith("/"), podcast: z.string().startsWith("/") }),
  url: z.url().transform((u) => u.replace(/\/+$/, "")),
  language: z.string().min(2),
  timeZone: z.string().refine((zone) => DateTime.local().setZone(zone).isValid, {
    message: "is not an IANA time zone (e.g. Europe/Paris)",
  }),
  postsPerTagPage: z.number().int().positive(),
  /** The home page shows the newest posts; the archive lists them all. */
  postsOnHomePage: z.number().int().positive(),
  /** The Atom and JSON feeds carry the newest posts only, in full: readers fetch them again and again. The podcast feed keeps every episode. */
  feedEntries: z.number().int().positive().default(20),
  newsletter: z.object({
    heading: z.string(),
    text: z.string(),
    finePrint: z.string(),
    action: z.string(),
    emailField: z.string().min(1),
  }),
});

export type SiteSettings = z.output<typeof siteSettingsSchema>;

export const SITE_SETTINGS_FILE = "content/_data/site.json";

export function parseSiteSettings(json: unknown, file = SITE_SETTINGS_FILE): SiteSettings {
  const result = siteSettingsSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  field "${issue.path.join(".")}": ${issue.message}`);
    throw new Error(`${file}: invalid site settings:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function loadSiteSettings(file = SITE_SETTINGS_FILE): SiteSettings {
  return parseSiteSettings(JSON.parse(readFileSync(file, "utf8")), file);
}
