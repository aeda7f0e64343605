import type { IngestReport } from "../ingest/read-work-orders.js";
import { type ColumnKey, columnSpec } from "../orders/fields.js";
import type { WorkOrder } from "../orders/work-order.js";
import { formatFraction } from "./decimal.js";
import type { ServiceLevelMetric } from "./service-levels.js";

/** Which orders a figure counts. */
type Rows = "orders" | "counted" | "base";

/** Fields whose empty cells are counted, and the orders each is counted among. */
const TRACKED = [
  ["channel", "orders"],
  ["category1", "orders"],
  ["street", "orders"],
  ["community", "orders"],
  ["handlingUnit", "orders"],
  ["validFollowUp", "counted"],
  ["contacted", "base"],
  ["resolved", "base"],
  ["satisfaction", "base"],
] as const satisfies readonly (readonly [ColumnKey & Tracked, Rows])[];
/** The columns whose gaps are tracked. */
export type Tracked = "channel" | "category1" | "street" | "community" | "handlingUnit" | "validFollowUp" | "contacted" | "resolved" | "satisfaction";

/** How many orders each tracked field was empty in; plain JSON, part of a period's result. */
export interface DataCoverage {
  readonly orders: number;
  readonly counted: number;
  /** Orders in the rates' denominator. */
  readonly base: number;
  readonly empty: Readonly<Record<Tracked, number>>;
}

/** Counts empty fields order by order (no memory per order). */
export class CoverageTally {
  private orders = 0;
  private counted = 0;
  private base = 0;
  private readonly empty: Record<Tracked, number> = {
    channel: 0,
    category1: 0,
    street: 0,
    community: 0,
    handlingUnit: 0,
    validFollowUp: 0,
    contacted: 0,
    resolved: 0,
    satisfaction: 0,
  };

  add(order: WorkOrder, inBase: boolean): void {
    const e = this.empty;
    this.orders++;
    if (order.channel === null) e.channel++;
    if (order.category1 === null) e.category1++;
    if (order.street === null) e.street++;
    if (order.community === null) e.community++;
    if (order.handlingUnit === null) e.handlingUnit++;
    if (!order.counted) return;
    this.counted++;
    if (order.validFollowUp === null) e.validFollowUp++;
    if (!inBase) return;
    this.base++;
    if (order.contacted === null) e.contacted++;
    if (order.resolved === null) e.resolved++;
    if (order.satisfaction === null) e.satisfaction++;
  }

  result(): DataCoverage {
    return { orders: this.orders, counted: this.counted, base: this.base, empty: { ...this.empty } };
  }
}

/** A figure whose data is missing or mostly empty; the report and the CLI say so. */
export interface DataGap {
  /** The figures affected, as the report names them. */
  readonly figure: string;
  readonly column: ColumnKey;
  /** The column's Chinese name. */
  readonly label: string;
  /** Files that have no such column (all files: the column is absent). */
  readonly absentIn: readonly string[];
  /** Orders the figure counts, and how many of them have the cell empty. */
  readonly of: number;
  readonly empty: number;
  /** “12.50%”. */
  readonly share: string;
  /** One sentence for a reader: what is missing and what it does to the figure. */
  readonly text: string;
}

/** More than this share of empty cells (in ppm) makes a figure unreliable: 5 %. */
export const GAP_THRESHOLD_PPM = 50_000;

const FIGURES: ReadonlyArray<{ key: Tracked; rows: Rows; figure: string; effect: string }> = [
  { key: "satisfaction", rows: "base", figure: "满意率、综合成绩", effect: "这些工单计入满意率分母，按未评价处理" },
  { key: "contacted", rows: "base", figure: "响应率、综合成绩", effect: "这些工单按未联系计" },
  { key: "resolved", rows: "base", figure: "解决率、综合成绩", effect: "这些工单按未解决计" },
  { key: "validFollowUp", rows: "counted", figure: "三率分母（回访基数）", effect: "这些工单不计入回访基数" },
  { key: "handlingUnit", rows: "orders", figure: "承办单位排名", effect: "这些工单归入“（未填写）”，不参与排名" },
  { key: "channel", rows: "orders", figure: "来源渠道分布", effect: "这些工单归入“（未填写）”" },
  { key: "category1", rows: "orders", figure: "诉求分类与热点问题", effect: "这些工单归入“（未填写）”" },
  { key: "street", rows: "orders", figure: "街乡镇分布", effect: "这些工单归入“（未填写）”" },
  { key: "community", rows: "orders", figure: "社区（村）分布", effect: "这些工单归入“（未填写）”" },
];

