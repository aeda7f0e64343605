import { type Issue, UserError } from "@qiyue/contract-model";

/** Stable codes of what can be wrong with the inputs of a monthly report. */
export type MonthlyReportErrorCode =
  | "MONTHLY_NOTES_UNREADABLE"
  | "MONTHLY_NOTES_INVALID"
  | "MONTHLY_MONTH_INVALID"
  | "MONTHLY_NO_ORDERS"
  | "MONTHLY_INPUT";

export interface MonthlyReportPosition {
  file?: string;
  line?: number;
  column?: number;
}

/** A mistake in the files or options a monthly report is made from; the message names the file and line when known. */
export class MonthlyReportError extends UserError {
  override readonly name = "MonthlyReportError";
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: MonthlyReportErrorCode, message: string, where: MonthlyReportPosition = {}) {
    const issue: Issue = { code, message };
    if (where.file !== undefined) issue.file = where.file;
    if (where.line !== undefined) issue.line = where.line;
    if (where.column !== undefined) issue.column = where.column;
    const at = [where.file, where.line, where.column].filter((p) => p !== undefined).join(":");
    super(code, `${at === "" ? "" : `${at}: `}${message}`, []);
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}
