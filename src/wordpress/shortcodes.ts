/**
 * WordPress shortcodes in a post's HTML, expanded into the HTML the rest of the conversion
 * reads: [caption] → <figure> with its <figcaption>, [embed] → an embed <figure>, [video] →
 * <video>, [audio] → <audio>. A shortcode nobody can rebuild here ([gallery], a plugin's)
 * stays as text with a warning, so nothing is lost.
 */

interface Shortcode {
  name: string;
  attributes: Map<string, string>;
  /** What stands between `[name]` and `[/name]`; null for a shortcode with no closing tag. */
  content: string | null;
}

// `[name attributes]`, `[name attributes /]` and WordPress's escaped `[[name]]`. A name starts
// with a letter, so a transcript's `[00:12:30]` is never a shortcode.
const OPENING = /\[(\[?)([A-Za-z][\w-]*)((?:\s[^[\]]*?)?)(\/?)\](\]?)/g;
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g;

const htmlAttribute = (value: string) => value.replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE))
    attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "");
  return attributes;
}

/** The first of the attributes present, else the address the content holds ([audio]https://…[/audio]). */
function mediaUrl({ attributes, content }: Shortcode, names: readonly string[]): string | null {
  for (const name of names) {
    const value = attributes.get(name)?.trim();
    if (value) return value;
  }
  return /https?:\/\/[^\s<>"\]]+/.exec(content ?? "")?.[0] ?? null;
}

/** WordPress's own split: an image (perhaps in a link), then the caption text. */
function caption({ attributes, content }: Shortcode): string | null {
  if (content === null) return null;
  const parts = /^\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
  const text = (attributes.get("caption") ?? parts?.[2] ?? "").trim();
  return `<figure class="wp-caption">${parts?.[1] ?? content}${text ? `<figcaption>${text}</figcaption>` : ""}</figure>`;
}

function embed({ content }: Shortcode): string | null {
  const url = (content ?? "").replace(/<[^>]*>/g, "").trim();
  return url
    ? `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${htmlAttribute(url)}</div></figure>`
    : null;
}

function video(shortcode: Shortcode): string | null {
  const url = mediaUrl(shortcode, ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"]);
  return url ? `<video src="${htmlAttribute(url)}"></video>` : null;
}

function audio(shortcode: Shortcode): string | null {
  const url = mediaUrl(shortcode, ["src", "mp3", "m4a", "ogg", "wav", "wma", "flac"]);
  return url ? `<audio src="${htmlAttribute(url)}"></audio>` : null;
}

/** Shortcodes rebuilt as HTML; null when the shortcode cannot be read, and is kept as text. */
const EXPANSIONS = new Map<string, (shortcode: Shortcode) => string | null>([
  ["caption", caption],
  ["wp_caption", caption],
  ["embed", embed],
  ["video", video],
  ["audio", audio],
]);

/** What an author should do about a known shortcode kept as text. */
const ADVICE = new Map([
  ["gallery", "rebuild the gallery with Markdown images"],
  ["playlist", "rebuild the playlist as links to its files"],
]);

/** Text in brackets is a shortcode of some plugin only when it reads like one: attributes, `/]` or a closing tag. */
function looksLikeShortcode(shortcode: Shortcode, rawAttributes: string, selfClosing: string): boolean {
  return (
    EXPANSIONS.has(shortcode.name) ||
    ADVICE.has(shortcode.name) ||
    rawAttributes.includes("=") ||
    selfClosing !== "" ||
    shortcode.content !== null
  );
}

function keptWarning(tag: string, name: string): string {
  const shown = tag.length > 80 ? `${tag.slice(0, 79)}…]` : tag;
  return `The shortcode ${shown} was kept as text: ${ADVICE.get(name) ?? "WordPress showed something else there (a plugin's output): rewrite it or remove it"}.`;
}

/** The HTML with the shortcodes expanded; what an author must look at is added to `warnings`. */
export function expandShortcodes(html: string, warnings: string[]): string {
  const opening = new RegExp(OPENING.source, "g");
  let output = "";
  let copied = 0;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    const [tag, escapeOpen, name = "", rawAttributes = "", selfClosing = "", escapeClose] = match;
    const closing = `[/${name}]`;
    const closeAt = selfClosing ? -1 : html.indexOf(closing, opening.lastIndex);
    const shortcode: Shortcode = {
      name,
      attributes: parseAttributes(rawAttributes),
      content: closeAt >= 0 ? html.slice(opening.lastIndex, closeAt) : null,
    };
    let replacement: string | null = null;
    let end = opening.lastIndex;
    if (escapeOpen && escapeClose) replacement = tag.slice(1, -1);
    else if (looksLikeShortcode(shortcode, rawAttributes, selfClosing)) {
      replacement = EXPANSIONS.get(name)?.(shortcode) ?? null;
      if (replacement === null) warnings.push(keptWarning(tag, name));
      else if (shortcode.content !== null) end = closeAt + closing.length;
    }
    if (replacement === null) continue;
    output += html.slice(copied, match.index) + replacement;
    copied = end;
    opening.lastIndex = end;
  }
  return output + html.slice(copied);
}
