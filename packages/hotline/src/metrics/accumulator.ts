import { detach } from "../detach.js";
import { REQUEST_TYPES, type RequestType, type WorkOrder } from "../orders/work-order.js";
import { AssessmentTally } from "./assessment.js";
import { countChange, tableChange } from "./change.js";
import { configWeights, type MetricsConfig, WEIGHT_PLACES } from "./config.js";
import { CoverageTally } from "./data-gaps.js";
import { unitsToDecimal } from "./decimal.js";
import { CappedList, type ListedOrder, listedOrder, StringPool } from "./order-list.js";
import type { ComparableCounts, CountChanges, HotlineCounts, HotlineMetricsResult } from "./result.js";
import { type ServiceLevel, ServiceLevelTracker } from "./service-levels.js";
import { type CountRow, compareKeys, countRow, Tally, UNSPECIFIED } from "./tally.js";
import { TreeTally } from "./tree-tally.js";

export interface HotlineMetricsOptions {
  readonly config: MetricsConfig;
  /** `YYYY-MM` of the report: fills the daily series and bounds "due in period". */
  readonly month?: string;
  /** The contract's service levels to measure. */
  readonly serviceLevels?: readonly ServiceLevel[];
  /**
   * Longest list of orders kept per list (excluded, appealed, failing a service level): every
   * order by default, as a report lists them all; a console summary may keep fewer.
   */
  readonly listLimit?: number;
}

export interface FinishOptions {
  /** Counts of the previous month (环比), e.g. another accumulator's `counts`. */
  readonly previousMonth?: ComparableCounts;
  /** Counts of the same month a year earlier (同比). */
  readonly sameMonthLastYear?: ComparableCounts;
}

/**
 * Streaming accumulator of the monthly figures: `add` one order at a time (memory
 * grows with the number of groups, not orders), then `finish`.
 */
export class HotlineMetrics {
  private readonly config: MetricsConfig;
  private month: string | null;
  private monthDays: Int32Array | null;
  private total = 0;
  private excludedCount = 0;
  private proactive = 0;
  private outsideMonth = 0;
  private readonly requestTypes = new Int32Array(REQUEST_TYPES.length);
  private readonly channels = new Tally();
  private readonly categories = new TreeTally();
  private readonly places = new TreeTally();
  private days = new Tally();
  private readonly overall = new AssessmentTally();
  private readonly units = new Map<string, AssessmentTally>();
  private readonly trackers: ServiceLevelTracker[];
  private readonly excluded: CappedList<ListedOrder>;
  private readonly appealed: CappedList<ListedOrder>;
  private readonly appealStates = new Tally();
  /** Names repeated across the listed orders, kept once. */
  private readonly listedNames = new StringPool();
  private readonly coverage = new CoverageTally();

  constructor(options: HotlineMetricsOptions) {
    this.config = options.config;
    const month = options.month ?? null;
    if (month !== null) checkMonth(month);
    this.month = month;
    this.monthDays = month === null ? null : new Int32Array(daysIn(month));
    const limit = options.listLimit ?? Number.POSITIVE_INFINITY;
    this.trackers = (options.serviceLevels ?? []).map((level) => new ServiceLevelTracker(level, this.config, month, limit));
    this.excluded = new CappedList(limit);
    this.appealed = new CappedList(limit);
  }

  add(order: WorkOrder): void {
    this.total++;
    this.requestTypes[REQUEST_TYPE_INDEX.get(order.requestType)!]!++;
    this.channels.add(order.channel);
    this.categories.add(order.category1, order.category2, order.category3);
    this.places.add(order.street, order.community);
    this.countDay(order.receivedAt);
    if (order.proactive) this.proactive++;

    this.overall.add(order, this.config);
    this.coverage.add(order, AssessmentTally.inBase(order, this.config));
    const unitKey = order.handlingUnit ?? UNSPECIFIED;
    let unit = this.units.get(unitKey);
    if (unit === undefined) {
      unit = new AssessmentTally();
      this.units.set(unitKey === UNSPECIFIED ? unitKey : detach(unitKey), unit);
    }
    unit.add(order, this.config);

    for (let i = 0; i < this.trackers.length; i++) this.trackers[i]!.add(order);
    if (!order.counted) {
      this.excludedCount++;
      this.excluded.add(() => listedOrder(order, this.listedNames));
    }
    if (order.appealState !== null) {
      this.appealStates.add(order.appealState);
      this.appealed.add(() => listedOrder(order, this.listedNames));
    }
  }

