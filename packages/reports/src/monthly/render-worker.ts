/**
 * A worker thread of the split-report pool: warmed once (fonts parsed, template compiled,
 * charts library loaded), then renders one report per message and posts the bytes back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadTemplateDir } from "@qiyue/templating";
import { type RenderedReport, renderReport, warmReportRenderer } from "./render-report.js";
import type { JobMessage, ResultMessage, WorkerSetup } from "./pool.js";
import { serializeError } from "./thread-errors.js";

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
  const template = await loadTemplateDir(setup.templateDir);
  await warmReportRenderer(setup.context.formats, template.manifest.options.theme);
  const ctx = { ...setup.context, template };
  port.on("message", (message: JobMessage) => {
    renderReport(ctx, message.plan).then(
      (report) => {
        const { report: out, transfer } = transferable(report);
        port.postMessage({ id: message.id, report: out } satisfies ResultMessage, transfer);
      },
      (error: unknown) => port.postMessage({ id: message.id, error: serializeError(error) } satisfies ResultMessage),
    );
  });
  port.postMessage({ ready: true });
}

start().catch((error: unknown) => {
  port.postMessage({ id: -1, error: serializeError(error) } satisfies ResultMessage);
});
