import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IndexQueue } from "../../src/search/index-queue.ts";

/** A task that records its steps, and whose work lasts until `finish` is called. */
function task(name: string, log: string[]) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    finish: () => finish(),
    run: async (superseded: () => boolean) => {
      log.push(`${name} takes in its pages`);
      if (superseded()) {
        log.push(`${name} skipped`);
        return;
      }
      log.push(`${name} indexing`);
      await done;
      log.push(`${name} written`);
    },
  };
}

describe("the search indexes of npm start, one after another", () => {
  it("runs them in order, one at a time", async () => {
    const log: string[] = [];
    const queue = new IndexQueue();
    const first = task("first", log);
    const running = queue.push(first.run);
    await Promise.resolve();
    assert.deepEqual(log, ["first takes in its pages", "first indexing"]);
    first.finish();
    await running;
    const second = task("second", log);
    second.finish();
    await queue.push(second.run);
    assert.deepEqual(log, [
      "first takes in its pages",
      "first indexing",
      "first written",
      "second takes in its pages",
      "second indexing",
      "second written",
    ]);
  });

  it("skips the work of an index still waiting when a newer one is queued, never the newest", async () => {
    const log: string[] = [];
    const queue = new IndexQueue();
    const [first, second, third] = [task("first", log), task("second", log), task("third", log)];
    const runs = [queue.push(first.run)];
    await new Promise((resolve) => setImmediate(resolve));
    // Saved twice more while the first index is being written.
    runs.push(queue.push(second.run), queue.push(third.run));
    first.finish();
    third.finish();
    await Promise.all(runs);
    assert.deepEqual(log, [
      "first takes in its pages",
      "first indexing",
      "first written",
      "second takes in its pages",
      "second skipped",
      "third takes in its pages",
      "third indexing",
      "third written",
    ]);
  });

  it("skips every waiting index but the newest, the one first in line too", async () => {
    const log: string[] = [];
    const queue = new IndexQueue();
    const [first, second] = [task("first", log), task("second", log)];
    second.finish();
    await Promise.all([queue.push(first.run), queue.push(second.run)]);
    assert.deepEqual(log, [
      "first takes in its pages",
      "first skipped",
      "second takes in its pages",
      "second indexing",
      "second written",
    ]);
  });

  it("goes on after a task that failed", async () => {
    const queue = new IndexQueue();
    const failed = queue.push(async () => {
      throw new Error("Pagefind could not write");
    });
    await assert.rejects(failed, /Pagefind could not write/);
    let ran = false;
    await queue.push(async () => {
      ran = true;
    });
    assert.ok(ran);
  });
});
