/**
 * Semantic HTML for a parsed transcript. No inline JS or CSS; every string
 * from the transcript (names, text, URLs) is escaped (& < > " ').
 *
 * <div class="turn" id="turn-12" data-start="754.2">
 *   <p class="turn-head"><a class="turn-speaker" href="/people/maria-bracho/">Maria Bracho</a> <a class="turn-time" href="#turn-12"><time datetime="PT12M34S">12:34</time></a></p>
 *   <p>paragraph text… <time class="mark" datetime="PT1M">[00:01:00]</time> more text</p>
 * </div>
 *
 * The head shows the explicit start mark when the turn has one, otherwise
 * the estimate as `~12:34` with `title="estimated"` (in the episode's language: `estimated`).
 */
import { formatTime, isoDuration } from "../text/clock.ts";
import { escapeHtml } from "../text/escape.ts";
import { formatMark, type Inline, type ParsedTranscript, type Turn } from "./parse.ts";

export interface RenderOptions {
  /** URL of a person's page, from the full name. */
  personUrl(name: string): string;
  /** The title of an estimated time, in the page's language ("estimated", "estimé"); "estimated" when not given. */
  estimated?: string;
}

function renderInline(inline: Inline): string {
  if (inline.kind === "text") return escapeHtml(inline.text);
  return `<time class="mark" datetime="${isoDuration(inline.seconds)}">${formatMark(inline.seconds)}</time>`;
}

function renderTurn(turn: Turn, options: RenderOptions): string {
  const id = escapeHtml(turn.id);
  const seconds = turn.start ?? turn.estimatedStart;
  const time =
    turn.start !== null
      ? `<time datetime="${isoDuration(seconds)}">${formatTime(seconds)}</time>`
      : `<time datetime="${isoDuration(seconds)}" title="${escapeHtml(options.estimated ?? "estimated")}">~${formatTime(seconds)}</time>`;
  const head =
    `<p class="turn-head"><a class="turn-speaker" href="${escapeHtml(options.personUrl(turn.speaker))}">${escapeHtml(turn.speaker)}</a>` +
    ` <a class="turn-time" href="#${id}">${time}</a></p>`;
  const paragraphs = turn.paragraphs.filter((p) => p.length > 0).map((p) => `  <p>${p.map(renderInline).join("")}</p>`);
  const dataStart = String(Math.round(turn.estimatedStart * 1000) / 1000);
  return [`<div class="turn" id="${id}" data-start="${dataStart}">`, `  ${head}`, ...paragraphs, `</div>`].join("\n");
}

/** All turns, in order, as `<div class="turn">` blocks separated by newlines. */
export function renderTranscriptHtml(t: ParsedTranscript, options: RenderOptions): string {
  return t.turns.map((turn) => renderTurn(turn, options)).join("\n");
}
