import type { Cell } from "./cell.js";

/** Rows of one sheet or CSV file, delivered in batches to keep per-row overhead low. */
export interface RowBatch {
  /** Row numbers as a spreadsheet user counts them (first line = 1). */
  readonly rowNumbers: readonly number[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
}

export interface RowSource {
  /** Encoding detected or used ("utf8", "utf8-bom", "gbk"); null for spreadsheets. */
  readonly encoding: TextEncodingName | null;
  batches(): AsyncGenerator<RowBatch, void, undefined>;
}

export type TextEncodingName = "utf8" | "utf8-bom" | "gbk";

/** The part of an object-mode Readable the drain uses. */
export interface ObjectReadable {
  read(): unknown;
  on(event: string, listener: (...args: never[]) => void): unknown;
  destroy(error?: Error): unknown;
  readonly destroyed: boolean;
}

/**
 * Drains an object-mode readable in batches without one promise per record. The
 * stream is destroyed when the consumer stops early; a stream error is rethrown
 * through `wrapError`.
 */
export async function* drainInBatches<T>(
  stream: ObjectReadable,
  batchSize: number,
  wrapError: (error: Error) => unknown,
): AsyncGenerator<T[], void, undefined> {
  let wake: (() => void) | null = null;
  let ended = false;
  let failure: Error | undefined;
  const wakeUp = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on("readable", wakeUp);
  stream.on("end", () => {
    ended = true;
    wakeUp();
  });
  stream.on("error", (error: Error) => {
    failure ??= error;
    wakeUp();
  });
  stream.on("close", wakeUp);
  let finished = false;
  try {
    for (;;) {
      if (failure !== undefined) throw wrapError(failure);
      const batch: T[] = [];
      let item: T | null = null;
      while (batch.length < batchSize && (item = stream.read() as T | null) !== null) batch.push(item);
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (ended) {
        finished = true;
        return;
      }
      if (stream.destroyed) {
        // Closed without an error event of its own: wait one turn for a late error.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (failure !== undefined) throw wrapError(failure);
        throw wrapError(new Error("stream closed before its end"));
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    if (!finished) stream.destroy();
  }
}
