import type { DateTime } from "luxon";
import { z } from "zod";
import { parseSiteDate, urlDatePath } from "../dates/dates.ts";
import { commentParagraphs } from "./comments.ts";
import { codePoint, oldAddress, pathOffSite, shownValue } from "./old-addresses.ts";
import type { ReadingTime } from "./reading-time.ts";
import { addressProblems, slugify } from "./slug.ts";
import { parseClock } from "../text/clock.ts";
import { BREAKS_OUT_OF_AN_ADDRESS } from "../site/links.ts";
import { getOrMake } from "../maps/get-or-make.ts";

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : `must be text (${what})`) })
    .trim()
    .min(1, { error: "must not be empty" });

const person = z.object(
  {
    name: text("the person's full name"),
    role: text("their role, as the show notes state it").optional(),
  },
  { error: (issue) => (issue.input === undefined ? "is required" : "must be a person with a name (and a role)") },
);

/**
 * Characters an audio address must not hold as they are: they would end it in an HTML attribute
 * (quotes, `<`, `>`, spaces), in a Markdown link (`(`, `)`, `<`, `>`, spaces), be read as "/"
 * ("\"), or hide in it (controls, invisible format characters). Written percent-encoded (`%29`),
 * they are the same address. The WordPress importer refuses the same (wordpress/export-values.ts).
 */
const AUDIO_URL_BREAKS = new RegExp(BREAKS_OUT_OF_AN_ADDRESS.source, "gu");

/** An audio MIME type: `audio/` and a subtype of letters, digits, ".", "+" and "-" (`audio/mpeg`, `audio/x-m4a`). */
export const AUDIO_TYPE = /^audio\/[a-z0-9][a-z0-9.+-]*$/;

