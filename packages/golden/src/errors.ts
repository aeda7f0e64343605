import { type Issue, UserError } from "@qiyue/contract-model";

/** Stable codes of what can be wrong with a golden suite before anything is compared. */
export type GoldenErrorCode =
  | "GOLDEN_SUITE_NOT_FOUND"
  | "GOLDEN_SUITE_INVALID"
  | "GOLDEN_SUITE_EXISTS"
  | "GOLDEN_TOOL_MISSING"
  | "GOLDEN_NO_CONTRACTS";

export interface GoldenPosition {
  file: string;
  line?: number;
  column?: number;
}

/**
 * A golden suite that cannot be used: no `golden.yaml`, a mistake in it (with the file, line and
 * column), or a missing reader program (poppler). Differences between documents are results,
 * not errors.
 */
export class GoldenError extends UserError {
  override readonly name: string = "GoldenError";

  constructor(code: GoldenErrorCode, message: string, where?: GoldenPosition) {
    const issue: Issue = { code, message };
    if (where !== undefined) {
      issue.file = where.file;
      if (where.line !== undefined) issue.line = where.line;
      if (where.column !== undefined) issue.column = where.column;
    }
    const at = where === undefined ? "" : `${[where.file, where.line, where.column].filter((p) => p !== undefined).join(":")}: `;
    super(code, `${at}${message}`, [issue]);
  }
}
