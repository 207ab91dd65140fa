import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";

/**
 * YAML as authors write it, with dates kept as text: js-yaml's default schema would turn
 * `date: 2024-06-09` into midnight UTC, which is June 8 west of Greenwich.
 */
export function parseYaml(source: string): unknown {
  return load(source, { schema: CORE_SCHEMA });
}

export const frontMatterOptions = { engines: { yaml: parseYaml } };

export function readFrontMatter(source: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const parsed = matter(source, frontMatterOptions);
  const bodyStart = source.length - parsed.content.length;
  const bodyLine = source.slice(0, bodyStart).split("\n").length;
  return { data: parsed.data, body: parsed.content, bodyLine };
}
