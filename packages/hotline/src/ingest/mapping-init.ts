import { extname } from "node:path";
import { COLUMN_SPECS, type ColumnKey } from "../orders/fields.js";
import { type Cell, cellText } from "./cell.js";
import { matchHeaderRow } from "./column-layout.js";
import { DEFAULT_COLUMN_MAPPING, normalizeHeader } from "./column-mapping.js";
import { openCsvSource } from "./csv-source.js";
import { HotlineIngestError } from "./errors.js";
import { openXlsxSource } from "./xlsx-source.js";

/**
 * Words that suggest a column, checked in this order (a more specific column first, so
 * 不纳入考核 is not taken for 纳入考核, nor 申诉状态 for 工单状态).
 */
const HINTS: ReadonlyArray<readonly [ColumnKey, readonly string[]]> = [
  ["orderNo", ["工单编号", "工单号", "编号", "单号", "流水号"]],
  ["excluded", ["不纳入", "剔除", "不考核"]],
  ["counted", ["纳入考核", "是否考核", "考核"]],
  ["appealState", ["申诉"]],
  ["validFollowUp", ["有效回访", "回访"]],
  ["dueAt", ["时限", "截止", "期限", "到期"]],
  ["receivedAt", ["受理", "来电", "登记", "创建", "诉求时间"]],
  ["dispatchedAt", ["派单", "转派", "派发", "交办"]],
  ["signedAt", ["签收"]],
  ["closedAt", ["办结", "结案", "完成时间", "办毕"]],
  ["returnCount", ["退单", "退回"]],
  ["extended", ["延期"]],
  ["category1", ["一级"]],
  ["category2", ["二级"]],
  ["category3", ["三级"]],
  ["requestType", ["诉求类型", "问题类型", "工单类型", "诉求性质", "类型", "类别", "性质"]],
  ["channel", ["渠道", "来源"]],
  ["title", ["标题", "主题"]],
  ["content", ["内容", "描述", "详情"]],
  ["district", ["区县", "所属区", "行政区"]],
  ["street", ["街乡", "街道", "乡镇"]],
  ["community", ["社区", "村居", "村"]],
  ["handlingUnit", ["承办", "主办", "办理单位", "责任单位", "处理单位", "部门"]],
  ["proactive", ["主动治理", "未诉先办", "主动"]],
  ["contacted", ["联系", "响应"]],
  ["resolved", ["解决"]],
  ["satisfaction", ["满意", "评价"]],
  ["status", ["状态"]],
  ["result", ["结果", "答复", "回复"]],
];

/** A column found in an export's header: the header, and whether it is the default name or a guess. */
export type Found = { header: string; how: "default" | "guess"; hint?: string };

/** Which header each column takes: a default header when the file has one, else a guess from the words it contains. */
export function guessColumns(headers: readonly string[]): Partial<Record<ColumnKey, Found>> {
  const present = headers.map((h) => h.trim()).filter((h) => h !== "");
  const taken = new Set<string>();
  const found: Partial<Record<ColumnKey, Found>> = {};
  for (const spec of COLUMN_SPECS) {
    const accepted = new Set(DEFAULT_COLUMN_MAPPING[spec.key].map(normalizeHeader));
    const header = present.find((h) => accepted.has(normalizeHeader(h)) && !taken.has(h));
    if (header === undefined) continue;
    found[spec.key] = { header, how: "default" };
    taken.add(header);
  }
  for (const [key, words] of HINTS) {
    if (found[key] !== undefined) continue;
    for (const word of words) {
      const header = present.find((h) => !taken.has(h) && h.includes(word));
      if (header === undefined) continue;
      found[key] = { header, how: "guess", hint: word };
      taken.add(header);
      break;
    }
  }
  return found;
}

/** A YAML string that reads back as itself. */
function yamlText(text: string): string {
  return /^[\p{L}\p{N}_（）()·/-][\p{L}\p{N}_（）()·/ -]*$/u.test(text) && !/^(true|false|null|yes|no|~)$/i.test(text) && !/^\d/.test(text)
    ? text
    : JSON.stringify(text);
}

