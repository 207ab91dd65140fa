import { parentPort, workerData } from "node:worker_threads";
import { openSearchIndex } from "./pagefind.ts";
import type { IndexRequest } from "./worker.ts";

// Pagefind's Node API talks to its binary through pipes, which the main thread does not read
// while Eleventy renders (one long chain of promises): here, the binary is fed while it renders.
const opened = openSearchIndex((workerData as { language: string }).language);
let queue: Promise<void> = Promise.resolve();

parentPort!.on("message", (request: IndexRequest) => {
  queue = queue.then(async () => {
    try {
      const index = await opened;
      if (request.method === "add") await index.add(request.documents);
      else if (request.method === "write") await index.write(request.outputPath);
      else await index.close();
      parentPort!.postMessage({ id: request.id });
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
