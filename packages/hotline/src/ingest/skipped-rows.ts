import { detach } from "../detach.js";
import { ROW_PROBLEM_LABELS, type RowProblem, type RowProblemCode, rowProblemMessage } from "./errors.js";

/** A row a lenient run left out, for the report's appendix. */
export interface SkippedRow {
  readonly file: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly reason: RowProblemCode;
  /** Chinese message, the same text strict mode would throw. */
  readonly message: string;
}

export interface SkippedRowsSummary {
  readonly count: number;
  /** Count per reason, Chinese label included. */
  readonly byReason: ReadonlyArray<{ readonly reason: RowProblemCode; readonly label: string; readonly count: number }>;
  /** The first `limit` skipped rows, in file order. */
  readonly rows: readonly SkippedRow[];
  /** Skipped rows beyond the listed ones. */
  readonly unlisted: number;
}

/** Counts skipped rows by reason and keeps a bounded list of them. */
export class SkippedRows {
  private readonly counts = new Map<RowProblemCode, number>();
  private readonly listed: SkippedRow[] = [];
  private total = 0;

  constructor(private readonly limit = 10_000) {}

  add(file: string, row: number, problem: RowProblem): void {
    this.total++;
    this.counts.set(problem.code, (this.counts.get(problem.code) ?? 0) + 1);
    if (this.listed.length < this.limit) {
      // Copies: a substring of the read buffer would keep the whole buffer alive.
      const kept = { ...problem, column: detach(problem.column), value: detach(problem.value) };
      this.listed.push({
        file,
        row,
        column: kept.column,
        value: kept.value,
        reason: problem.code,
        message: detach(rowProblemMessage(file, row, kept)),
      });
    }
  }

  get count(): number {
    return this.total;
  }

  summary(): SkippedRowsSummary {
    const byReason = (Object.keys(ROW_PROBLEM_LABELS) as RowProblemCode[])
      .filter((reason) => this.counts.has(reason))
      .map((reason) => ({ reason, label: ROW_PROBLEM_LABELS[reason], count: this.counts.get(reason)! }));
    return { count: this.total, byReason, rows: [...this.listed], unlisted: this.total - this.listed.length };
  }
}
