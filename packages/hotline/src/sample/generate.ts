import { secondsToLocalDateTime } from "../orders/local-time.js";
import type { RequestType, Satisfaction, WorkOrder } from "../orders/work-order.js";
import { SAMPLE_AREAS, type SampleArea, type SampleAreaKey, type SampleStreet, streetOffice } from "./areas.js";
import { SAMPLE_CATEGORIES, type SampleCategory, type SampleLeaf } from "./categories.js";
import { Prng, WeightedPicker } from "./prng.js";

export interface SampleOrdersOptions {
  /** `YYYY-MM`: every order is received in this month. */
  readonly month: string;
  readonly orders: number;
  readonly seed: number;
  /** Area whose export is imitated; default 平谷区. */
  readonly district?: SampleAreaKey;
}

const REQUEST_TYPE_MIX: ReadonlyArray<readonly [RequestType, number]> = [
  ["投诉", 36],
  ["求助", 34],
  ["咨询", 16],
  ["举报", 6],
  ["建议", 5],
  ["表扬", 3],
];

const CHANNEL_MIX: ReadonlyArray<readonly [string, number]> = [
  ["电话", 68],
  ["网络", 12],
  ["APP", 9],
  ["微信小程序", 6],
  ["人民网留言板", 3],
  ["微博", 2],
];

/** Calls per hour of day, relative. */
const HOURLY = [0.6, 0.4, 0.3, 0.3, 0.3, 0.5, 1.5, 3, 6, 8, 8, 7, 5, 6, 7, 7, 7, 6, 5, 5, 5, 4, 2.5, 1.2];

/** Working days allowed per request type (due time = received + days). */
const DUE_DAYS: Readonly<Record<RequestType, number>> = {
  咨询: 2,
  求助: 7,
  投诉: 7,
  举报: 15,
  建议: 15,
  表扬: 7,
};

const CALLER = ["市民来电反映", "居民反映", "诉求人反映", "来电人称"];
const ASK = ["希望尽快处理", "要求相关部门核实处理", "希望给予答复", "请相关部门协调解决"];

/**
 * Deterministic sample work orders for one month: same options, same orders, on any
 * machine and clock. Orders come in received-time order; nothing is held in memory.
 */
export function* sampleOrders(options: SampleOrdersOptions): Generator<WorkOrder, void, undefined> {
  const m = /^(\d{4})-(\d{2})$/.exec(options.month);
  if (m === null || +m[2]! < 1 || +m[2]! > 12) throw new RangeError(`month must be YYYY-MM, got ${options.month}`);
  if (!Number.isInteger(options.orders) || options.orders < 0) throw new RangeError("orders must be a non-negative integer");
  const area: SampleArea = SAMPLE_AREAS[options.district ?? "平谷区"];
  const prng = new Prng(options.seed);
  const year = +m[1]!;
  const month = +m[2]!;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const counts = dailyCounts(prng, year, month, days, options.orders);
  const width = Math.max(5, String(Math.max(...counts)).length);
  const pickers = makePickers(area);
  const hourCdf = cumulative(HOURLY);

  for (let d = 0; d < days; d++) {
    const count = counts[d]!;
    const dayStart = Date.UTC(year, month - 1, d + 1) / 1000;
    const datePart = `${year}${pad(month, 2)}${pad(d + 1, 2)}`;
    for (let k = 0; k < count; k++) {
      // Stratified draws through the hourly profile keep the day's orders in time order.
      const u = (k + prng.next()) / count;
      const received = dayStart + Math.floor(secondOfDay(hourCdf, u));
      yield makeOrder(prng, area, pickers, `${datePart}${pad(k + 1, width)}`, received);
    }
  }
}

/** {@link sampleOrders} as an async iterator. */
export async function* generateSampleOrders(options: SampleOrdersOptions): AsyncGenerator<WorkOrder, void, undefined> {
  yield* sampleOrders(options);
}

interface Pickers {
  readonly requestType: WeightedPicker<RequestType>;
  readonly channel: WeightedPicker<string>;
  readonly category: WeightedPicker<SampleCategory>;
  readonly leaves: Map<SampleCategory, WeightedPicker<SampleLeaf>>;
  readonly street: WeightedPicker<SampleStreet>;
  /** Departments that handle each category in this area. */
  readonly departments: Map<SampleCategory, readonly string[]>;
}

function makePickers(area: SampleArea): Pickers {
  const leaves = new Map<SampleCategory, WeightedPicker<SampleLeaf>>();
  const departments = new Map<SampleCategory, readonly string[]>();
  for (const c of SAMPLE_CATEGORIES) {
    leaves.set(c, new WeightedPicker(c.leaves.map((l) => [l, l.weight] as const)));
    const matching = area.departments.filter((dept) => c.handledBy.some((hint) => dept.includes(hint)));
    departments.set(c, matching.length > 0 ? matching : area.departments);
  }
  return {
    requestType: new WeightedPicker(REQUEST_TYPE_MIX),
    channel: new WeightedPicker(CHANNEL_MIX),
    category: new WeightedPicker(
      SAMPLE_CATEGORIES.map((c) => [c, c.leaves.reduce((sum, l) => sum + l.weight, 0)] as const),
    ),
    leaves,
    street: new WeightedPicker(area.streets.map((s) => [s, s.weight] as const)),
    departments,
  };
}