/** Columns a service level is measured from (any of them absent leaves it unmeasured or wrong). */
const LEVEL_COLUMNS: Readonly<Record<ServiceLevelMetric, readonly ColumnKey[]>> = {
  "sign-rate": ["dispatchedAt", "signedAt"],
  "dispatch-rate": ["dispatchedAt"],
  "on-time-close-rate": ["dueAt", "closedAt"],
  "feedback-rate": ["dispatchedAt"],
  "dispatch-within-minutes": ["dispatchedAt"],
  "zero-score-orders": ["validFollowUp", "contacted", "resolved", "satisfaction"],
};

/** Figures that rest on one column being present at all, with what the reader assumes without it. */
const PRESENCE: ReadonlyArray<{ keys: readonly ColumnKey[]; figure: string; effect: string }> = [
  { keys: ["counted", "excluded"], figure: "纳入考核工单数、三率、综合成绩", effect: "全部工单按纳入考核计" },
  { keys: ["appealState"], figure: "申诉工单", effect: "申诉工单按 0 件计" },
  { keys: ["proactive"], figure: "主动治理工单", effect: "主动治理工单按 0 件计" },
];

function share(part: number, whole: number): string {
  return whole === 0 ? "—" : `${formatFraction(BigInt(part) * 100n, BigInt(whole), 2)}%`;
}

/**
 * The figures of a period that its exports cannot support: a column a figure needs is absent
 * from a file, or empty in more than 5 % of the orders the figure counts. Never silent: the CLI
 * warns, the report's 数据说明 lists them.
 */
export function dataGaps(
  coverage: DataCoverage,
  sources: readonly Pick<IngestReport, "file" | "absentColumns">[],
  serviceLevels: readonly { metric: ServiceLevelMetric; label: string }[] = [],
): DataGap[] {
  const absentIn = (key: ColumnKey): string[] => sources.filter((s) => s.absentColumns.includes(key)).map((s) => s.file);
  const gaps: DataGap[] = [];
  for (const f of FIGURES) {
    const of = coverage[f.rows];
    const empty = coverage.empty[f.key];
    const missingIn = absentIn(f.key);
    if (of === 0 || (missingIn.length === 0 && empty * 1_000_000 <= GAP_THRESHOLD_PPM * of)) continue;
    const label = columnSpec(f.key).label;
    const rows = f.rows === "orders" ? "全部工单" : f.rows === "counted" ? "纳入考核的工单" : "回访基数";
    const where =
      missingIn.length === sources.length
        ? `导出文件没有「${label}」列`
        : `${missingIn.length > 0 ? `${missingIn.join("、")} 没有「${label}」列；` : ""}${rows} ${of} 件中 ${empty} 件（${share(empty, of)}）的「${label}」为空${f.key === "satisfaction" ? "或未评价" : ""}`;
    gaps.push({ figure: f.figure, column: f.key, label, absentIn: missingIn, of, empty, share: share(empty, of), text: `${where}，${f.effect}` });
  }
  for (const p of PRESENCE) {
    const missingIn = sources.filter((s) => p.keys.every((k) => s.absentColumns.includes(k))).map((s) => s.file);
    if (missingIn.length === 0) continue;
    const label = p.keys.map((k) => `「${columnSpec(k).label}」`).join("或");
    const whole = missingIn.length === sources.length;
    gaps.push({
      figure: p.figure,
      column: p.keys[0]!,
      label: columnSpec(p.keys[0]!).label,
      absentIn: missingIn,
      of: coverage.orders,
      empty: whole ? coverage.orders : 0,
      share: whole ? "100.00%" : "—",
      text: `${whole ? "导出文件" : missingIn.join("、")}没有${label}列，${p.effect}`,
    });
  }
  const seen = new Set<string>();
  for (const level of serviceLevels) {
    const missing = LEVEL_COLUMNS[level.metric].filter((k) => absentIn(k).length > 0);
    if (missing.length === 0 || seen.has(level.label)) continue;
    seen.add(level.label);
    const labels = missing.map((k) => `「${columnSpec(k).label}」`).join("、");
    gaps.push({
      figure: `服务标准“${level.label}”`,
      column: missing[0]!,
      label: columnSpec(missing[0]!).label,
      absentIn: absentIn(missing[0]!),
      of: coverage.orders,
      empty: coverage.orders,
      share: "100.00%",
      text: `导出文件没有${labels}列，该项无法如实计量`,
    });
  }
  return gaps;
}
