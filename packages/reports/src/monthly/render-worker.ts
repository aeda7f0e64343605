/**
 * A worker thread of the split-report pool: warmed once (fonts parsed, template compiled,
 * charts library loaded), then renders one report per message and posts the bytes back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { chartSvg } from "../charts/index.js";
import { warmUp } from "../render/index.js";
import { loadTemplate } from "../templates/catalog.js";
import { type RenderedReport, renderReport } from "./job.js";
import type { JobMessage, ResultMessage, WorkerSetup } from "./pool.js";

const setup = workerData as WorkerSetup;
const port = parentPort!;

function transferable(report: RenderedReport): { report: RenderedReport; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const files = report.files.map((file) => {
    if (typeof file.bytes === "string") return file;
    // A fresh buffer of its own: a view into a shared pool must never be transferred.
    const bytes = new Uint8Array(file.bytes.byteLength);
    bytes.set(file.bytes);
    transfer.push(bytes.buffer);
    return { ...file, bytes };
  });
  return { report: { ...report, files }, transfer };
}

async function start(): Promise<void> {
  warmUp();
  const template = await loadTemplate(setup.templateName, setup.templatesDir);
  await chartSvg("request-types", [{ label: "咨询", count: 1 }]);
  const ctx = { ...setup.context, template };
  port.on("message", (message: JobMessage) => {
    renderReport(ctx, message.plan).then(
      (report) => {
        const { report: out, transfer } = transferable(report);
        port.postMessage({ id: message.id, report: out } satisfies ResultMessage, transfer);
      },
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        const code = (e as { code?: unknown }).code;
        port.postMessage({
          id: message.id,
          error: { name: e.name, message: e.message, ...(typeof code === "string" ? { code } : {}), ...(e.stack ? { stack: e.stack } : {}) },
        } satisfies ResultMessage);
      },
    );
  });
  port.postMessage({ ready: true });
}

start().catch((error: unknown) => {
  const e = error instanceof Error ? error : new Error(String(error));
  port.postMessage({ id: -1, error: { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } } satisfies ResultMessage);
});
