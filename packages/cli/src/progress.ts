import type { MonthlyProgress, ReadProgress } from "@qiyue/reports";
import type { Io } from "./io.js";

export interface SplitProgress {
  onPlanned(total: number): void;
  onProgress(progress: MonthlyProgress): void;
  /** Ends the bar (also after a failure). */
  stop(): void;
}

/**
 * Progress of a split render on stderr: a bar on an interactive terminal (cli-progress, loaded
 * only then), otherwise one plain line per report written, which logs and CI keep readable.
 * stdout stays for the list of files.
 */
/** Where a bar is drawn: stderr, or in tests a stand-in terminal. */
export type BarStream = Pick<NodeJS.WriteStream, "write" | "isTTY" | "columns">;

export async function splitProgress(io: Io, stream: BarStream = process.stderr): Promise<SplitProgress> {
  if (!io.isTTY) {
    return {
      onPlanned: (total) => io.stderr(`共 ${total} 份报告\n`),
      onProgress: ({ done, total, group, files }) => io.stderr(`[${done}/${total}] ${group}：${files.join("、")}\n`),
      stop: () => {},
    };
  }
  const { default: progress } = await import("cli-progress");
  const bar = new progress.SingleBar(
    { stream: stream as NodeJS.WriteStream, format: "生成报告 [{bar}] {value}/{total}  {group}", hideCursor: true, clearOnComplete: false, barsize: 30 },
    progress.Presets.shades_classic,
  );
  let started = false;
  return {
    onPlanned: (total) => {
      bar.start(total, 0, { group: "" });
      started = true;
    },
    onProgress: ({ done, group }) => bar.update(done, { group }),
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

export interface ReadingProgress {
  onReading(progress: ReadProgress): void;
  /** Ends the bar (also after a failure). */
  stop(): void;
}

/** Below this much to read no bar is drawn: it would flash for well under a second. */
export const READING_BAR_MIN_BYTES = 32 * 1024 * 1024;

const MB = 1024 * 1024;

/**
 * Progress of reading work-order exports, on stderr: a bar in MB on an interactive terminal
 * when there is enough to read for it to matter, nothing otherwise (a log gets the result).
 * The bar is cleared when reading ends, so what follows starts on a clean line.
 */
export async function readingProgress(io: Io, stream: BarStream = process.stderr): Promise<ReadingProgress> {
  if (!io.isTTY) return { onReading: () => {}, stop: () => {} };
  const { default: progress } = await import("cli-progress");
  const bar = new progress.SingleBar(
    { stream: stream as NodeJS.WriteStream, format: "读取工单 [{bar}] {read}/{size} MB", hideCursor: true, clearOnComplete: true, barsize: 30 },
    progress.Presets.shades_classic,
  );
  let state: "waiting" | "shown" | "done" = "waiting";
  const stop = (): void => {
    if (state === "shown") bar.stop();
    state = "done";
  };
  return {
    onReading: ({ bytesRead, totalBytes }) => {
      if (state === "done") return;
      if (state === "waiting") {
        if (totalBytes < READING_BAR_MIN_BYTES) {
          state = "done";
          return;
        }
        bar.start(totalBytes, 0, { read: "0", size: (totalBytes / MB).toFixed(0) });
        state = "shown";
      }
      bar.update(bytesRead, { read: (bytesRead / MB).toFixed(0), size: (totalBytes / MB).toFixed(0) });
      if (bytesRead >= totalBytes) stop();
    },
    stop,
  };
}
