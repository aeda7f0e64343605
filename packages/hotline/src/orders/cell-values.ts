import type { ColumnKey } from "./fields.js";
import type { RequestType, Satisfaction } from "./work-order.js";

/**
 * Vocabulary of the cell values found in hotline exports. Lookups are exact after
 * trimming; anything else is reported as a bad value rather than guessed.
 */

const GENERIC_BOOLEAN: ReadonlyArray<readonly [string, boolean]> = [
  ["是", true],
  ["否", false],
  ["Y", true],
  ["N", false],
  ["y", true],
  ["n", false],
  ["YES", true],
  ["NO", false],
  ["Yes", true],
  ["No", false],
  ["yes", true],
  ["no", false],
  ["TRUE", true],
  ["FALSE", false],
  ["True", true],
  ["False", false],
  ["true", true],
  ["false", false],
  ["1", true],
  ["0", false],
  ["√", true],
  ["✓", true],
  ["×", false],
  ["✗", false],
  ["有", true],
  ["无", false],
];

/** Column-specific words; 部分解决 counts as not resolved. */
const COLUMN_BOOLEAN: Partial<Record<ColumnKey, ReadonlyArray<readonly [string, boolean]>>> = {
  contacted: [
    ["已联系", true],
    ["联系", true],
    ["已响应", true],
    ["响应", true],
    ["未联系", false],
    ["未响应", false],
    ["无法联系", false],
    ["联系不上", false],
  ],
  resolved: [
    ["已解决", true],
    ["解决", true],
    ["未解决", false],
    ["部分解决", false],
  ],
  validFollowUp: [
    ["有效", true],
    ["有效回访", true],
    ["无效", false],
    ["无效回访", false],
    ["未回访", false],
  ],
  extended: [
    ["已延期", true],
    ["延期", true],
    ["未延期", false],
    ["不延期", false],
  ],
  counted: [
    ["纳入考核", true],
    ["纳入", true],
    ["考核", true],
    ["不纳入考核", false],
    ["不纳入", false],
    ["不考核", false],
  ],
  excluded: [
    ["不纳入考核", true],
    ["不纳入", true],
    ["不考核", true],
    ["纳入考核", false],
    ["纳入", false],
    ["考核", false],
  ],
  proactive: [
    ["主动治理", true],
    ["未诉先办", true],
    ["非主动治理", false],
    ["接诉即办", false],
  ],
};

const booleanTables = new Map<ColumnKey, ReadonlyMap<string, boolean>>();

/** The yes/no words understood in a column (for callers that look up many cells). */
export function booleanWords(key: ColumnKey): ReadonlyMap<string, boolean> {
  let table = booleanTables.get(key);
  if (table === undefined) {
    table = new Map([...GENERIC_BOOLEAN, ...(COLUMN_BOOLEAN[key] ?? [])]);
    booleanTables.set(key, table);
  }
  return table;
}

/** A yes/no cell; undefined when the word is not understood. Empty text is not passed here. */
export function parseBooleanCell(key: ColumnKey, text: string): boolean | undefined {
  return booleanWords(key).get(text);
}

const REQUEST_TYPE_WORDS = new Map<string, RequestType>([
  ["咨询", "咨询"],
  ["求助", "求助"],
  ["求决", "求助"],
  ["投诉", "投诉"],
  ["举报", "举报"],
  ["建议", "建议"],
  ["意见建议", "建议"],
  ["意见", "建议"],
  ["表扬", "表扬"],
  ["感谢", "表扬"],
  ["咨询类", "咨询"],
  ["求助类", "求助"],
  ["投诉类", "投诉"],
  ["举报类", "举报"],
  ["建议类", "建议"],
  ["表扬类", "表扬"],
]);

export function parseRequestType(text: string): RequestType | undefined {
  return REQUEST_TYPE_WORDS.get(text);
}

const SATISFACTION_WORDS = new Map<string, Satisfaction | null>([
  ["满意", "满意"],
  ["非常满意", "满意"],
  ["基本满意", "基本满意"],
  ["比较满意", "基本满意"],
  ["不满意", "不满意"],
  ["很不满意", "不满意"],
  ["非常不满意", "不满意"],
  ["未评价", null],
  ["无", null],
]);

/** undefined when not understood; null for "not rated". */
export function parseSatisfaction(text: string): Satisfaction | null | undefined {
  return SATISFACTION_WORDS.get(text);
}

/** Non-negative integer cell (退单次数); undefined when not one. */
export function parseCount(text: string): number | undefined {
  if (!/^\d{1,9}(?:\.0+)?$/.test(text)) return undefined;
  return Number.parseInt(text, 10);
}

const NOT_APPEALED = new Set(["无", "否", "未申诉", "无申诉", "-", "—", "/"]);

/** 申诉状态: null when the cell says the order was never appealed. */
export function parseAppealState(text: string): string | null {
  return text === "" || NOT_APPEALED.has(text) ? null : text;
}
