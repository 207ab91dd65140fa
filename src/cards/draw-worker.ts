/**
 * A thread that draws cards (drawer.ts) into the cache, one at a time: satori and resvg take
 * some 40 ms of CPU a card, which the build's main thread, busy rendering pages, cannot spare.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CardCache } from "./cache.ts";
import { planTree } from "./card.ts";
import type { DrawRequest } from "./drawer.ts";
import { drawCard } from "./render.ts";

const cache = new CardCache((workerData as { cacheDir: string }).cacheDir);

parentPort!.on("message", async (request: DrawRequest) => {
  try {
    cache.write(request.key, await drawCard(planTree(request), request.fonts));
    parentPort!.postMessage({ id: request.id });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).stack ?? String(error) });
  }
});