/**
 * A starter mapping file for an export: each column with the header found for it, the guesses
 * marked `# 猜测` (to check), the columns not found commented out, the headers left over listed,
 * and an example of the value mapping. Reads back with `loadExportMapping`.
 */
export function starterMapping(headers: readonly string[], source: { file: string; row: number }): string {
  const found = guessColumns(headers);
  const lines = [
    `# 列名映射：由 qiyue mapping init 按 ${source.file} 第 ${source.row} 行的表头生成`,
    "# 每行“列: 导出文件中的表头”；列可写中文名或英文键（如 满意度 或 satisfaction）；一个表头只能对应一列。",
    "# 标“# 猜测”的是按表头文字推断的，请逐一核对；标“# 未找到”的列导出文件中没有，必需列须补上表头。",
    "# 用法：qiyue metrics --orders 导出.csv --mapping 本文件；qiyue render monthly-report … --mapping 本文件",
    "",
  ];
  const width = Math.max(...COLUMN_SPECS.map((s) => displayWidth(s.label)));
  for (const spec of COLUMN_SPECS) {
    const f = found[spec.key];
    const required = spec.required ? "（必需）" : "";
    if (f === undefined) {
      const entry = `# ${spec.label}: ""`;
      lines.push(`${entry}${" ".repeat(Math.max(1, width + 14 - displayWidth(entry)))}# 未找到${required}：${spec.key}`);
      continue;
    }
    const entry = `${spec.label}: ${yamlText(f.header)}`;
    const note = f.how === "default" ? `与常见表头一致${required}` : `猜测：表头含“${f.hint}”，请核对${required}`;
    lines.push(`${entry}${" ".repeat(Math.max(1, width + 14 - displayWidth(entry)))}# ${note}：${spec.key}`);
  }
  const used = new Set(Object.values(found).map((f) => f.header));
  const unused = headers.map((h) => h.trim()).filter((h) => h !== "" && !used.has(h));
  if (unused.length > 0) lines.push("", `# 导出文件中未对应任何列的表头：${unused.join("、")}`);
  lines.push(
    "",
    "# 单元格取值的对应（可选）：导出中的写法 → qiyue 认识的写法。",
    "# 是/否类的列对应到 是 或 否；满意度对应到 满意、基本满意、不满意、未评价；诉求类型对应到 咨询、求助、投诉、举报、建议、表扬。",
    "# values:",
    "#   满意度:",
    "#     一般: 基本满意",
    "#   是否联系:",
    "#     已联系: 是",
    "#     未联系: 否",
    "",
  );
  return lines.join("\n");
}

function displayWidth(text: string): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** The header row of an export: among its first non-blank rows, the one most like a header. */
export async function readHeaderRow(
  file: string,
  options: { displayName?: string; encoding?: "auto" | "utf8" | "gbk"; delimiter?: string; searchRows?: number } = {},
): Promise<{ row: number; headers: string[] }> {
  const name = options.displayName ?? file;
  const source =
    extname(file).toLowerCase() === ".xlsx"
      ? openXlsxSource(file, name)
      : await openCsvSource(file, {
          displayName: name,
          ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
          ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
        });
  const limit = options.searchRows ?? 10;
  let best: { row: number; headers: string[]; matched: number } | null = null;
  let seen = 0;
  outer: for await (const batch of source.batches()) {
    for (let k = 0; k < batch.rows.length; k++) {
      const cells: readonly Cell[] = batch.rows[k]!;
      const headers = cells.map(cellText);
      if (headers.every((h) => h === "")) continue;
      const attempt = matchHeaderRow(headers, DEFAULT_COLUMN_MAPPING);
      const matched = attempt.ok ? COLUMN_SPECS.length : attempt.matched;
      const guessed = Object.keys(guessColumns(headers)).length;
      const score = Math.max(matched, guessed);
      if (best === null || score > best.matched) best = { row: batch.rowNumbers[k]!, headers, matched: score };
      if (++seen >= limit) break outer;
    }
  }
  if (best === null) throw new HotlineIngestError("empty-file", `${name} 没有任何数据`, { file: name });
  return { row: best.row, headers: best.headers };
}
