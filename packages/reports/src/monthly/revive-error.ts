/** Errors crossing from a worker thread, the starting thread's side: each revived as its own class. */
import { ContractLoadError, UserError } from "@qiyue/contract-model/errors";
import { RenderError } from "@qiyue/document";
import { HotlineConfigError, HotlineIngestError } from "@qiyue/hotline";
import { TemplateError } from "@qiyue/templating";
import { MonthlyReportError } from "./errors.js";
import type { ThreadError } from "./thread-errors.js";

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