/** `%29` for ")": a character as it is written inside a URL. */
const percentEncoded = (char: string) =>
  char.charCodeAt(0) < 0x80
    ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
    : encodeURIComponent(char);

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
const listed = (items: readonly string[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/**
 * What is wrong with an audio address (an episode's `audio.url`), or null: it must be an absolute
 * http(s) URL the WHATWG URL parser reads, or a path of this site (pathOffSite), and hold none of
 * the characters that would let it break out of the page or link it is written in.
 */
export function audioUrlProblem(url: string): string | null {
  if (!/^(?:https?:\/\/|\/.)/s.test(url))
    return "must be an http(s) URL or a path from the site's root (/media/episode.mp3)";
  const breaking = [...new Set(url.match(AUDIO_URL_BREAKS) ?? [])];
  if (breaking.length) {
    const names = breaking.map((char) =>
      /[\s\p{Cc}\p{Cf}]/u.test(char) && char !== " " ? codePoint(char) : char === '"' ? `'"'` : `"${char}"`,
    );
    const written = breaking.map(percentEncoded);
    return `${shownValue(url)} has ${listed(names)}, which would end the address in a page or a link: write ${breaking.length === 1 ? "it" : "them"} ${listed(written)}`;
  }
  if (/^https?:\/\//.test(url)) {
    try {
      if (new URL(url).host) return null;
    } catch {
      // not a URL: said below
    }
    return `${url} is not a valid URL: write the whole address, https://host/path/episode.mp3`;
  }
  const offSite = pathOffSite(url);
  return offSite && `${url} is not a path of this site: ${offSite}`;
}

/** An episode's audio file, as podcast apps need it: `length` in bytes, `duration` as hh:mm:ss. */
const audio = z
  .object(
    {
      url: z.string({ error: "is required: the address of the audio file" }).superRefine((url, ctx) => {
        const message = audioUrlProblem(url);
        if (message) ctx.addIssue({ code: "custom", message });
      }),
      type: z
        .string({ error: "is required, e.g. audio/mpeg" })
        .regex(AUDIO_TYPE, { error: "must be an audio MIME type, e.g. audio/mpeg" }),
      length: z
        .number({
          error: (issue) =>
            issue.input === undefined
              ? "is required: the file's size in bytes"
              : "must be the file's size in bytes, a whole number",
        })
        .int({ error: "must be the file's size in bytes, a whole number" })
        .positive({ error: "must be the file's size in bytes, a whole number" }),
      duration: z
        .string({ error: 'is required, as "hh:mm:ss" in quotes' })
        .regex(/^\d{2,}:[0-5]\d:[0-5]\d$/, { error: 'must be written "hh:mm:ss", e.g. "00:31:00"' }),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `has unknown field(s) ${issue.keys.join(", ")}: an episode's audio has url, type, length and duration`
          : "must have url, type, length and duration",
    },
  )
  .strict();

/** A chapter of an episode: where it starts ("hh:mm:ss") and its title. */
const chapter = z
  .object(
    {
      start: z
        .string({ error: 'is required, as "hh:mm:ss" in quotes' })
        .regex(/^\d{2,}:[0-5]\d:[0-5]\d$/, { error: 'must be written "hh:mm:ss", e.g. "00:12:30"' }),
      title: text("the chapter's title"),
    },
    { error: "must be a chapter with start and title" },
  )
  .strict();

/** A post's featured image. A credit alone records a photo the old site had but the export lost. */
const image = z
  .object(
    {
      src: text("the image file, relative to the post or from the site's root").optional(),
      alt: z.string({ error: "must be text describing the image" }).trim().optional(),
      credit: text("who took the photo").optional(),
    },
    { error: "must have src, alt and credit" },
  )
  .strict()
  .superRefine((value, ctx) => {
    if (value.src && !value.alt)
      ctx.addIssue({
        code: "custom",
        path: ["alt"],
        message: "is required: describe the image for readers who cannot see it",
      });
    if (!value.src && !value.credit)
      ctx.addIssue({ code: "custom", path: ["src"], message: "is required (or give only a credit)" });
  });

/**
 * The image a post is shared with (link previews), in place of the card the build draws: a file
 * beside the post or from the site's root, since the build reads its size; its alt text is required.
 */
const card = z
  .object(
    {
      src: text("the image file, relative to the post or from the site's root").refine(
        (src) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src),
        {
          error:
            "must be a file of the site, beside the post or from its root (/assets/card.png), not an address elsewhere",
        },
      ),
      alt: text("what the image shows, for readers who cannot see it"),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `has unknown field(s) ${issue.keys.join(", ")}: a card has src and alt`
          : "must have src and alt",
    },
  )
  .strict();

/** A date as the front matter writes it: YYYY-MM-DD, or an ISO 8601 date-time with its offset, read in the site's zone. */
const siteDate = (timeZone: string, example: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? "is required" : "must be a date written as YYYY-MM-DD or an ISO 8601 date-time",
    })
    .transform((value, ctx) => {
      const date = parseSiteDate(value, timeZone);
      if (!date) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a date (write ${example})` });
        return z.NEVER;
      }
      return date as DateTime<true>;
    });

/**
 * A comment readers left on the original site, kept read-only: who wrote it, when, its plain
 * text (paragraphs separated by a blank line) and, for an answer, whom it answers.
 */
const comment = (timeZone: string) =>
  z
    .object(
      {
        author: text("the name the comment was signed with"),
        date: siteDate(timeZone, "YYYY-MM-DD or a date-time such as 2024-06-10T08:12:00-07:00"),
        text: text("the comment, as plain text"),
        in_reply_to: text("the author of the comment it answers").optional(),
      },
      {
        error: (issue) =>
          issue.code === "unrecognized_keys"
            ? `has unknown field(s) ${issue.keys.join(", ")}: a comment has author, date, text and in_reply_to`
            : "must be a comment with author, date and text",
      },
    )
    .strict()
    .transform((value) => ({ ...value, paragraphs: commentParagraphs(value.text) }));

export const POST_KINDS = ["article", "episode"] as const;

/** A language as a post's `lang` and an address give it: "fr", "en", "pt-br". */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/**
 * The front matter of a post, and what the build derives from it. This one schema validates
 * every file under content/posts/ and is the TypeScript type that templates, feeds and search use.
 */
export function postSchema(timeZone: string, language = "en") {
  return getOrMake(schemas, `${timeZone} ${language}`, () => makePostSchema(timeZone, language));
}

// Made once per time zone: making a zod schema costs far more than checking a post with it
// (0.4 s of a 1,000-post build when it was made for every post).
const schemas = new Map<string, ReturnType<typeof makePostSchema>>();

/**
 * `language` is the site's (`site.json`): a post without `lang` is written in it. A post's
 * language is the first part of its address (`/en/…`, `/fr/…`).
 */
function makePostSchema(timeZone: string, language: string) {
  return z
    .object({
      title: text("the post's title"),
      date: siteDate(timeZone, "YYYY-MM-DD, e.g. 2024-06-09"),
      date_estimated: z.boolean({ error: "must be true or false" }).default(false),
      slug: z
        .string({ error: "must be text" })
        .refine((slug) => slug !== "" && slugify(slug) === slug, {
          error: "must be lowercase words joined by hyphens (e.g. playing-to-win, 東京での対話)",
        })
        .optional(),
      lang: z
        .string({ error: "must be a language code, e.g. fr" })
        .regex(LANGUAGE_CODE, { error: "must be a language code in lowercase letters, e.g. fr or en" })
        .optional(),
      translationKey: text("the same text in each version of one post, e.g. playing-to-win").optional(),
      kind: z.enum(POST_KINDS, {
        error: (issue) =>
          issue.input === undefined
            ? "is required (article or episode)"
            : `"${String(issue.input)}" is not a kind: use article or episode`,
      }),
      description: text("one sentence that sums up the post").optional(),
      tags: z.array(text("a tag"), { error: "must be a list, e.g. [Strategy, Books]" }).default([]),
      host: person.optional(),
      guests: z.array(person, { error: "must be a list of people, each with a name and a role" }).default([]),
      image: image.optional(),
      card: card.optional(),
      newsletter: z.boolean({ error: "must be true or false" }).default(false),
      draft: z.boolean({ error: "must be true or false" }).default(false),
      redirect_from: z.array(oldAddress, { error: "must be a list of old paths, e.g. [/old-title/]" }).default([]),
      audio: audio.optional(),
      chapters: z
        .array(chapter, { error: 'must be a list of chapters, each with start: "hh:mm:ss" and title' })
        .default([]),
      comments: z
        .array(comment(timeZone), { error: "must be a list of comments, each with author, date and text" })
        .default([]),
    })
    .superRefine((post, ctx) => {
      if (post.kind === "episode") {
        if (!post.host) ctx.addIssue({ code: "custom", path: ["host"], message: "is required for an episode" });
        if (post.guests.length === 0)
          ctx.addIssue({ code: "custom", path: ["guests"], message: "an episode needs at least one guest" });
      } else {
        if (post.host) ctx.addIssue({ code: "custom", path: ["host"], message: "only an episode has a host" });
        if (post.guests.length > 0)
          ctx.addIssue({ code: "custom", path: ["guests"], message: "only an episode has guests" });
        if (post.audio) ctx.addIssue({ code: "custom", path: ["audio"], message: "only an episode has audio" });
        if (post.chapters.length)
          ctx.addIssue({ code: "custom", path: ["chapters"], message: "only an episode has chapters" });
      }
      post.chapters.forEach((chapter, index) => {
        const previous = post.chapters[index - 1];
        if (previous && chapter.start <= previous.start)
          ctx.addIssue({
            code: "custom",
            path: ["chapters", index, "start"],
            message: `${chapter.start} must come after the chapter before (${previous.start})`,
          });
      });
      for (const { path, message } of addressProblems(post)) ctx.addIssue({ code: "custom", path, message });
      const seen = new Map<string, string>();
      post.tags.forEach((tag, index) => {
        if (slugify(tag) === "") return;
        const other = seen.get(slugify(tag));
        if (other !== undefined)
          ctx.addIssue({ code: "custom", path: ["tags", index], message: `"${tag}" repeats the tag "${other}"` });
        seen.set(slugify(tag), tag);
      });
    })
    .transform((post) => {
      const slug = post.slug ?? slugify(post.title);
      const lang = post.lang ?? language;
      return {
        ...post,
        lang,
        // "hh:mm:ss", as the fields' patterns require.
        audio: post.audio && { ...post.audio, seconds: parseClock(post.audio.duration)! },
        chapters: post.chapters.map((c) => ({ ...c, seconds: parseClock(c.start)! })),
        slug,
        tags: post.tags.map((name) => ({ name, slug: slugify(name) })),
        url: `/${lang}/${urlDatePath(post.date)}/${slug}/`,
        // Known once the body is read: set by the build before lists are made (posts/plugin.ts).
        readingTime: null as ReadingTime | null,
      };
    });
}

export type Post = z.output<ReturnType<typeof makePostSchema>>;
export type Person = z.output<typeof person>;

export class FrontMatterError extends Error {
  override name = "FrontMatterError";
}

/** Finds the line of a top-level key in a file's front matter, so an error can point at it. */
function lineOfField(source: string, field: string): number | undefined {
  const lines = source.split("\n");
  const index = lines.findIndex((line) => line.startsWith(`${field}:`));
  return index >= 0 ? index + 1 : undefined;
}

/**
 * Validates one post's data. On failure, throws one error that lists every problem as
 * `file:line: field "name": what is wrong`.
 */
export function parsePost(data: unknown, file: string, timeZone: string, source = "", language = "en"): Post {
  const result = postSchema(timeZone, language).safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "(front matter)";
    const top = issue.path[0];
    const line = typeof top === "string" ? lineOfField(source, top) : undefined;
    return `${file}${line ? `:${line}` : ""}: field "${field}" ${issue.message}`;
  });
  throw new FrontMatterError(`Invalid front matter in ${file}\n${problems.join("\n")}`);
}
