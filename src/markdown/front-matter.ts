import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";

/**
 * YAML as authors write it, with dates kept as text: js-yaml's default schema would turn
 * `date: 2024-06-09` into midnight UTC, which is June 8 west of Greenwich.
 */
export function parseYaml(source: string): Record<string, unknown> {
  const data = load(source, { schema: CORE_SCHEMA });
  return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** Front matter and body of a Markdown file (a post, a transcript, a page, a template), as our own tools read it. */
export function readFrontMatter(source: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const parsed = matter(source, { engines: { yaml: parseYaml } });
  const bodyStart = source.length - parsed.content.length;
  const bodyLine = source.slice(0, bodyStart).split("\n").length;
  return { data: parsed.data, body: parsed.content, bodyLine };
}
