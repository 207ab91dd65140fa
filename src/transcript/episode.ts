import { z } from "zod";
import type { Post } from "../posts/schema.ts";
import { parseTranscript, type Diagnostic, type ParsedTranscript } from "./parse.ts";

/** The front matter of an episode's `transcript.md`. */
export const transcriptFrontMatterSchema = z.object({
  /** The transcript's heading on the page; without one, the page's language says "Transcript" (`transcript.heading`). */
  heading: z.string({ error: "must be text" }).trim().min(1).optional(),
  speakers: z.record(z.string(), z.string({ error: "must be the speaker's full name" }), {
    error: "is required: map each label used in the transcript to a full name, e.g. Maria: Maria Bracho",
  }),
});

export interface EpisodeTranscript extends ParsedTranscript {
  heading: string | undefined;
  file: string;
}

/**
 * Reads an episode's transcript (front matter already split from the body): checks the
 * front matter, that every speaker is the episode's host or one of its guests, and parses the turns.
 */
export function readEpisodeTranscript(
  input: { data: unknown; body: string; bodyLine: number },
  file: string,
  post: Post,
): EpisodeTranscript {
  const result = transcriptFrontMatterSchema.safeParse(input.data);
  if (!result.success) {
    const diagnostics: Diagnostic[] = result.error.issues.map((issue) => ({
      file,
      line: 1,
      severity: "error",
      message: `${file}:1: field "${issue.path.join(".")}" ${issue.message}`,
    }));
    return { heading: undefined, file, turns: [], end: 0, diagnostics };
  }
  const { heading, speakers } = result.data;
  const people = [post.host?.name, ...post.guests.map((g) => g.name)].filter((n): n is string => Boolean(n));
  const parsed = parseTranscript(input.body, { file, firstLine: input.bodyLine, speakers });
  const unknown: Diagnostic[] = Object.entries(speakers)
    .filter(([, name]) => name.trim() && !people.includes(name.trim()))
    .map(([label, name]) => ({
      file,
      line: 1,
      severity: "error",
      message: `${file}:1: speaker "${label}" is "${name}", who is neither the host nor a guest of this episode (${people.join(", ")}). Fix the name or add the guest to the episode's front matter.`,
    }));
  return { ...parsed, heading, file, diagnostics: [...unknown, ...parsed.diagnostics] };
}
