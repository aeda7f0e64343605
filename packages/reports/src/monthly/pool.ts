import { Worker } from "node:worker_threads";
import type { RenderedReport, ReportContext } from "./render-report.js";
import { reviveError } from "./revive-error.js";
import type { ThreadError } from "./thread-errors.js";
import type { MonthlyReportPlan } from "./view.js";

export { workerScript } from "./worker-script.js";

/** What every worker is started with: enough to load the template and render any group's report. */
export interface WorkerSetup {
  /** The template's folder. */
  templateDir: string;
  context: Omit<ReportContext, "template">;
}

export interface JobMessage {
  id: number;
  plan: MonthlyReportPlan;
}

export type ResultMessage = { id: number; report: RenderedReport } | { id: number; error: ThreadError };

/**
 * Worker threads that render monthly reports. Each is started (and warmed: fonts parsed,
 * template compiled, charts library loaded) as soon as the pool is made, so the warm-up
 * overlaps reading the orders. `run` hands out the reports one at a time to whichever worker
 * is free; results come back in completion order, each with its index.
 */
export class RenderPool {
  private readonly workers: Worker[];
  private readonly ready: Promise<void>[];

  constructor(size: number, setup: WorkerSetup, script: URL) {
    this.workers = Array.from({ length: size }, () => new Worker(script, { workerData: setup }));
    this.ready = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (message: { ready?: boolean; error?: ThreadError }) => {
            worker.off("message", onMessage);
            if (message.ready === true) resolve();
            else reject(message.error === undefined ? new Error("渲染线程未能启动") : reviveError(message.error));
          };
          worker.on("message", onMessage);
          worker.once("error", reject);
        }),
    );
    // A failed start is reported by `run`; until then it must not count as unhandled.
    for (const r of this.ready) r.catch(() => {});
  }

  get size(): number {
    return this.workers.length;
  }

  /** Renders every plan; `onReport` (awaited, e.g. writing the files) runs as each is done. */
  async run(plans: readonly MonthlyReportPlan[], onReport: (index: number, report: RenderedReport) => Promise<void>): Promise<void> {
    let next = 0;
    let failed = false;
    const serve = async (worker: Worker, ready: Promise<void>): Promise<void> => {
      await ready;
      while (!failed && next < plans.length) {
        const id = next++;
        const report = await new Promise<RenderedReport>((resolve, reject) => {
          const onMessage = (message: ResultMessage) => {
            if (message.id !== id) return;
            cleanup();
            if ("error" in message) reject(reviveError(message.error));
            else resolve(message.report);
          };
          const onError = (error: Error) => {
            cleanup();
            reject(error);
          };
          const onExit = (code: number) => {
            cleanup();
            reject(new Error(`渲染线程意外退出（退出码 ${code}）`));
          };
          const cleanup = () => {
            worker.off("message", onMessage);
            worker.off("error", onError);
            worker.off("exit", onExit);
          };
          worker.on("message", onMessage);
          worker.once("error", onError);
          worker.once("exit", onExit);
          worker.postMessage({ id, plan: plans[id]! } satisfies JobMessage);
        });
        await onReport(id, report);
      }
    };
    try {
      await Promise.all(
        this.workers.map((worker, i) =>
          serve(worker, this.ready[i]!).catch((e: unknown) => {
            failed = true;
            throw e;
          }),
        ),
      );
    } finally {
      await this.close();
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
