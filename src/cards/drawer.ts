import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CardPlan } from "./card.ts";

/** A card to draw: what its plan says, without its alt text (not drawn). */
export type DrawJob = Pick<CardPlan, "key" | "content" | "words" | "theme" | "fonts">;

export type DrawRequest = DrawJob & { id: number };

interface Queued {
  job: DrawJob;
  resolve(): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  current?: Queued & { id: number };
}

/**
 * As many threads as the machine has cores, up to four: a card is pure CPU work (more threads
 * than cores only take turns), and each thread holds its own satori, fonts and resvg (about
 * 200 MB). While the main thread renders pages they share the cores with it; once it is done
 * waiting for them, they have the machine.
 */
export const defaultDrawThreads = () => Math.max(1, Math.min(4, availableParallelism()));

/**
 * Draws cards into the cache on worker threads (draw-worker.ts), one card per thread at a time,
 * from a queue: the build asks for a card as it renders a page and goes on. Threads start when
 * the first card is asked for; an idle thread does not keep the process alive, so a build that
 * fails half-way still exits.
 */
export class CardDrawer {
  private readonly threads: Thread[] = [];
  private readonly queue: Queued[] = [];
  private next = 0;

  constructor(
    private readonly cacheDir: string,
    private readonly maxThreads = defaultDrawThreads(),
  ) {}

  /** Resolves once the card's PNG is in the cache. */
  draw(job: DrawJob): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      const thread = this.threads.find((candidate) => !candidate.current) ?? this.start();
      if (!thread) return;
      const queued = this.queue.shift()!;
      thread.current = { ...queued, id: this.next++ };
      thread.worker.ref();
      thread.worker.postMessage({ ...queued.job, id: thread.current.id } satisfies DrawRequest);
    }
  }

  private start(): Thread | undefined {
    if (this.threads.length >= this.maxThreads) return undefined;
    // Node 20 does not pass tsx's loader on to workers: the worker registers it, then loads its module.
    const start = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.resolve("./draw-worker.ts"))}); })`;
    const thread: Thread = { worker: new Worker(start, { eval: true, workerData: { cacheDir: this.cacheDir } }) };
    thread.worker.on("message", ({ id, error }: { id: number; error?: string }) => {
      const done = thread.current;
      if (!done || done.id !== id) return;
      thread.current = undefined;
      thread.worker.unref();
      if (error) done.reject(new Error(error));
      else done.resolve();
      this.pump();
    });
    const lost = (error: Error) => {
      this.threads.splice(this.threads.indexOf(thread), 1);
      thread.current?.reject(error);
      thread.current = undefined;
      this.pump();
    };
    thread.worker.on("error", lost);
    thread.worker.on("exit", (code) => {
      if (this.threads.includes(thread)) lost(new Error(`a thread drawing social cards stopped (exit code ${code})`));
    });
    this.threads.push(thread);
    return thread;
  }
}
