import { describe, expect, it } from "vitest";
import { compare, normaliseText } from "./compare.test-support.js";

/** The comparison itself: a wrong value must be seen as wrong, or the import's figures mean nothing. */
describe("compare", () => {
  const model = {
    fees: { total: { amount: 1718000, capitals: "壹佰柒拾壹万捌仟元整" }, text: "不比较" },
    term: { clause: "三", start: "2024-10-08", end: "2025-10-07" },
    penalties: [
      { clause: "六.1", rate: "20%", title: "整理者所起的名称" },
      { clause: "六.2", rate: "10%" },
    ],
    serviceLevels: [{ id: "response", clause: "1.3", target: "100%" }],
  };

  it("tells same, wrong, to-confirm and missing apart", () => {
    const draft = {
      fees: { total: { amount: "1,718,000.00", capitals: "【待确认：大写与小写不一致】" } },
      term: { clause: "第三条", start: "2024-10-09" },
      penalties: [
        { clause: "六.2", rate: "10.0%" },
        { clause: "六.1", rate: "30%" },
      ],
      serviceLevels: [{ id: "other-id", clause: "1.3 2)", target: "100%" }],
    };
    const verdicts = Object.fromEntries(compare("x", model, draft).leaves.map((l) => [l.path, l.verdict]));
    expect(verdicts).toEqual({
      "fees.total.amount": "same",
      "fees.total.capitals": "to-confirm",
      "term.clause": "same",
      "term.start": "wrong",
      "term.end": "missing",
      "penalties[0].clause": "same",
      "penalties[0].rate": "wrong",
      "penalties[1].clause": "same",
      "penalties[1].rate": "same",
      "serviceLevels[0].clause": "same",
      "serviceLevels[0].target": "same",
    });
  });

  it("does not take a clause next to the model's for one inside it", () => {
    const leaves = compare("x", { term: { clause: "二" }, fees: { clause: "1.3" } }, { term: { clause: "二十" }, fees: { clause: "1.31" } }).leaves;
    expect(leaves.map((l) => l.verdict)).toEqual(["wrong", "wrong"]);
  });

  it("leaves out a name the model gives that the contract does not print", () => {
    const m = { payments: { installments: [{ label: "月度服务费", id: 1 }, { label: "首付款", id: 2 }] } };
    const leaves = compare("x", m, { payments: { installments: [{ id: 1 }, { id: 2 }] } }, "a) 首付款。本合同生效后").leaves;
    expect(leaves.map((l) => l.path)).toEqual(["payments.installments[0].id", "payments.installments[1].label", "payments.installments[1].id"]);
  });

  it("compares verbatim text without spaces, and full- and half-width forms alike", () => {
    expect(normaliseText("服务期：1年，自 2024年10月8日")).toBe(normaliseText("服务期:1年,自2024年10月8日"));
    expect(normaliseText("7\\*24小时")).toBe(normaliseText("7*24小时"));
    expect(normaliseText("壹佰万元整")).not.toBe(normaliseText("壹佰万元"));
  });
});
