import { z } from "zod";
import { FenValue } from "@qiyue/templating";
import { NoteItem } from "./notes.js";

/**
 * What the monthly-report template sees under `monthly`: plain JSON, every figure already
 * worked out and formatted (percentages with the configured decimals, dates in Chinese), so
 * the template only arranges it. The schema is the one description of it.
 */
const int = z.number().int();

export const CountRowView = z.strictObject({ key: z.string(), count: int, share: z.string() });
export const RankedRowView = z.strictObject({ rank: int, key: z.string(), name: z.string(), count: int, share: z.string() });
export const RateView = z.strictObject({ percent: z.string(), numerator: z.string(), denominator: int });

export const ChangeView = z.strictObject({
  available: z.boolean(),
  /** 2026年4月 */
  monthLabel: z.string(),
  previous: int,
  delta: int,
  /** “+4.17%”, or “—”. */
  rate: z.string(),
  /** A sentence fragment for the overview, ending in “；” or “。”. */
  words: z.string(),
});

export const NotesView = z.strictObject({
  provided: z.boolean(),
  /** 典型案例, …: printed as 【待补充：典型案例】 when not provided. */
  label: z.string(),
  items: z.array(NoteItem),
});

export const ChartView = z.strictObject({ id: z.string(), width: z.number(), height: z.number(), title: z.string() });

export const SourceView = z.strictObject({
  file: z.string(),
  format: z.string(),
  rows: int,
  orders: int,
  skipped: int,
});

export const ListedOrderView = z.strictObject({
  orderNo: z.string(),
  receivedAt: z.string(),
  requestType: z.string(),
  unit: z.string(),
  street: z.string(),
  category: z.string(),
  appealState: z.string(),
});

/** A list of the appendix: every order, or none when they went to the workbook's `sheet`. */
export const OrderListView = z.strictObject({ count: int, orders: z.array(ListedOrderView), sheet: z.string().optional() });

export const UnitRowView = z.strictObject({
  /** “1”, or “—” when the unit has no rates this month. */
  rank: z.string(),
  unit: z.string(),
  orders: int,
  counted: int,
  base: int,
  response: z.string(),
  resolution: z.string(),
  satisfaction: z.string(),
  composite: z.string(),
  /** The unit a split report is about. */
  self: z.boolean(),
});

export const LevelRowView = z.strictObject({
  name: z.string(),
  /** The clause that states the level, as the model stores it ("" when none is named); print it with `clauseRef`. */
  clause: z.string(),
  definition: z.string(),
  target: z.string(),
  achieved: z.string(),
  numerator: z.string(),
  denominator: int,
  status: z.enum(["pass", "fail", "no-data", "unmeasurable"]),
  statusText: z.string(),
  failed: z.boolean(),
  failingCount: int,
  failingOrders: z.string(),
  text: z.string(),
});

export const CostRowView = z.strictObject({
  /** The penalty clause, as the model stores it; print it with `clauseRef`. */
  clause: z.string(),
  title: z.string(),
  levels: z.string(),
  occurrences: z.string(),
  computable: z.boolean(),
  amount: FenValue,
  formula: z.string(),
  steps: z.array(z.string()),
  deductible: z.boolean(),
  problem: z.string(),
});

