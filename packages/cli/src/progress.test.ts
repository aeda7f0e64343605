import { describe, expect, it } from "vitest";
import { memoryIo } from "./io.js";
import { type BarStream, READING_BAR_MIN_BYTES, readingProgress, splitProgress } from "./progress.js";

/** A stand-in terminal that keeps what the bar draws. */
function terminal(): BarStream & { text: string } {
  const t = {
    text: "",
    isTTY: true as const,
    columns: 100,
    write(chunk: string | Uint8Array) {
      t.text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
      return true;
    },
  };
  return t as unknown as BarStream & { text: string };
}

const MB = 1024 * 1024;

describe("progress on stderr", () => {
  it("draws the reading bar in MB on a terminal and clears it when reading ends", async () => {
    const screen = terminal();
    const reading = await readingProgress({ ...memoryIo(), isTTY: true }, screen);
    const total = 400 * MB;
    for (const read of [0, 100 * MB, 250 * MB]) reading.onReading({ bytesRead: read, totalBytes: total });
    // the bar redraws on its own timer (10 times a second)
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(screen.text).toContain("读取工单 [");
    expect(screen.text).toContain("250/400 MB");
    reading.onReading({ bytesRead: total, totalBytes: total });
    const ended = screen.text.length;
    // done: later events and stop() draw nothing more
    reading.onReading({ bytesRead: total, totalBytes: total });
    reading.stop();
    expect(screen.text.length).toBe(ended);
    expect(screen.text).toContain("\x1B[2K"); // the line cleared
  });

  it("draws no reading bar when there is too little to read for it to matter, nor off a terminal", async () => {
    const screen = terminal();
    const small = await readingProgress({ ...memoryIo(), isTTY: true }, screen);
    small.onReading({ bytesRead: 0, totalBytes: READING_BAR_MIN_BYTES - 1 });
    small.onReading({ bytesRead: READING_BAR_MIN_BYTES - 1, totalBytes: READING_BAR_MIN_BYTES - 1 });
    small.stop();
    const io = memoryIo();
    const logged = await readingProgress(io, screen);
    logged.onReading({ bytesRead: 0, totalBytes: 10 * READING_BAR_MIN_BYTES });
    logged.stop();
    expect(screen.text).toBe("");
    expect(io.err).toBe("");
  });

  it("shows the split reports as a bar on a terminal, one line per report otherwise", async () => {
    const screen = terminal();
    const bar = await splitProgress({ ...memoryIo(), isTTY: true }, screen);
    bar.onPlanned(2);
    bar.onProgress({ done: 1, total: 2, group: "兴谷街道", files: ["a.pdf"] });
    bar.stop();
    expect(screen.text).toContain("1/2  兴谷街道");

    const io = memoryIo();
    const lines = await splitProgress(io);
    lines.onPlanned(2);
    lines.onProgress({ done: 1, total: 2, group: "兴谷街道", files: ["a.pdf"] });
    lines.stop();
    expect(io.err).toBe("共 2 份报告\n[1/2] 兴谷街道：a.pdf\n");
  });
});
