/**
 * The search indexes that `npm start` makes, one after another. Each save queues one, and making
 * one takes seconds (about 5 s at 1,000 posts): saved faster than that, as an editor's autosave does,
 * they would pile up, each out of date before it starts. A task still waiting when a newer one
 * is queued is told so and can skip its work; the newest one always runs.
 */
export class IndexQueue {
  #tail: Promise<void> = Promise.resolve();
  #queued = 0;

  /** Runs `task` after the tasks queued before it; `superseded()` is true once a newer one is queued. */
  push(task: (superseded: () => boolean) => Promise<void>): Promise<void> {
    const number = ++this.#queued;
    const run = this.#tail.then(() => task(() => number !== this.#queued));
    // One task failing does not stop the ones after it.
    this.#tail = run.catch(() => undefined);
    return run;
  }
}
