/**
 * "Follow along": while the audio plays and following is on, the page keeps the turn being said in
 * view. It is on when the page opens. Scrolling by hand while the audio plays turns it off (the
 * reader went to read something else), and says so; the switch turns it on again.
 */
import type { ScriptWords } from "../words.ts";
import { scrollToTurn, type Turns } from "./turns.ts";

/** Keys that scroll the page, unless an element that uses them itself has the focus. */
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);
const USES_KEYS = "input, textarea, select, button, audio, video, [contenteditable]";

export class Follow {
  readonly element: HTMLElement;
  readonly #switch: HTMLButtonElement;
  readonly #status: HTMLElement;
  #on = true;

  constructor(
    readonly audio: HTMLAudioElement,
    readonly turns: Turns,
    readonly words: ScriptWords,
  ) {
    this.#switch = document.createElement("button");
    this.#switch.type = "button";
    this.#switch.className = "follow-switch";
    this.#switch.textContent = words["player.follow"];
    this.#switch.addEventListener("click", () => {
      this.set(!this.#on);
      // Turned on by hand: back to the turn being said, even while paused.
      if (this.#on && this.turns.current) scrollToTurn(this.turns.current, true);
    });
    this.#status = document.createElement("span");
    this.#status.className = "follow-status";
    this.#status.setAttribute("role", "status");
    this.element = document.createElement("span");
    this.element.className = "follow";
    this.element.append(this.#switch, this.#status);
    this.set(true);
    this.#watchManualScrolls();
  }

  /** Turns following on or off, saying why when the reader did not ask. */
  set(on: boolean, why = ""): void {
    this.#on = on;
    this.#switch.setAttribute("aria-pressed", String(on));
    this.#status.textContent = why;
  }

  /** Called when the turn being said changes or the audio starts: the page follows only while it plays. */
  keepInView(): void {
    if (this.#on && !this.audio.paused && this.turns.current) scrollToTurn(this.turns.current, true);
  }

  /**
   * Wheel, touch, scrolling keys and the scroll bar are the reader's own scrolls; the script's
   * scrolls fire none of them, so they never turn following off.
   */
  #watchManualScrolls(): void {
    const stop = () => {
      if (!this.#on || this.audio.paused) return;
      this.set(false, this.words["player.stoppedFollowing"]);
      // The reader's scroll wins over one the page may still be making.
      scrollTo({ top: scrollY, behavior: "instant" });
    };
    addEventListener("wheel", stop, { passive: true });
    addEventListener("touchmove", stop, { passive: true });
    addEventListener("keydown", (event) => {
      if (SCROLL_KEYS.has(event.key) && !(event.target instanceof Element && event.target.closest(USES_KEYS))) stop();
    });
    addEventListener("pointerdown", (event) => {
      const root = document.documentElement;
      if (event.target === root && event.clientX >= root.clientWidth) stop();
    });
  }
}
