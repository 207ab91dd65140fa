import path from "node:path";
import { DateTime } from "luxon";
import { z } from "zod";
import { readUtf8File } from "../files/utf8.ts";

/**
 * Where the site lives under its address: "/" at the root, "/repo/" for a project site at
 * `https://user.github.io/repo/`. Given as "repo", "/repo" or "/repo/"; "" means the root.
 */
export const pathPrefixSchema = z
  .string()
  .transform((value) => {
    const trimmed = value.trim();
    return trimmed === "" || trimmed === "/" ? "/" : `/${trimmed.replace(/^\/+|\/+$/g, "")}/`;
  })
  .refine(
    (prefix) =>
      /^\/(?:[A-Za-z0-9._~%-]+\/)*$/.test(prefix) && !prefix.split("/").some((part) => part === "." || part === ".."),
    {
      message:
        'is not a path of the site (letters, digits, "-", "_", ".", "~" and "/" only, no "." or ".." parts), e.g. "/repo/"',
    },
  );

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
  feeds: z.object({
    atom: z.string().startsWith("/"),
    json: z.string().startsWith("/"),
    podcast: z.string().startsWith("/"),
  }),
  url: z.url().transform((u) => u.replace(/\/+$/, "")),
  /** "/" or "/repo/": every link, feed and sitemap URL starts with it (`PATH_PREFIX` in the environment overrides it). */
  pathPrefix: pathPrefixSchema.default("/"),
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

/**
 * The settings of `file`, with `PATH_PREFIX` from the environment, when set, in place of the
 * file's `pathPrefix` (CI builds a project site under its repository's name; "" and "/" both mean
 * the root).
 */
export function loadSiteSettings(
  file = SITE_SETTINGS_FILE,
  env: Record<string, string | undefined> = process.env,
): SiteSettings {
  const json = JSON.parse(readUtf8File(file, path.relative(process.cwd(), file) || file)) as Record<string, unknown>;
  const fromEnv = env.PATH_PREFIX;
  if (fromEnv === undefined) return parseSiteSettings(json, file);
  try {
    return parseSiteSettings({ ...json, pathPrefix: fromEnv }, file);
  } catch (error) {
    // Say where the bad prefix came from: not the file.
    throw new Error((error as Error).message.replace('field "pathPrefix"', 'field "pathPrefix" (from PATH_PREFIX)'));
  }
}
