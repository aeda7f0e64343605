import { type Installment, Installment as InstallmentSchema, Offset } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { compareLeaves, foundAt, listAt, modelOf, reasonsAt, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractPayments } from "./payments.js";

function installments(text: string): Installment[] {
  return listAt(runOnText(extractPayments, text), "payments", "installments").map((v) => InstallmentSchema.parse(v));
}

describe("extractPayments on the five signed contracts", () => {
  for (const id of SEEDS) {
    it(`${id}: every installment agrees with the hand-made model`, () => {
      const model = modelOf(id);
      const x = runOnSeed(extractPayments, id);
      const found = listAt(x, "payments", "installments").map((v) => InstallmentSchema.parse(v));
      expect(found).toHaveLength(model.payments.installments.length);
      for (const [i, expected] of model.payments.installments.entries()) {
        const c = compareLeaves(expected, found[i]);
        expect({ installment: i + 1, wrong: c.wrong, extra: c.extra, missing: c.missing }).toEqual({
          installment: i + 1,
          wrong: [],
          extra: [],
          missing: [],
        });
      }
      expect(reasonsAt(x, "payments", "installments")).toEqual([]);
    });

    it(`${id}: method, the days after a payment notice and the excused delay agree with the model`, () => {
      const model = modelOf(id);
      const x = runOnSeed(extractPayments, id);
      expect(foundAt(x, "payments", "method")?.value).toBe(model.payments.method);
      const notice = foundAt(x, "payments", "payWithinAfterNotice");
      expect(notice === undefined ? undefined : compareLeaves(model.payments.payWithinAfterNotice, Offset.parse(notice.value)).same).toEqual(
        model.payments.payWithinAfterNotice === undefined ? undefined : ["days", "unit"],
      );
      const excused = foundAt(x, "payments", "delayExcused")?.value as string | undefined;
      expect(excused === undefined).toBe(model.payments.delayExcused === undefined);
      if (excused !== undefined) expect(model.payments.delayExcused!.replace(/\s+/g, "")).toContain(excused.replace(/\s+/g, "").slice(0, 16));
    });
  }

  it("takes each installment's clause from the outline and cites its line", () => {
    const x = runOnSeed(extractPayments, "haidian-2024");
    const first = foundAt(x, "payments", "installments", 0)!;
    expect(first.source.excerpt).toContain("50%");
    expect((first.value as { clause: string }).clause).toBe(`L${first.source.line}`);
  });
});

describe("extractPayments on other wordings", () => {
  it("reads shares, a cumulative share and the remainder in one sentence", () => {
    const found = installments(
      "（1）合同签订后10个工作日内，甲方支付合同总价的30%；服务满六个月且考核合格后10个工作日内，支付至合同总价的70%，服务期满验收合格后支付余款。",
    );
    expect(found.map((i) => i.basis)).toEqual([
      { kind: "share", share: 300_000 },
      { kind: "cumulative-share", upTo: 700_000 },
      { kind: "remainder" },
    ]);
    expect(found[1]?.trigger).toEqual([{ event: "months-after-start", months: 6 }, { event: "other", text: "考核合格" }]);
    expect(found[2]?.trigger).toEqual([{ event: "term-ended" }, { event: "acceptance-passed" }]);
    expect(found[0]?.offset).toMatchObject({ days: 10, unit: "working" });
  });

  it("reads natural days when the contract says 自然日, and a bare 日 as natural with medium confidence", () => {
    const x = runOnText(extractPayments, "甲方收到发票后15个自然日内支付合同总价款的40%。\n合同签订后30日内支付合同总价款的60%。");
    const [a, b] = x.found.filter((f) => f.path[1] === "installments");
    expect((a?.value as { offset: unknown } | undefined)?.offset).toMatchObject({ days: 15, unit: "natural" });
    expect(a?.confidence).toBe("high");
    expect((b?.value as { offset: unknown } | undefined)?.offset).toMatchObject({ days: 30, unit: "natural" });
    expect(b?.confidence).toBe("medium");
  });

  it("leaves an installment whose printed amount and capitals disagree to confirm", () => {
    const x = runOnText(extractPayments, "合同生效后，甲方支付合同总价的40%，计984000元（大写：玖拾捌万伍仟元整）；\n验收合格后支付余款。");
    expect(reasonsAt(x, "payments", "installments", 0, "printed")[0]).toContain("大写与小写金额不一致");
  });

  it("keeps a condition it has no event for, joined to known ones, as other with its words", () => {
    const [first] = installments("合同签订且乙方人员进场后10个工作日内，甲方支付合同总价款的30%；验收合格后支付剩余款项。");
    expect(first?.trigger).toEqual([{ event: "signed" }, { event: "other", text: "乙方人员进场" }]);
  });

  it("names conditions it has no event for as other, in their words", () => {
    const [first] = installments("乙方完成第一阶段工作并经专家评议后，甲方支付合同总价款的40%；验收合格后支付剩余款项。");
    expect(first?.trigger).toEqual([
      { event: "other", text: "乙方完成第一阶段工作" },
      { event: "other", text: "专家评议" },
    ]);
  });

  it("asks about an installment that names no condition at all", () => {
    const x = runOnText(extractPayments, "甲方向乙方支付合同总价款的40%；验收合格后支付剩余款项。");
    expect(reasonsAt(x, "payments", "installments", 0, "trigger")[0]).toContain("未能识别第 1 期的付款条件");
  });

  it("says when the count printed and the installments found differ, and when shares leave a part unpaid", () => {
    const x = runOnText(extractPayments, "项目费用分三次支付。\n合同签订后支付合同总价款的50%；验收合格后支付合同总价款的30%。");
    const reasons = reasonsAt(x, "payments", "installments");
    expect(reasons).toContain("合同写明分 3 次支付，识别出 2 期，请核对");
    expect(reasons).toContain("各期比例合计不足 100%，且未写剩余款项如何支付，请核对");
  });

  it("reads shares written in words", () => {
    expect(installments("合同生效后，甲方支付合同总价的百分之六十；验收合格后支付合同总价的百分之四十。").map((i) => i.basis)).toEqual([
      { kind: "share", share: 600_000 },
      { kind: "share", share: 400_000 },
    ]);
  });

  it("does not read a penalty or the vendor's deposit as an installment", () => {
    expect(installments("乙方逾期交付的，每逾期一日，应向甲方支付合同总价款0.3%的违约金。")).toEqual([]);
    expect(installments("乙方应在合同签订后5个工作日内向甲方支付合同总价5%的履约保证金。")).toEqual([]);
  });

  it("reads payWithinAfterNotice and the method", () => {
    const x = runOnText(extractPayments, "支付方式：银行转账。\n甲方收到乙方付款通知书后10个工作日内支付。");
    expect(foundAt(x, "payments", "method")?.value).toBe("银行转账");
    expect(foundAt(x, "payments", "payWithinAfterNotice")?.value).toMatchObject({ days: 10, unit: "working" });
  });
});
