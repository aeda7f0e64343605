import { ContractLoadError, UserError } from "@qiyue/contract-model/errors";
import { HotlineConfigError } from "@qiyue/hotline";
import { HotlineIngestError } from "@qiyue/hotline";
import { MonthlyReportError } from "./errors.js";
import { RenderError } from "@qiyue/document";
import { TemplateError } from "@qiyue/templating";

/** An error as it crosses from a worker thread: its class by name and its own fields. */
export interface ThreadError {
  kind: "user" | "file-system" | "internal";
  name: string;
  message: string;
  stack?: string;
  /** Own enumerable fields (code, issues, file, row, column, value, path…), all plain data. */
  fields: Record<string, unknown>;
}

/** The user-error classes a worker may throw, revived as themselves (so callers can still tell them apart). */
const USER_ERRORS: Record<string, { prototype: object }> = {
  UserError,
  ContractLoadError,
  HotlineConfigError,
  HotlineIngestError,
  MonthlyReportError,
  RenderError,
  TemplateError,
};

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

/**
 * The error again, on the thread that started the worker: a user's mistake as its own class
 * (with code, issues, file, row and column), a file-system error with its code and path, a
 * bug as an Error with the worker's stack.
 */
export function reviveError(thrown: ThreadError): Error {
  if (thrown.kind === "user") {
    const revived = Object.create((USER_ERRORS[thrown.name] ?? UserError).prototype) as UserError;
    Object.assign(revived, thrown.fields);
    Object.defineProperty(revived, "message", { value: thrown.message, writable: true, configurable: true });
    if (thrown.stack !== undefined) Object.defineProperty(revived, "stack", { value: thrown.stack, writable: true, configurable: true });
    return revived;
  }
  const revived = Object.assign(new Error(thrown.message), thrown.fields);
  if (thrown.stack !== undefined) revived.stack = thrown.stack;
  return revived;
}