function makeOrder(prng: Prng, area: SampleArea, p: Pickers, orderNo: string, received: number): WorkOrder {
  const requestType = p.requestType.pick(prng);
  const category = p.category.pick(prng);
  const leaf = p.leaves.get(category)!.pick(prng);
  const street = p.street.pick(prng);
  const community = prng.pick(street.communities);
  const proactive = prng.chance(0.04);

  // Dispatch: most within 30 minutes, a few late, a handful still waiting.
  const dispatched = prng.chance(0.985);
  const dispatchDelay = prng.chance(0.93) ? prng.int(3, 30) : prng.chance(0.8) ? prng.int(31, 120) : prng.int(121, 600);
  const dispatchedAt = dispatched ? received + dispatchDelay * 60 + prng.int(0, 59) : null;
  const signed = dispatchedAt !== null && prng.chance(0.99);
  const signedAt = signed ? dispatchedAt! + (prng.chance(0.9) ? prng.int(1, 20) : prng.int(21, 240)) * 60 : null;

  const extended = signed && prng.chance(0.03);
  const dueAt = received + (DUE_DAYS[requestType] + (extended ? 7 : 0)) * 86400;
  let closedAt: number | null = null;
  if (signedAt !== null) {
    const r = prng.next();
    if (r < 0.88) closedAt = signedAt + Math.floor(prng.next() * Math.max(dueAt - signedAt - 3600, 3600)) + 3600;
    else if (r < 0.94) closedAt = dueAt + prng.int(1, 72) * 3600;
  }
  const returnCount = signed ? (prng.chance(0.09) ? 1 : prng.chance(0.02) ? 2 : 0) : 0;

  // Follow-up visit and the three assessment answers.
  const validFollowUp = closedAt !== null && prng.chance(0.85);
  let contacted: boolean | null = null;
  let resolved: boolean | null = null;
  let satisfaction: Satisfaction | null = null;
  if (validFollowUp) {
    contacted = prng.chance(0.91);
    resolved = contacted ? prng.chance(0.82) : prng.chance(0.1);
    const r = prng.next();
    satisfaction = resolved
      ? r < 0.85
        ? "满意"
        : r < 0.97
          ? "基本满意"
          : "不满意"
      : r < 0.25
        ? "满意"
        : r < 0.55
          ? "基本满意"
          : "不满意";
  }
  let appealState: string | null = null;
  if (validFollowUp && (satisfaction === "不满意" || resolved === false) && prng.chance(0.12)) {
    const r = prng.next();
    appealState = r < 0.4 ? "申诉中" : r < 0.75 ? "申诉通过" : "申诉驳回";
  }
  const counted = appealState !== "申诉通过" && !prng.chance(0.02);

  let handlingUnit: string | null = null;
  if (dispatched) {
    if (area.streetLevel) {
      handlingUnit = prng.chance(0.2) ? `${community}${community.endsWith("村") ? "村委会" : "居委会"}` : prng.pick(p.departments.get(category)!);
    } else {
      handlingUnit = prng.chance(0.55) ? streetOffice(area, street.name) : prng.pick(p.departments.get(category)!);
    }
  }

  const status =
    closedAt !== null ? "已办结" : signedAt !== null ? "办理中" : dispatchedAt !== null ? "待签收" : "待派单";
  const result =
    closedAt === null
      ? null
      : resolved === false
        ? contacted === false
          ? "多次联系诉求人未果，已按规定办结。"
          : "已联系诉求人说明情况，问题暂未解决，将持续跟进。"
        : "已联系诉求人并现场处置，问题已解决。";

  return {
    orderNo,
    receivedAt: secondsToLocalDateTime(received),
    channel: proactive ? "主动治理" : p.channel.pick(prng),
    requestType,
    category1: category.level1,
    category2: category.level2,
    category3: leaf.name,
    title: `反映${leaf.name}问题`,
    content: `${prng.pick(CALLER)}：${street.name}${community}${leaf.issue}，${prng.pick(ASK)}。`,
    district: area.district,
    street: street.name,
    community,
    handlingUnit,
    dispatchedAt: dispatchedAt === null ? null : secondsToLocalDateTime(dispatchedAt),
    signedAt: signedAt === null ? null : secondsToLocalDateTime(signedAt),
    dueAt: secondsToLocalDateTime(dueAt),
    closedAt: closedAt === null ? null : secondsToLocalDateTime(closedAt),
    returnCount,
    extended,
    status,
    result,
    validFollowUp,
    contacted,
    resolved,
    satisfaction,
    counted,
    appealState,
    proactive,
  };
}

/** Orders per day: weekdays busier than weekends, some noise, summing exactly to `total`. */
function dailyCounts(prng: Prng, year: number, month: number, days: number, total: number): number[] {
  const weights: number[] = [];
  for (let d = 1; d <= days; d++) {
    const weekday = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
    weights.push((weekday === 0 || weekday === 6 ? 0.8 : 1) * (0.85 + 0.3 * prng.next()));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

function cumulative(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / sum));
}

/** Inverse of the hourly profile: u in [0, 1) → second of the day. */
function secondOfDay(cdf: readonly number[], u: number): number {
  let h = 0;
  while (h < cdf.length - 1 && u >= cdf[h]!) h++;
  const lo = h === 0 ? 0 : cdf[h - 1]!;
  const hi = cdf[h]!;
  const within = hi > lo ? (u - lo) / (hi - lo) : 0;
  return Math.min(h * 3600 + within * 3600, 86399);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

