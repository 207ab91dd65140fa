import { Worker } from "node:worker_threads";
import type { SearchDocument } from "./documents.ts";
import type { SearchIndex } from "./pagefind.ts";

type Call = { method: "add"; documents: readonly SearchDocument[] } | { method: "write"; outputPath: string } | { method: "close" };
export type IndexRequest = Call & { id: number };

/**
 * A Pagefind index filled from a worker thread (index-worker.ts), so that Pagefind indexes the
 * documents given early while Eleventy goes on rendering. The worker keeps the process alive only
 * while a call is pending: a build that fails half-way still exits.
 */
export function openSearchIndexInWorker(language: string): SearchIndex {
  // Node 20 does not pass tsx's loader on to workers: the worker registers it, then loads its module.
  const start = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.resolve("./index-worker.ts"))}); })`;
  const worker = new Worker(start, { eval: true, workerData: { language } });
  const pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  let next = 0;
  let failure: Error | undefined;
  const settle = () => (pending.size ? worker.ref() : worker.unref());
  const fail = (error: Error) => {
    failure ??= error;
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
    settle();
  };
  worker.on("message", ({ id, error }: { id: number; error?: string }) => {
    const call = pending.get(id)!;
    pending.delete(id);
    settle();
    if (error) call.reject(new Error(error));
    else call.resolve();
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the search index's worker stopped (exit code ${code})`)));
  const call = (request: Call) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = next++;
      pending.set(id, { resolve, reject });
      settle();
      worker.postMessage({ ...request, id });
    });
  return {
    add: (documents) => call({ method: "add", documents }),
    write: (outputPath) => call({ method: "write", outputPath }),
    async close() {
      try {
        await call({ method: "close" });
      } finally {
        await worker.terminate();
      }
    },
  };
}
