/**
 * A worker thread that reads one period's work-order exports (collectPeriod) and posts the
 * figures back, so the thread that started it can get ready to render meanwhile.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type CollectRequest, collectPeriod } from "./collect.js";
import { serializeError } from "./thread-errors.js";

const port = parentPort!;

collectPeriod(workerData as CollectRequest).then(
  (collected) => port.postMessage({ collected }),
  (error: unknown) => port.postMessage({ error: serializeError(error) }),
);
