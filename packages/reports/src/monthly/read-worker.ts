/**
 * A worker thread that reads one period's work-order exports (collectPeriod) and posts the
 * figures back, so the thread that started it can get ready to render meanwhile. With
 * `progress`, it also posts how far it has read, at most every 100 ms.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type CollectRequest, collectPeriod, type ReadProgress } from "./collect.js";
import { serializeError } from "./thread-errors.js";

const port = parentPort!;
type Job = { request: CollectRequest; progress: boolean };

const INTERVAL_MS = 100;
let last = 0;
const onProgress = (read: ReadProgress): void => {
  const now = performance.now();
  if (now - last < INTERVAL_MS && read.bytesRead < read.totalBytes) return;
  last = now;
  port.postMessage({ progress: read });
};

function readOrders({ request, progress }: Job): void {
  collectPeriod(progress ? { ...request, onProgress } : request).then(
    (collected) => port.postMessage({ collected }),
    (error: unknown) => port.postMessage({ error: serializeError(error) }),
  );
}

// Started ahead of the request (see read-ahead.ts), the thread waits for it; else it was given it.
const given = workerData as Job | { awaitRequest: true };
if ("awaitRequest" in given) port.once("message", readOrders);
else readOrders(given);
