import { currentTurnIndex } from "../listening.ts";

/** Seconds at which a turn starts (estimated for turns without their own time). */
export const startOf = (turn: HTMLElement): number => Number(turn.dataset.start);

/** The transcript's turns on the page (`.turn` with `data-start` seconds, src/transcript/html.ts) and the one marked as being said. */
export class Turns {
  readonly elements: HTMLElement[];
  readonly #starts: number[];
  #current: HTMLElement | null = null;

  constructor(root: ParentNode) {
    this.elements = [...root.querySelectorAll<HTMLElement>(".transcript .turn")];
    this.#starts = this.elements.map(startOf);
  }

  get current(): HTMLElement | null {
    return this.#current;
  }

  /** The turn being said at `seconds` of the audio. */
  at(seconds: number): HTMLElement | undefined {
    return this.elements[currentTurnIndex(this.#starts, seconds)];
  }

  /** Marks `turn` as the one being said, for the eye and for assistive technology; true when that changed the mark. */
  mark(turn: HTMLElement): boolean {
    if (turn === this.#current) return false;
    if (this.#current) {
      this.#current.classList.remove("is-current");
      this.#current.removeAttribute("aria-current");
    }
    turn.classList.add("is-current");
    turn.setAttribute("aria-current", "true");
    this.#current = turn;
    return true;
  }
}

/** Brings `turn` to the top of the window, smoothly unless the reader asked for less motion. */
export function scrollToTurn(turn: HTMLElement, smooth: boolean): void {
  const reduced = matchMedia("(prefers-reduced-motion: reduce)").matches;
  turn.scrollIntoView({ block: "start", behavior: smooth && !reduced ? "smooth" : "auto" });
}

/** Shows the turn said at a moment a link opened (`#t=`): marked, at the top of the window. */
export function showMoment(turns: Turns, seconds: number): void {
  const turn = turns.at(seconds);
  if (!turn) return;
  turns.mark(turn);
  scrollToTurn(turn, false);
}

/**
 * Labels a button of a turn's head with words that narrow screens keep for assistive technology
 * only ("Play" shows, "Play from here" is read), so that the head stays one line on a phone.
 */
export function labelTurnButton(button: HTMLButtonElement, shown: string, more: string): void {
  const rest = document.createElement("span");
  rest.className = "more";
  rest.textContent = more;
  button.replaceChildren(shown, rest);
}
