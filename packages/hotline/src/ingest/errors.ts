import { UserError } from "@qiyue/contract-model/errors";
/** Stable codes of everything ingestion can reject. */
export type HotlineIngestErrorCode =
  // file level
  | "file-unreadable"
  | "unsupported-format"
  | "empty-file"
  | "missing-column"
  | "ambiguous-column"
  | "duplicate-header"
  | "xlsx-unreadable"
  | "xlsx-too-large"
  // row level
  | "csv-syntax"
  | "column-count"
  | "missing-order-no"
  | "duplicate-order-no"
  | "missing-value"
  | "bad-time"
  | "unknown-request-type"
  | "bad-boolean"
  | "bad-satisfaction"
  | "bad-integer";

/** Codes a lenient run may skip a row for. */
export type RowProblemCode = Extract<
  HotlineIngestErrorCode,
  | "csv-syntax"
  | "column-count"
  | "missing-order-no"
  | "duplicate-order-no"
  | "missing-value"
  | "bad-time"
  | "unknown-request-type"
  | "bad-boolean"
  | "bad-satisfaction"
  | "bad-integer"
>;

/** Chinese names of the row problems, for messages and the report's appendix. */
export const ROW_PROBLEM_LABELS: Readonly<Record<RowProblemCode, string>> = {
  "csv-syntax": "无法拆分成列（引号不成对）",
  "column-count": "列数与表头不符",
  "missing-order-no": "缺少工单编号",
  "duplicate-order-no": "工单编号重复",
  "missing-value": "缺少必填内容",
  "bad-time": "时间无法识别",
  "unknown-request-type": "诉求类型无法识别",
  "bad-boolean": "是/否取值无法识别",
  "bad-satisfaction": "满意度取值无法识别",
  "bad-integer": "数字无法识别",
};

export interface HotlineIngestErrorDetails {
  readonly file: string;
  /** Row as a spreadsheet user counts it (header = row 1). */
  readonly row?: number;
  /** Column header as written in the file. */
  readonly column?: string;
  readonly value?: string;
}

/** The only error ingestion throws for bad input. */
export class HotlineIngestError extends UserError {
  override readonly name = "HotlineIngestError";
  override readonly code: HotlineIngestErrorCode;
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly value: string | undefined;

  constructor(
    code: HotlineIngestErrorCode,
    message: string,
    details: HotlineIngestErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(code, message, [], options);
    this.code = code;
    this.file = details.file;
    this.row = details.row;
    this.column = details.column;
    this.value = details.value;
  }
}

/** A rejected row before it becomes an error or a skipped-row entry (no stack capture). */
export interface RowProblem {
  readonly code: RowProblemCode;
  /** Header of the offending column (or the field's Chinese name when the column is absent); "" for the whole row. */
  readonly column: string;
  readonly value: string;
  /** Extra words after the standard message, e.g. where the first occurrence was. */
  readonly detail?: string;
}

export function rowProblemMessage(file: string, row: number, problem: RowProblem): string {
  if (problem.column === "") {
    const base = `${file} 第 ${row} 行：${ROW_PROBLEM_LABELS[problem.code]}`;
    return problem.detail === undefined ? base : `${base}（${problem.detail}）`;
  }
  const where = `${file} 第 ${row} 行「${problem.column}」列`;
  const shown = problem.value === "" ? "（空）" : `「${problem.value}」`;
  const base = `${where}的值${shown}：${ROW_PROBLEM_LABELS[problem.code]}`;
  return problem.detail === undefined ? base : `${base}（${problem.detail}）`;
}

export function rowProblemError(file: string, row: number, problem: RowProblem): HotlineIngestError {
  return new HotlineIngestError(problem.code, rowProblemMessage(file, row, problem), {
    file,
    row,
    column: problem.column,
    value: problem.value,
  });
}
