/**
 * An episode with audio: the turn being said is marked as the player moves, "Follow along" keeps
 * it in view, every turn plays from its start, the player offers to resume where the listener
 * stopped, and a `#t=` link opens the player at its moment.
 */
import { formatTime } from "../../text/clock.ts";
import { fragmentSeconds, playFromName, resumeAt } from "../listening.ts";
import { say, type ScriptWords } from "../words.ts";
import { Follow } from "./follow.ts";
import { rememberPosition, savedPosition } from "./position.ts";
import { labelTurnButton, showMoment, startOf, type Turns } from "./turns.ts";

/** Moves the player to `seconds`, once it knows the file: a position set before that is lost. */
function seek(audio: HTMLAudioElement, seconds: number): void {
  if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) audio.currentTime = seconds;
  else audio.addEventListener("loadedmetadata", () => (audio.currentTime = seconds), { once: true });
}

/** Plays from `seconds`; false when the browser refused to play (no click or key press led here). */
function playFrom(audio: HTMLAudioElement, seconds: number): Promise<boolean> {
  seek(audio, seconds);
  return audio.play().then(
    () => true,
    () => false,
  );
}

/**
 * The one button beside the player that plays from a moment the reader did not choose on this
 * page: "Resume at 23:14", or "Play from 12:34" for a shared link (browsers do not let a page
 * start playing by itself). Gone once the audio plays.
 */
function offerButton(audio: HTMLAudioElement, words: ScriptWords) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "listen-offer";
  button.hidden = true;
  let seconds = 0;
  button.addEventListener("click", () => void playFrom(audio, seconds));
  audio.addEventListener("play", () => {
    // The focus would fall to the page's start with the button: the player is what it started.
    if (document.activeElement === button) audio.focus();
    button.hidden = true;
  });
  const show = (phrase: "player.resumeAt" | "player.playFrom", at: number) => {
    seconds = at;
    button.textContent = say(words, phrase, { time: formatTime(at) });
    button.hidden = false;
  };
  return { button, show };
}

function addPlayButton(turn: HTMLElement, play: () => void, words: ScriptWords): void {
  const time = turn.querySelector(".turn-time");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "play-from";
  labelTurnButton(button, words["player.play"], words["player.playMore"]);
  button.setAttribute(
    "aria-label",
    playFromName(
      time?.textContent?.trim() ?? "",
      turn.querySelector(".turn-speaker")?.textContent?.trim() ?? "",
      words,
    ),
  );
  button.addEventListener("click", play);
  time?.after(" ", button);
}

export function listen(audio: HTMLAudioElement, turns: Turns, words: ScriptWords): void {
  const offer = offerButton(audio, words);
  const controls = document.createElement("div");
  controls.className = "listen-controls";
  controls.append(offer.button);
  const follow = turns.elements.length ? new Follow(audio, turns, words) : null;
  if (follow) controls.append(follow.element);
  audio.after(controls);

  const markPlayerTurn = () => {
    const turn = turns.at(audio.currentTime);
    if (turn && turns.mark(turn)) follow?.keepInView();
  };
  for (const type of ["timeupdate", "seeking", "seeked"]) audio.addEventListener(type, markPlayerTurn);
  audio.addEventListener("playing", () => follow?.keepInView());

  for (const turn of turns.elements) {
    // Choosing a turn to listen from is choosing to follow from there (the seek marks it).
    const play = () => {
      follow?.set(true);
      void playFrom(audio, startOf(turn));
    };
    addPlayButton(turn, play, words);
    turn.querySelector(".turn-time")?.addEventListener("click", (event) => {
      event.preventDefault();
      history.replaceState(null, "", `#${turn.id}`);
      play();
    });
  }

  rememberPosition(audio);
  const moment = fragmentSeconds(location.hash);
  if (moment !== null) {
    showMoment(turns, moment);
    seek(audio, moment);
    offer.show("player.playFrom", moment);
  }
  const resume = resumeAt(savedPosition(), moment);
  if (resume !== null) {
    seek(audio, resume);
    offer.show("player.resumeAt", resume);
  }
  // A `#t=` link followed on the page (a chapter): the click lets it play.
  addEventListener("hashchange", () => {
    const seconds = fragmentSeconds(location.hash);
    if (seconds === null) return;
    showMoment(turns, seconds);
    void playFrom(audio, seconds).then((played) => played || offer.show("player.playFrom", seconds));
  });
}
