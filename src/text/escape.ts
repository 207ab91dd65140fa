/**
 * Escaping text for HTML, XML and regular expressions: the one copy the build, the importer and
 * the browser scripts share. Pure functions, no Eleventy, no Node modules.
 */

/** Text between tags (HTML, WebVTT cue text, a Markdown heading): & < > only, quotes as they are. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text anywhere in HTML, a quoted attribute value too: & < > " and ' (as `&#39;`). */
export function escapeHtml(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Characters XML 1.0 forbids even escaped (C0 controls other than tab, line feed, carriage return; U+FFFE, U+FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an XML element or attribute value: the forbidden characters dropped, & < > " and ' (as `&apos;`) escaped. */
export function escapeXml(text: string): string {
  return escapeText(text.replace(XML_FORBIDDEN, "")).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** `text` matched literally inside a regular expression (with or without the `u` flag). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
