import { COLUMN_SPECS, type ColumnKey, type FieldKind } from "../orders/fields.js";
import { REQUEST_TYPES, SATISFACTION_LEVELS } from "../orders/work-order.js";
import { type Cell, cellText } from "./cell.js";

/** Per column, a cell's words in the export → the words the reader understands ("一般" → "基本满意"). */
export type ValueMapping = Readonly<Partial<Record<ColumnKey, Readonly<Record<string, string>>>>>;

/** What a value may be mapped to, by kind of column; null: any text. Time and number columns take no value mapping. */
export function allowedTargets(kind: FieldKind): readonly string[] | null | undefined {
  switch (kind) {
    case "boolean":
      return ["是", "否"];
    case "satisfaction":
      return [...SATISFACTION_LEVELS, "未评价"];
    case "request-type":
      return REQUEST_TYPES;
    case "text":
      return null;
    default:
      return undefined;
  }
}

/** Columns whose cell values a mapping may translate. */
export const VALUE_MAPPED_COLUMNS: readonly ColumnKey[] = COLUMN_SPECS.filter((s) => allowedTargets(s.kind) !== undefined).map(
  (s) => s.key,
);

/**
 * The translation of one file's rows: returns the row itself when no mapped cell matches
 * (the usual case), else a copy with the mapped cells replaced. Undefined when nothing is mapped.
 */
export function rowTranslator(
  values: ValueMapping | undefined,
  index: Readonly<Record<ColumnKey, number>>,
): ((cells: readonly Cell[]) => readonly Cell[]) | undefined {
  if (values === undefined) return undefined;
  const columns: [number, ReadonlyMap<string, string>][] = [];
  for (const [key, table] of Object.entries(values) as [ColumnKey, Readonly<Record<string, string>>][]) {
    const at = index[key];
    if (at !== undefined && at >= 0 && Object.keys(table).length > 0) columns.push([at, new Map(Object.entries(table))]);
  }
  if (columns.length === 0) return undefined;
  return (cells) => {
    let copy: Cell[] | null = null;
    for (const [at, table] of columns) {
      const mapped = table.get(cellText(cells[at]));
      if (mapped === undefined) continue;
      copy ??= [...cells];
      copy[at] = mapped;
    }
    return copy ?? cells;
  };
}
