/**
 * Where the listener stopped, per episode, in the browser's own localStorage (nothing leaves the
 * browser). Storage can refuse (private modes, a full quota, storage turned off): the position is
 * then simply not remembered.
 */
import { isFinished, positionKey, readPosition, SAVE_EVERY_MS, type SavedPosition } from "../listening.ts";

const key = () => positionKey(location.pathname);

export function savedPosition(): SavedPosition | null {
  try {
    return readPosition(localStorage.getItem(key()));
  } catch {
    return null;
  }
}

function store(position: SavedPosition | null): void {
  try {
    if (position) localStorage.setItem(key(), JSON.stringify(position));
    else localStorage.removeItem(key());
  } catch {
    // Not remembered, as when storage is off.
  }
}

/**
 * Saves the position on pause, when the page is hidden or left, and every few seconds while the
 * audio plays; forgets it once the episode is finished. Only once the audio has played on this
 * visit: a page opened at a shared moment, or offering to resume, has moved the player without
 * the listener hearing anything.
 */
export function rememberPosition(audio: HTMLAudioElement): void {
  let played = false;
  let savedAt = 0;
  const save = () => {
    if (!played) return;
    savedAt = Date.now();
    const duration = Number.isFinite(audio.duration) ? audio.duration : null;
    store(isFinished(audio.currentTime, duration) ? null : { position: audio.currentTime, duration });
  };
  audio.addEventListener("play", () => (played = true));
  audio.addEventListener("timeupdate", () => {
    if (!audio.paused && Date.now() - savedAt >= SAVE_EVERY_MS) save();
  });
  audio.addEventListener("pause", save);
  audio.addEventListener("ended", () => {
    // Finished: nothing to resume, until the audio plays again.
    played = false;
    store(null);
  });
  addEventListener("pagehide", save);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") save();
  });
}