  /**
   * Sets the report month after the orders were added, when it could only be known from them
   * (the month most orders were received in): the same figures as an accumulator made with
   * that month, from one read of the orders.
   */
  fixMonth(month: string): void {
    if (this.month !== null) {
      if (this.month !== month) throw new RangeError(`month already set to ${this.month}`);
      return;
    }
    checkMonth(month);
    const monthDays = new Int32Array(daysIn(month));
    for (const day of this.days.keys()) {
      const count = this.days.get(day);
      if (day.startsWith(month)) monthDays[Number(day.slice(8, 10)) - 1]! += count;
      else this.outsideMonth += count;
    }
    this.month = month;
    this.monthDays = monthDays;
    this.days = new Tally();
    for (const tracker of this.trackers) tracker.fixMonth(month);
  }

  /** Adds every order of an iterable (e.g. a WorkOrderReader). */
  async addAll(orders: AsyncIterable<WorkOrder> | Iterable<WorkOrder>): Promise<this> {
    for await (const order of orders) this.add(order);
    return this;
  }

  private countDay(receivedAt: string): void {
    if (this.monthDays !== null && this.month !== null && receivedAt.startsWith(this.month)) {
      const day = (receivedAt.charCodeAt(8) - 48) * 10 + (receivedAt.charCodeAt(9) - 48);
      this.monthDays[day - 1]!++;
      return;
    }
    if (this.monthDays !== null) this.outsideMonth++;
    else this.days.add(receivedAt.slice(0, 10));
  }

  /** Counts only: what another period's accumulator needs for 环比 / 同比. */
  counts(): HotlineCounts {
    const { decimals, topN } = this.config;
    const total = this.total;
    const unitRows = [...this.units]
      .map(([key, tally]) => [key, tally.orders] as const)
      .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
      .map(([key, count]) => countRow(key, count, total, decimals));
    return {
      total,
      counted: this.overall.counted,
      excluded: this.excludedCount,
      appealed: this.appealed.count,
      proactive: this.proactive,
      byRequestType: REQUEST_TYPES.map((type, i) => countRow(type, this.requestTypes[i]!, total, decimals)),
      byChannel: this.channels.rows(total, decimals),
      categoryTop: {
        level1: this.categories.rows(1, total, decimals, topN),
        level2: this.categories.rows(2, total, decimals, topN),
        level3: this.categories.rows(3, total, decimals, topN),
      },
      byStreet: this.places.rows(1, total, decimals).map(({ key, count, share }) => ({ key, count, share })),
      byCommunity: this.places.rows(2, total, decimals),
      byHandlingUnit: unitRows,
      byDay: this.dayRows(total),
      outsideMonth: this.outsideMonth,
    };
  }

  private dayRows(total: number): CountRow[] {
    const { decimals } = this.config;
    if (this.monthDays !== null && this.month !== null) {
      return [...this.monthDays].map((count, i) =>
        countRow(`${this.month}-${String(i + 1).padStart(2, "0")}`, count, total, decimals),
      );
    }
    return this.days.rows(total, decimals).sort((a, b) => compareKeys(a.key, b.key));
  }

  finish(options: FinishOptions = {}): HotlineMetricsResult {
    const { config } = this;
    const counts = this.counts();
    const byHandlingUnit = [...this.units]
      .map(([unit, tally]) => ({ unit, ...tally.figures(config) }))
      .sort((a, b) => b.counted - a.counted || b.orders - a.orders || compareKeys(a.unit, b.unit));
    const decimal = (units: number): string => unitsToDecimal(units, WEIGHT_PLACES);
    return {
      scheme: {
        name: config.scheme,
        source: config.source ?? null,
        ...configWeights(config, decimal),
        basis: config.basis,
        unratedSatisfaction: config.unratedSatisfaction,
        decimals: config.decimals,
      },
      month: this.month,
      counts,
      changes: {
        monthOnMonth: options.previousMonth === undefined ? null : this.change(counts, options.previousMonth),
        yearOnYear: options.sameMonthLastYear === undefined ? null : this.change(counts, options.sameMonthLastYear),
      },
      assessment: { overall: this.overall.figures(config), byHandlingUnit },
      serviceLevels: this.trackers.map((t) => t.result()),
      excluded: this.excluded.result(),
      appealed: { ...this.appealed.result(), byState: this.appealStates.rows(this.appealed.count, config.decimals) },
      coverage: this.coverage.result(),
    };
  }

  private change(current: HotlineCounts, previous: ComparableCounts): CountChanges {
    const { decimals } = this.config;
    return {
      total: countChange(current.total, previous.total, decimals),
      byRequestType:
        previous.byRequestType === undefined
          ? null
          : tableChange(current.byRequestType, previous.byRequestType, decimals),
    };
  }
}

function checkMonth(month: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
}

function daysIn(month: string): number {
  return new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();
}

const REQUEST_TYPE_INDEX = new Map<RequestType, number>(REQUEST_TYPES.map((type, i) => [type, i]));
