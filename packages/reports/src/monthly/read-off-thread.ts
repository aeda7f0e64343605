import { Worker } from "node:worker_threads";
import { type Collected, type CollectRequest, collectPeriod, type ReadProgress } from "./collect.js";
import { takePreparedReader } from "./read-ahead.js";
import { workerScript } from "./worker-script.js";
import { reviveError } from "./revive-error.js";
import type { ThreadError } from "./thread-errors.js";

type ReadMessage = { collected: Collected } | { error: ThreadError } | { progress: ReadProgress };

/**
 * `collectPeriod` on a worker thread: the same figures (plain data) or the same error, while
 * this thread is free for other work, such as getting the renderer ready. `onProgress` is
 * called here, at most every 100 ms. Without the
 * compiled worker script (running from the TypeScript sources), it reads here.
 */
export async function collectPeriodOffThread(request: CollectRequest): Promise<Collected> {
  const { onProgress, ...plain } = request;
  const job = { request: plain, progress: onProgress !== undefined };
  // the thread the command line started first, when it did (see prepareOrdersReading)
  let worker = takePreparedReader();
  if (worker !== undefined) worker.postMessage(job);
  else {
    const script = workerScript("read-worker");
    if (script === undefined) return collectPeriod(request);
    worker = new Worker(script, { workerData: job });
  }
  try {
    return await new Promise<Collected>((resolve, reject) => {
      worker.on("message", (message: ReadMessage) => {
        if ("progress" in message) onProgress?.(message.progress);
        else if ("error" in message) reject(reviveError(message.error));
        else resolve(message.collected);
      });
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`读取线程意外退出（退出码 ${code}）`)));
    });
  } finally {
    await worker.terminate();
  }
}
