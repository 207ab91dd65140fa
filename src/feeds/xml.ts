import { escapeXml } from "../text/escape.ts";

/** An element with escaped text content; attributes escaped too. */
export function element(
  name: string,
  text: string | number,
  attributes: Record<string, string | number | undefined> = {},
): string {
  return `<${name}${attrs(attributes)}>${escapeXml(String(text))}</${name}>`;
}

/** An element around already-written XML children. */
export function wrap(
  name: string,
  children: string,
  attributes: Record<string, string | number | undefined> = {},
): string {
  return `<${name}${attrs(attributes)}>${children}</${name}>`;
}

export function empty(name: string, attributes: Record<string, string | number | undefined>): string {
  return `<${name}${attrs(attributes)}/>`;
}

function attrs(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
}