export const MonthlyReportView = z.strictObject({
  /** YYYY-MM */
  month: z.string(),
  /** 2026年5月 */
  monthLabel: z.string(),
  /** 2026年5月1日至5月31日 */
  periodLabel: z.string(),
  /** True when the month was found from the orders (no --month). */
  monthInferred: z.boolean(),
  /** A split report's group. */
  scope: z.strictObject({ by: z.enum(["handling-unit", "street"]), label: z.string(), name: z.string() }).optional(),
  sources: z.array(SourceView),
  previousSources: z.array(SourceView),
  notesFile: z.string().optional(),
  /** The cover's 报送日期 / 编制人 / 审核人 from the notes; 【待补充：…】 when not given (审核人 is left out then). */
  cover: z.strictObject({ submitted: z.string(), compiler: z.string(), reviewer: z.string().optional() }),
  overview: z.strictObject({
    total: int,
    counted: int,
    excluded: int,
    appealed: int,
    proactive: int,
    outsideMonth: int,
    dailyAverage: z.string(),
    peak: z.strictObject({ day: z.string(), count: int }),
    low: z.strictObject({ day: z.string(), count: int }),
    monthOnMonth: ChangeView,
    yearOnYear: ChangeView,
  }),
  assessment: z.strictObject({
    scheme: z.strictObject({
      name: z.string(),
      source: z.string().optional(),
      formula: z.string(),
      weights: z.strictObject({ response: z.string(), resolution: z.string(), satisfaction: z.string() }),
      satisfactionWeights: z.strictObject({ satisfied: z.string(), basic: z.string(), dissatisfied: z.string() }),
      basis: z.string(),
      unrated: z.string(),
      builtin: z.boolean(),
    }),
    base: int,
    /** 数据说明: figures the exports cannot support, each with what is missing (empty when the data is complete). */
    dataNotes: z.array(z.strictObject({ figure: z.string(), text: z.string() })),
    response: RateView,
    resolution: RateView,
    satisfaction: RateView,
    composite: z.string(),
    answers: z.strictObject({ satisfied: int, basic: int, dissatisfied: int, unrated: int }),
  }),
  structure: z.strictObject({
    byType: z.array(CountRowView.extend({ monthOnMonth: z.string() })),
    typeChange: z.boolean(),
    level1: z.array(CountRowView),
    categoryTop: z.array(RankedRowView),
    channels: z.array(CountRowView),
  }),
  area: z.strictObject({
    streets: z.array(CountRowView),
    communities: z.array(RankedRowView.extend({ street: z.string() })),
    communityCount: int,
  }),
  units: z.strictObject({
    rows: z.array(UnitRowView),
    /** Named handling units (orders without one are not a unit). */
    count: int,
    ranked: int,
    /** Orders whose handling unit was left blank in the export (a row of their own in the table). */
    unspecified: int,
    /** In a report split by handling unit: this unit's place among all units. */
    position: z.strictObject({ rank: z.string(), of: int }).optional(),
  }),
  hotIssues: z.strictObject({ top: z.array(RankedRowView), notes: NotesView }),
  typicalCases: NotesView,
  proactive: z.strictObject({ count: int, share: z.string(), notes: NotesView }),
  problems: NotesView,
  nextMonthPlan: NotesView,
  serviceLevels: z.strictObject({
    rows: z.array(LevelRowView),
    /** Levels the orders could measure (some orders in the denominator). */
    measured: int,
    failed: int,
    /**
     * Misses costed under the penalty clauses: only in the client's copy of a whole report (a
     * split report measures its group; the vendor's deliverable shows attainment only).
     */
    costed: z.boolean(),
    costs: z.array(CostRowView),
    total: FenValue,
    deductible: FenValue,
    uncovered: z.array(z.string()),
  }),
  appendix: z.strictObject({
    /** The file name of the workbook written beside the report when a list went there (`--appendix xlsx`); "" otherwise. */
    workbook: z.string(),
    definitions: z.array(z.strictObject({ term: z.string(), text: z.string() })),
    config: z.array(z.strictObject({ item: z.string(), value: z.string() })),
    excluded: OrderListView,
    appealed: OrderListView.extend({ byState: z.array(CountRowView) }),
    skipped: z.strictObject({
      lenient: z.boolean(),
      count: int,
      byReason: z.array(z.strictObject({ label: z.string(), count: int })),
      rows: z.array(z.strictObject({ file: z.string(), row: int, column: z.string(), value: z.string(), reason: z.string() })),
      sheet: z.string().optional(),
    }),
    /** 附录七: the failing orders of the missed service levels, counted over the levels (in the rows' `failingOrders` unless in `sheet`). */
    failing: z.strictObject({ count: int, sheet: z.string().optional() }),
  }),
  charts: z.strictObject({
    dailyTrend: ChartView,
    requestTypes: ChartView,
    categoryTop: ChartView,
    unitRanking: ChartView.optional(),
  }),
});
export type MonthlyReportView = z.infer<typeof MonthlyReportView>;
