import type { AssessmentFigures } from "./assessment.js";
import type { CountChange } from "./change.js";
import type { RateBasis } from "./config.js";
import type { DataCoverage } from "./data-gaps.js";
import type { ListedOrder, OrderList } from "./order-list.js";
import type { ServiceLevelResult } from "./service-levels.js";
import type { CountRow } from "./tally.js";
import type { PathCountRow } from "./tree-tally.js";

/** Order counts of a period (概况 and 结构 sections). */
export interface HotlineCounts {
  readonly total: number;
  /** Orders counted in the assessment / excluded (不纳入考核). */
  readonly counted: number;
  readonly excluded: number;
  readonly appealed: number;
  /** 主动治理 / 未诉先办 orders. */
  readonly proactive: number;
  /** All six request types in their usual order, zeros included. */
  readonly byRequestType: readonly CountRow[];
  readonly byChannel: readonly CountRow[];
  /** Top N per category level; keys are paths ("城乡建设 / 市容环卫"). */
  readonly categoryTop: {
    readonly level1: readonly PathCountRow[];
    readonly level2: readonly PathCountRow[];
    readonly level3: readonly PathCountRow[];
  };
  readonly byStreet: readonly CountRow[];
  /** Keys are "street / community". */
  readonly byCommunity: readonly PathCountRow[];
  readonly byHandlingUnit: readonly CountRow[];
  /** Orders per received day (YYYY-MM-DD); with a month, every day of it in order. */
  readonly byDay: readonly CountRow[];
  /** Orders received outside the given month (not in byDay); 0 without a month. */
  readonly outsideMonth: number;
}

/** What a change needs of an earlier period: its total and, optionally, its types. */
export interface ComparableCounts {
  readonly total: number;
  readonly byRequestType?: readonly CountRow[];
}

export interface CountChanges {
  readonly total: CountChange;
  /** Present when the earlier period gave counts by type. */
  readonly byRequestType: readonly (CountChange & { readonly key: string })[] | null;
}

/** The configuration a result was computed with, as printed in the report. */
export interface SchemeSummary {
  readonly name: string;
  readonly source: string | null;
  /** Decimal strings ("0.1"). */
  readonly weights: { readonly response: string; readonly resolution: string; readonly satisfaction: string };
  readonly satisfactionWeights: { readonly 满意: string; readonly 基本满意: string; readonly 不满意: string };
  readonly basis: RateBasis;
  readonly unratedSatisfaction: "zero" | "exclude";
  readonly decimals: number;
}

/** Everything the monthly report needs from one period's orders; plain JSON. */
export interface HotlineMetricsResult {
  readonly scheme: SchemeSummary;
  readonly month: string | null;
  readonly counts: HotlineCounts;
  readonly changes: { readonly monthOnMonth: CountChanges | null; readonly yearOnYear: CountChanges | null };
  readonly assessment: {
    readonly overall: AssessmentFigures;
    /** By counted orders descending, then name. */
    readonly byHandlingUnit: readonly (AssessmentFigures & { readonly unit: string })[];
  };
  readonly serviceLevels: readonly ServiceLevelResult[];
  /** 不纳入考核 orders (appendix). */
  readonly excluded: OrderList<ListedOrder>;
  /** Orders with an appeal, and their count per appeal state. */
  readonly appealed: OrderList<ListedOrder> & { readonly byState: readonly CountRow[] };
  /** How many orders left the cells empty that figures are computed from (see `dataGaps`). */
  readonly coverage: DataCoverage;
}
