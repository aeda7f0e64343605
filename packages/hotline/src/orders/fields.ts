import type { WorkOrderField } from "./work-order.js";

/** How a column's cell text becomes a field value. */
export type FieldKind = "text" | "time" | "due-time" | "boolean" | "integer" | "request-type" | "satisfaction";

/**
 * A column that can be mapped from an export. `excluded` is a column, not a field:
 * it feeds `counted` inverted (a 不纳入考核 = 是 cell means counted = false).
 */
export type ColumnKey = WorkOrderField | "excluded";

export interface ColumnSpec {
  readonly key: ColumnKey;
  /** Chinese name used in messages and as the header written by the sample writers. */
  readonly label: string;
  readonly kind: FieldKind;
  /** A file without this column cannot be ingested. */
  readonly required: boolean;
}

const spec = (key: ColumnKey, label: string, kind: FieldKind, required = false): ColumnSpec => ({
  key,
  label,
  kind,
  required,
});

/** Every mappable column, in the order the sample writers emit them. */
export const COLUMN_SPECS: readonly ColumnSpec[] = [
  spec("orderNo", "工单编号", "text", true),
  spec("receivedAt", "受理时间", "time", true),
  spec("channel", "来源渠道", "text"),
  spec("requestType", "诉求类型", "request-type", true),
  spec("category1", "一级分类", "text"),
  spec("category2", "二级分类", "text"),
  spec("category3", "三级分类", "text"),
  spec("title", "标题", "text"),
  spec("content", "诉求内容", "text"),
  spec("district", "区", "text"),
  spec("street", "街乡镇", "text"),
  spec("community", "社区", "text"),
  spec("handlingUnit", "主办单位", "text"),
  spec("dispatchedAt", "派单时间", "time"),
  spec("signedAt", "签收时间", "time"),
  spec("dueAt", "办理时限", "due-time"),
  spec("closedAt", "办结时间", "time"),
  spec("returnCount", "退单次数", "integer"),
  spec("extended", "是否延期", "boolean"),
  spec("status", "工单状态", "text"),
  spec("result", "办理结果", "text"),
  spec("validFollowUp", "是否有效回访", "boolean"),
  spec("contacted", "是否联系", "boolean"),
  spec("resolved", "是否解决", "boolean"),
  spec("satisfaction", "满意度", "satisfaction"),
  spec("counted", "是否纳入考核", "boolean"),
  spec("excluded", "不纳入考核", "boolean"),
  spec("appealState", "申诉状态", "text"),
  spec("proactive", "是否主动治理", "boolean"),
];

export const COLUMN_KEYS: readonly ColumnKey[] = COLUMN_SPECS.map((s) => s.key);

const BY_KEY = new Map(COLUMN_SPECS.map((s) => [s.key, s]));

export function columnSpec(key: ColumnKey): ColumnSpec {
  const found = BY_KEY.get(key);
  if (found === undefined) throw new TypeError(`unknown column key ${key}`);
  return found;
}
