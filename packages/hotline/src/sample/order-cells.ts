import { COLUMN_SPECS, type ColumnSpec } from "../orders/fields.js";
import type { WorkOrder, WorkOrderField } from "../orders/work-order.js";

/** Columns written by the sample writers: every field under its default Chinese header. */
export const WRITTEN_COLUMNS: readonly (ColumnSpec & { key: WorkOrderField })[] = COLUMN_SPECS.filter(
  (spec): spec is ColumnSpec & { key: WorkOrderField } => spec.key !== "excluded",
);

export const WRITTEN_HEADERS: readonly string[] = WRITTEN_COLUMNS.map((c) => c.label);

/** A work order as the text cells of an export row (是/否 flags, empty for null). */
export function orderToCells(order: WorkOrder): string[] {
  const cells: string[] = new Array(WRITTEN_COLUMNS.length);
  for (let i = 0; i < WRITTEN_COLUMNS.length; i++) {
    const value = order[WRITTEN_COLUMNS[i]!.key];
    cells[i] = value === null ? "" : typeof value === "boolean" ? (value ? "是" : "否") : String(value);
  }
  return cells;
}
