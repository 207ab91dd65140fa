/**
 * The episode page's script, bundled into /assets/transcript.js: "Link to this moment" on every
 * turn, and `#t=` moments (#t=754, #t=00:12:34) marked on arrival; with audio, the listening
 * (player.ts). Without it every time is still a plain link to its turn, and the player a player.
 */
import { fragmentSeconds } from "../listening.ts";
import { pageWords } from "../words.ts";
import { addMomentButton } from "./moments.ts";
import { listen } from "./player.ts";
import { showMoment, Turns } from "./turns.ts";

const audio = document.querySelector<HTMLAudioElement>("audio#episode-audio");
const turns = new Turns(document);
// The page's words when it is not in English (layouts/post.njk).
const words = pageWords(document.getElementById("transcript-words")?.textContent);

if (audio) listen(audio, turns, words);
for (const turn of turns.elements) addMomentButton(turn, audio !== null, words);

if (!audio) {
  const arrive = () => {
    const seconds = fragmentSeconds(location.hash);
    if (seconds !== null) showMoment(turns, seconds);
  };
  arrive();
  addEventListener("hashchange", arrive);
}
