/**
 * The thread that reads a monthly report's work orders, started before anything else is loaded:
 * its own start (loading the readers, about half a second) then overlaps the command's. Light on
 * purpose: the command line imports this module first (`@qiyue/reports/read-ahead`).
 */
import { Worker } from "node:worker_threads";
import { workerScript } from "./worker-script.js";

interface Prepared {
  worker: Worker;
  /** Set when the thread failed or ended before it was given the orders to read. */
  dead: boolean;
}

let prepared: Prepared | undefined;

/**
 * Starts the thread that will read the orders, to be handed the request later by
 * `renderDocument` (through `collectPeriodOffThread`). Until then it does not keep the
 * process alive: a command that stops before reading exits as it would have. Does nothing
 * when a thread is prepared already, or without the compiled worker script.
 */
export function prepareOrdersReading(): void {
  if (prepared !== undefined) return;
  const script = workerScript("read-worker");
  if (script === undefined) return;
  const entry: Prepared = { worker: new Worker(script, { workerData: { awaitRequest: true } }), dead: false };
  entry.worker.unref();
  // a thread that fails this early is replaced by a new one, which reports the failure itself
  entry.worker.on("error", () => {
    entry.dead = true;
  });
  entry.worker.on("exit", () => {
    entry.dead = true;
  });
  prepared = entry;
}

/** The prepared thread, once, ready to be given a request; undefined when none is prepared or it failed. */
export function takePreparedReader(): Worker | undefined {
  const entry = prepared;
  prepared = undefined;
  if (entry === undefined) return undefined;
  if (entry.dead) {
    void entry.worker.terminate();
    return undefined;
  }
  entry.worker.removeAllListeners();
  entry.worker.ref();
  return entry.worker;
}
