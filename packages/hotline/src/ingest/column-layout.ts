import { COLUMN_SPECS, type ColumnKey } from "../orders/fields.js";
import { type ColumnMapping, normalizeHeader } from "./column-mapping.js";
import { HotlineIngestError } from "./errors.js";

/** Where each column sits in a file's rows. */
export interface ColumnLayout {
  /** 0-based cell index per column, -1 when the file lacks it. */
  readonly index: Readonly<Record<ColumnKey, number>>;
  /** The header as written in the file, or the column's Chinese name when absent. */
  readonly header: Readonly<Record<ColumnKey, string>>;
  /** Optional columns the file lacks (their fields read as null / default). */
  readonly absent: readonly ColumnKey[];
  /** Cells a data row should have: up to the header's last non-empty cell. */
  readonly width: number;
  /** The header as written, cell by cell (for messages about a row's columns). */
  readonly headers: readonly string[];
}

/** A header the mapping uses that the file has more than once. */
export interface DuplicateHeader {
  readonly key: ColumnKey;
  readonly header: string;
  /** 0-based cell indexes where it appears. */
  readonly at: readonly number[];
}

export type LayoutAttempt =
  | { readonly ok: true; readonly layout: ColumnLayout; readonly duplicate: DuplicateHeader | null }
  | { readonly ok: false; readonly missing: readonly ColumnKey[]; readonly matched: number };

/** Matches a header row against the mapping. */
export function matchHeaderRow(headers: readonly string[], mapping: ColumnMapping): LayoutAttempt {
  const positions = new Map<string, number>();
  const repeats = new Map<string, number[]>();
  let width = 0;
  headers.forEach((h, i) => {
    const norm = normalizeHeader(h);
    if (norm === "") return;
    width = i + 1;
    const first = positions.get(norm);
    if (first === undefined) positions.set(norm, i);
    else repeats.set(norm, [...(repeats.get(norm) ?? [first]), i]);
  });
  let duplicate: DuplicateHeader | null = null;
  const index = {} as Record<ColumnKey, number>;
  const header = {} as Record<ColumnKey, string>;
  const absent: ColumnKey[] = [];
  const missing: ColumnKey[] = [];
  let matched = 0;
  for (const spec of COLUMN_SPECS) {
    let at = -1;
    for (const accepted of mapping[spec.key]) {
      const norm = normalizeHeader(accepted);
      const found = positions.get(norm);
      if (found !== undefined) {
        at = found;
        const again = repeats.get(norm);
        if (again !== undefined && duplicate === null) duplicate = { key: spec.key, header: (headers[found] ?? accepted).trim(), at: again };
        break;
      }
    }
    index[spec.key] = at;
    header[spec.key] = at >= 0 ? (headers[at] ?? spec.label).trim() : spec.label;
    if (at >= 0) matched++;
    else if (spec.required) missing.push(spec.key);
    else absent.push(spec.key);
  }
  if (missing.length > 0) return { ok: false, missing, matched };
  return { ok: true, layout: { index, header, absent, width, headers: headers.map((h) => h.trim()) }, duplicate };
}

export function missingColumnError(
  file: string,
  row: number,
  headers: readonly string[],
  missing: readonly ColumnKey[],
  mapping: ColumnMapping,
): HotlineIngestError {
  const wanted = missing
    .map((key) => {
      const spec = COLUMN_SPECS.find((s) => s.key === key);
      return `「${spec?.label ?? key}」（可用表头：${mapping[key].join("、")}）`;
    })
    .join("；");
  const found = headers.filter((h) => h.trim() !== "").map((h) => h.trim());
  return new HotlineIngestError(
    "missing-column",
    `${file} 缺少必需的列 ${wanted}。第 ${row} 行的表头为：${found.length === 0 ? "（空）" : found.join("、")}`,
    { file, row },
  );
}

export function duplicateHeaderError(file: string, row: number, duplicate: DuplicateHeader): HotlineIngestError {
  const label = COLUMN_SPECS.find((s) => s.key === duplicate.key)?.label ?? duplicate.key;
  const columns = duplicate.at.map((i) => `第 ${i + 1} 列`).join("、");
  return new HotlineIngestError(
    "duplicate-header",
    `${file} 第 ${row} 行的表头「${duplicate.header}」出现了 ${duplicate.at.length} 次（${columns}），无法确定「${label}」取哪一列；请删去或改名多余的列，或在列名映射中为「${label}」指定另一个表头`,
    { file, row, column: duplicate.header },
  );
}
