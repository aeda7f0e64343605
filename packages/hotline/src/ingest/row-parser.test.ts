import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COLUMN_SPECS } from "../orders/fields.js";
import { WorkOrder } from "../orders/work-order.js";
import type { Cell } from "./cell.js";
import { matchHeaderRow } from "./column-layout.js";
import { DEFAULT_COLUMN_MAPPING } from "./column-mapping.js";
import { createRowParser, isRowProblem } from "./row-parser.js";

const headers = COLUMN_SPECS.map((s) => s.label);
const attempt = matchHeaderRow(headers, DEFAULT_COLUMN_MAPPING);
if (!attempt.ok) throw new Error("default headers must match");
const parse = createRowParser(attempt.layout);
const column = (label: string) => headers.indexOf(label);

function row(values: Record<string, Cell>): Cell[] {
  const cells: Cell[] = headers.map(() => "");
  for (const [label, value] of Object.entries(values)) cells[column(label)] = value;
  return cells;
}

describe("row parser", () => {
  it("builds an order with trimmed text, normalised times and defaults", () => {
    const order = parse(
      row({ 工单编号: " W1 ", 受理时间: "2026/3/1 8:00", 诉求类型: "求决", 办理时限: "2026-03-08", 不纳入考核: "是", 主办单位: "\u3000甲\u3000" }),
    );
    expect(isRowProblem(order)).toBe(false);
    expect(order).toMatchObject({
      orderNo: "W1",
      receivedAt: "2026-03-01 08:00:00",
      requestType: "求助",
      dueAt: "2026-03-08 23:59:59",
      handlingUnit: "甲",
      counted: false,
      extended: false,
      validFollowUp: null,
    });
  });

  it("reports the first bad cell with its header and value", () => {
    expect(parse(row({ 工单编号: "W2", 受理时间: "2026-03-01 08:00", 诉求类型: "投诉", 退单次数: "两次" }))).toEqual({
      code: "bad-integer",
      column: "退单次数",
      value: "两次",
    });
  });

  it("returns either a problem or an order the schema accepts, for any cells", () => {
    const vocabulary: Record<string, readonly string[]> = {
      工单编号: ["", "X1", " X2 "],
      受理时间: ["", "2026-03-01 08:00", "2026/2/30 8:00", "2026-03-01 08:00:07", "昨天"],
      诉求类型: ["", "投诉", "求决", "催办"],
      满意度: ["", "满意", "比较满意", "未评价", "还行"],
      退单次数: ["", "0", "3", "x"],
      办理时限: ["", "2026-03-08", "2026-03-08 17:00"],
      是否联系: ["", "是", "否", "已联系", "也许"],
      不纳入考核: ["", "是", "否", "不纳入考核"],
      申诉状态: ["", "无", "申诉中"],
    };
    const cells = fc.record(Object.fromEntries(Object.entries(vocabulary).map(([k, v]) => [k, fc.constantFrom(...v)])));
    fc.assert(
      fc.property(cells, fc.string(), (values, free) => {
        const result = parse(row({ ...values, 诉求内容: free, 标题: free }));
        if (isRowProblem(result)) expect(headers).toContain(result.column);
        else expect(WorkOrder.safeParse(result).success).toBe(true);
      }),
    );
  });
});
