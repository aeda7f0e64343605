/** Test support (not built). */
import { TemplateError } from "./errors.js";

/** The TemplateError `fn` throws; any other error is rethrown, and no error fails the test. */
export function failure(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error("expected a TemplateError");
}
