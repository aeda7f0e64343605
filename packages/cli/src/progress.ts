import type { MonthlyProgress } from "@qiyue/reports";
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
export async function splitProgress(io: Io): Promise<SplitProgress> {
  if (!io.isTTY) {
    return {
      onPlanned: (total) => io.stderr(`共 ${total} 份报告\n`),
      onProgress: ({ done, total, group, files }) => io.stderr(`[${done}/${total}] ${group}：${files.join("、")}\n`),
      stop: () => {},
    };
  }
  const { default: progress } = await import("cli-progress");
  const bar = new progress.SingleBar(
    { stream: process.stderr, format: "生成报告 [{bar}] {value}/{total}  {group}", hideCursor: true, clearOnComplete: false, barsize: 30 },
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
