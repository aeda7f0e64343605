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
}

export type LayoutAttempt =
  | { readonly ok: true; readonly layout: ColumnLayout }
  | { readonly ok: false; readonly missing: readonly ColumnKey[]; readonly matched: number };

/** Matches a header row against the mapping. */
export function matchHeaderRow(headers: readonly string[], mapping: ColumnMapping): LayoutAttempt {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const norm = normalizeHeader(h);
    if (norm !== "" && !positions.has(norm)) positions.set(norm, i);
  });
  const index = {} as Record<ColumnKey, number>;
  const header = {} as Record<ColumnKey, string>;
  const absent: ColumnKey[] = [];
  const missing: ColumnKey[] = [];
  let matched = 0;
  for (const spec of COLUMN_SPECS) {
    let at = -1;
    for (const accepted of mapping[spec.key]) {
      const found = positions.get(normalizeHeader(accepted));
      if (found !== undefined) {
        at = found;
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
  return { ok: true, layout: { index, header, absent } };
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
