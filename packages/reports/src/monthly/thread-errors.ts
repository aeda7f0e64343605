/**
 * Errors crossing from a worker thread, the worker's side: what a thrown error becomes for
 * `postMessage`. Light on purpose (a worker loads it before anything else): the classes to
 * revive errors as are loaded only by the thread that started the worker (revive-error.ts).
 */
import { UserError } from "@qiyue/contract-model/errors";

/** An error as it crosses from a worker thread: its class by name and its own fields. */
export interface ThreadError {
  kind: "user" | "file-system" | "internal";
  name: string;
  message: string;
  stack?: string;
  /** Own enumerable fields (code, issues, file, row, column, value, path…), all plain data. */
  fields: Record<string, unknown>;
}

function plainFields(e: object): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    try {
      fields[key] = structuredClone(value);
    } catch {
      // a field that cannot cross (a function, a cause holding one) is left behind
    }
  }
  return fields;
}

/** Prepares an error thrown in a worker thread for `postMessage`. */
export function serializeError(error: unknown): ThreadError {
  const e = error instanceof Error ? error : new Error(String(error));
  const fields = plainFields(e);
  const kind =
    e instanceof UserError ? "user" : typeof fields.code === "string" && typeof fields.syscall === "string" ? "file-system" : "internal";
  return { kind, name: e.name, message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }), fields };
}
