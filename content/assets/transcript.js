// Transcript moments: a "Link to this moment" button on each turn and, where the episode has
// audio, times that seek the player, and Media Fragments (#t=754, #t=00:12:34) on arrival.
// Without this script every time is still a plain link to its turn.

const audio = document.getElementById("episode-audio");
const turns = [...document.querySelectorAll(".transcript .turn")];

/** Seconds from a Media Fragments time: "754", "754.5", "12:34", "00:12:34", "npt:754". */
function fragmentSeconds(hash) {
  const match = /^#t=(?:npt:)?([\d:.]+)/.exec(hash);
  if (!match) return null;
  const parts = match[1].split(":").map(Number);
  if (parts.some(Number.isNaN) || parts.length > 3) return null;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

function turnAt(seconds) {
  let found = turns[0];
  for (const turn of turns) if (Number(turn.dataset.start) <= seconds) found = turn;
  return found;
}

function markCurrent(turn) {
  for (const other of turns) other.classList.toggle("is-current", other === turn);
}

function seek(seconds, play) {
  if (!audio) return;
  const apply = () => {
    audio.currentTime = seconds;
    if (play) audio.play().catch(() => {});
  };
  if (audio.readyState >= 1) apply();
  else audio.addEventListener("loadedmetadata", apply, { once: true });
}

for (const turn of turns) {
  const head = turn.querySelector(".turn-head");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-link";
  button.textContent = "Link to this moment";
  button.addEventListener("click", async () => {
    const url = new URL(`#${turn.id}`, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      button.textContent = "Link copied";
    } catch {
      history.replaceState(null, "", `#${turn.id}`);
      button.textContent = "Link in the address bar";
    }
    setTimeout(() => (button.textContent = "Link to this moment"), 2500);
  });
  head.append(button);

  if (audio) {
    turn.querySelector(".turn-time").addEventListener("click", (event) => {
      event.preventDefault();
      history.replaceState(null, "", `#${turn.id}`);
      markCurrent(turn);
      seek(Number(turn.dataset.start), true);
    });
  }
}

function arrive() {
  const seconds = fragmentSeconds(location.hash);
  if (seconds === null || turns.length === 0) return;
  const turn = turnAt(seconds);
  markCurrent(turn);
  turn.scrollIntoView({ block: "start" });
  seek(seconds, false);
}

arrive();
window.addEventListener("hashchange", arrive);
