import { stringify } from "yaml";
import { z } from "zod";
import { HotlineConfigError } from "../config-error.js";
import { COLUMN_KEYS, COLUMN_SPECS, type ColumnKey } from "../orders/fields.js";
import { parseConfigValue } from "../yaml-config.js";

/** Column → accepted header names, first match wins. */
export type ColumnMapping = Readonly<Record<ColumnKey, readonly string[]>>;

const headerList = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((v) => (typeof v === "string" ? [v] : v));

/** A user's mapping file: any subset of columns, each one header or a list. */
export const ColumnMappingOverride = z.partialRecord(z.enum(COLUMN_KEYS as [ColumnKey, ...ColumnKey[]]), headerList);
export type ColumnMappingOverride = z.input<typeof ColumnMappingOverride>;

/** Headers of common 12345 exports. */
export const DEFAULT_COLUMN_MAPPING: ColumnMapping = {
  orderNo: ["工单编号", "工单号", "工单编码", "编号"],
  receivedAt: ["受理时间", "来电时间", "登记时间", "诉求时间", "创建时间"],
  channel: ["来源渠道", "渠道", "诉求渠道", "来源"],
  requestType: ["诉求类型", "问题类型", "工单类型", "诉求性质"],
  category1: ["一级分类", "一级问题分类", "问题分类一级"],
  category2: ["二级分类", "二级问题分类", "问题分类二级"],
  category3: ["三级分类", "三级问题分类", "问题分类三级"],
  title: ["标题", "工单标题", "诉求标题"],
  content: ["诉求内容", "问题描述", "来电内容", "工单内容"],
  district: ["区", "所属区", "区县", "所属区县"],
  street: ["街乡镇", "街道", "所属街乡镇", "街道（乡镇）", "乡镇街道"],
  community: ["社区", "村", "社区（村）", "社区/村", "所属社区"],
  handlingUnit: ["主办单位", "承办单位", "办理单位", "责任单位"],
  dispatchedAt: ["派单时间", "转派时间"],
  signedAt: ["签收时间"],
  dueAt: ["办理时限", "截止时间", "办结时限", "到期时间"],
  closedAt: ["办结时间", "结案时间"],
  returnCount: ["退单次数"],
  extended: ["是否延期", "延期"],
  status: ["工单状态", "状态"],
  result: ["办理结果", "处理结果", "答复内容"],
  validFollowUp: ["是否有效回访", "有效回访"],
  contacted: ["是否联系", "响应情况", "是否响应", "联系情况"],
  resolved: ["是否解决", "解决情况"],
  satisfaction: ["满意度", "满意情况", "满意度评价"],
  counted: ["是否纳入考核", "纳入考核"],
  excluded: ["不纳入考核", "是否不纳入考核"],
  appealState: ["申诉状态", "申诉情况"],
  proactive: ["是否主动治理", "未诉先办", "主动治理", "是否未诉先办"],
};

/** Header comparison ignores spaces, BOM, full/half-width brackets, a required-mark `*` and Latin case. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[\uFEFF\u200B\s]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/^\*+|\*+$/g, "")
    .toLowerCase();
}

/**
 * The default mapping with the user's columns replaced. A header the user assigns to
 * a column is taken away from every column the user did not name.
 */
export function mergeColumnMapping(override: ColumnMappingOverride, file = "列名映射"): ColumnMapping {
  const parsed = parseConfigValue(ColumnMappingOverride, override, file, "mapping-invalid", "列名映射");
  return merge(parsed, file);
}

function merge(parsed: Partial<Record<ColumnKey, string[]>>, file: string): ColumnMapping {
  const claimedBy = new Map<string, ColumnKey>();
  for (const key of COLUMN_KEYS) {
    for (const header of parsed[key] ?? []) {
      const norm = normalizeHeader(header);
      const other = claimedBy.get(norm);
      if (other !== undefined && other !== key) {
        throw new HotlineConfigError(
          "mapping-ambiguous",
          `${file}：表头「${header}」同时映射到「${label(other)}」和「${label(key)}」`,
          { file, path: key },
        );
      }
      claimedBy.set(norm, key);
    }
  }
  const result = {} as Record<ColumnKey, readonly string[]>;
  for (const key of COLUMN_KEYS) {
    const own = parsed[key];
    result[key] =
      own !== undefined ? own : DEFAULT_COLUMN_MAPPING[key].filter((h) => !claimedBy.has(normalizeHeader(h)));
  }
  return result;
}

/** The default mapping as YAML, a starting point for a user's own file. */
export function columnMappingToYaml(mapping: ColumnMapping = DEFAULT_COLUMN_MAPPING): string {
  const lines = ["# 列名映射：字段 → 可接受的表头（按顺序匹配第一个出现的表头）"];
  for (const spec of COLUMN_SPECS) {
    lines.push(`# ${spec.label}${spec.required ? "（必需）" : ""}`);
    lines.push(stringify({ [spec.key]: [...mapping[spec.key]] }, { flowCollectionPadding: false }).trimEnd());
  }
  return lines.join("\n") + "\n";
}

function label(key: ColumnKey): string {
  return COLUMN_SPECS.find((s) => s.key === key)?.label ?? key;
}
