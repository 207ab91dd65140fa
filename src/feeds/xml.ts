/** Characters XML 1.0 forbids even escaped (C0 controls other than tab, line feed, carriage return). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an XML element or attribute value. */
export function xml(text: string | number): string {
  return String(text)
    .replace(FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An element with escaped text content; attributes escaped too. */
export function element(name: string, text: string | number, attributes: Record<string, string | number | undefined> = {}): string {
  return `<${name}${attrs(attributes)}>${xml(text)}</${name}>`;
}

/** An element around already-written XML children. */
export function wrap(name: string, children: string, attributes: Record<string, string | number | undefined> = {}): string {
  return `<${name}${attrs(attributes)}>${children}</${name}>`;
}

export function empty(name: string, attributes: Record<string, string | number | undefined>): string {
  return `<${name}${attrs(attributes)}/>`;
}

function attrs(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${xml(value!)}"`)
    .join("");
}
