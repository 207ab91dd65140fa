/**
 * "Link to this moment" on every turn ("Share this moment" where it opens the system's share
 * sheet): a link that opens the page on the turn, and with audio starts the player there.
 */
import { momentHash, shareWay } from "../listening.ts";
import type { ScriptWords } from "../words.ts";
import { labelTurnButton, startOf } from "./turns.ts";

/** How this device shares a link (see shareWay): the buttons say it. */
const WAY = shareWay(navigator.canShare?.({ url: location.href }) ?? false, matchMedia("(pointer: coarse)").matches);
const label = (words: ScriptWords): [string, string] =>
  WAY === "share"
    ? [words["transcript.moment.share"], words["transcript.moment.shareMore"]]
    : [words["transcript.moment.link"], words["transcript.moment.linkMore"]];

/**
 * The turn's address: with audio its `#t=` moment (the player seeks there), without audio its
 * anchor. A search's `?highlight=` words stay out of what is shared.
 */
function momentUrl(turn: HTMLElement, withAudio: boolean): string {
  return `${location.origin}${location.pathname}${withAudio ? momentHash(startOf(turn)) : `#${turn.id}`}`;
}

export function addMomentButton(turn: HTMLElement, withAudio: boolean, words: ScriptWords): void {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-link";
  labelTurnButton(button, ...label(words));
  let reset: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    button.textContent = text;
    clearTimeout(reset);
    reset = setTimeout(() => labelTurnButton(button, ...label(words)), 2500);
  };
  button.addEventListener("click", () => void shareMoment(momentUrl(turn, withAudio), say, words));
  turn.querySelector(".turn-head")?.append(button);
}

/** Shares `url` the way the device does, and says what became of it. */
async function shareMoment(url: string, say: (text: string) => void, words: ScriptWords): Promise<void> {
  if (WAY === "share") {
    try {
      await navigator.share({ title: document.title, url });
      return;
    } catch (error) {
      // The reader closed the sheet: that is an answer. Any other failure falls back to copying.
      if (error instanceof DOMException && error.name === "AbortError") return;
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    say(words["transcript.moment.copied"]);
  } catch {
    // No clipboard (permission refused, an insecure origin): the address bar holds the link instead.
    history.replaceState(null, "", new URL(url).hash);
    say(words["transcript.moment.inAddressBar"]);
  }
}
