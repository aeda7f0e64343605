/** Test support (not built). */
import { expect } from "vitest";
import { TemplateError } from "./errors.js";

/** The TemplateError `fn` throws; anything else, or nothing, fails the test. */
export function failure(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error("expected a TemplateError");
}
