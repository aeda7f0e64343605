import { parseYuan } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { foundAt, modelOf, reasonsAt, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractMoney } from "./money.js";

function fen(v: unknown): number | undefined {
  const r = parseYuan(v as string | number);
  return r.ok ? r.value : undefined;
}

describe("extractMoney on the five signed contracts", () => {
  for (const id of SEEDS) {
    it(`${id}: the total, its capitals and the pricing agree with the hand-made model`, () => {
      const model = modelOf(id);
      const x = runOnSeed(extractMoney, id);
      expect(fen(foundAt(x, "fees", "total", "amount")?.value)).toBe(model.fees.total.amount);
      expect(foundAt(x, "fees", "total", "capitals")?.value).toBe(model.fees.total.capitals?.replace(/\s+/g, ""));
      expect((foundAt(x, "fees", "pricing")?.value as { kind: string } | undefined)?.kind).toBe(model.fees.pricing.kind);
      expect(x.toConfirm).toEqual([]);
      // what is found agrees; what is not found is left to the default
      const tax = foundAt(x, "fees", "taxRate");
      if (model.fees.taxRate === undefined) expect(tax).toBeUndefined();
      else expect(tax?.value).toBe("6%");
      expect(foundAt(x, "fees", "estimated")?.value ?? false).toBe(model.fees.estimated);
      const included = foundAt(x, "fees", "taxIncluded");
      if (included) expect(included.value).toBe(model.fees.taxIncluded);
      const basis = foundAt(x, "fees", "finalBasis");
      const words = (t: unknown) => String(t).normalize("NFKC").replace(/\s+/g, "");
      if (basis) expect(words(basis.value)).toBe(words(model.fees.finalBasis));
      const formula = (foundAt(x, "fees", "pricing")?.value as { formula?: string } | undefined)?.formula;
      if (model.fees.pricing.kind === "monthly") expect(formula).toBe(model.fees.pricing.formula);
    });
  }

  it("cites the line of the total and takes the clause from the outline", () => {
    const x = runOnSeed(extractMoney, "bda-2024");
    const total = foundAt(x, "fees", "total", "amount")!;
    expect(total.source.excerpt).toContain("1718000元");
    expect(total.confidence).toBe("high");
    expect(foundAt(x, "fees", "clause")?.value).toBe(`L${total.source.line}`);
  });

  it("keeps non-standard capitals as printed and reads what they mean", () => {
    const x = runOnSeed(extractMoney, "pinggu-2026");
    expect(foundAt(x, "fees", "total", "capitals")?.confidence).toBe("medium");
    expect(foundAt(x, "fees", "total", "amount")?.confidence).toBe("high");
  });
});

describe("extractMoney on other wordings", () => {
  it("reads ¥ figures with separators and keeps them as printed", () => {
    const x = runOnText(extractMoney, "三、合同金额\n合同金额：¥360,000.00（大写：人民币叁拾陆万元整），含增值税，税率6%。");
    expect(foundAt(x, "fees", "total", "amount")?.value).toBe("360,000.00");
    expect(foundAt(x, "fees", "total", "capitals")?.value).toBe("人民币叁拾陆万元整");
    expect(foundAt(x, "fees", "taxIncluded")?.value).toBe(true);
    expect(foundAt(x, "fees", "taxRate")?.value).toBe("6%");
  });

  it("reads 万元", () => {
    const x = runOnText(extractMoney, "本合同总价为36万元（大写：叁拾陆万元整）。");
    expect(fen(foundAt(x, "fees", "total", "amount")?.value)).toBe(36_000_000);
  });

  it("leaves a total whose capitals disagree to confirm, with both readings", () => {
    const x = runOnText(extractMoney, "本合同总价款为2460000元（人民币大写：贰佰肆拾陆万伍仟元整）。");
    expect(foundAt(x, "fees", "total", "amount")).toBeUndefined();
    expect(reasonsAt(x, "fees", "total", "amount")[0]).toMatch(/大写与小写金额不一致.*2,460,000\.00.*2,465,000\.00/);
    expect(foundAt(x, "fees", "total", "capitals")?.value).toBe("贰佰肆拾陆万伍仟元整");
  });

  it("leaves a total printed twice with different figures to confirm", () => {
    const x = runOnText(extractMoney, "一、合同总价款为2460000元。\n二、付款：上述合同总价款为2640000元，分两期支付。");
    expect(foundAt(x, "fees", "total", "amount")).toBeUndefined();
    expect(reasonsAt(x, "fees", "total", "amount")[0]).toContain("前后写法不一致");
  });

  it("reads a figure a scan spaced out, with medium confidence when no capitals confirm it", () => {
    const x = runOnText(extractMoney, "合同总额为 482, 600. 00 元，含税。");
    const f = foundAt(x, "fees", "total", "amount");
    expect(f?.value).toBe("482,600.00");
    expect(f?.confidence).toBe("medium");
  });

  it("says when nothing names the total", () => {
    const x = runOnText(extractMoney, "乙方按月提供服务。");
    expect(reasonsAt(x, "fees", "total", "amount")).toEqual(["未找到合同总价款（“合同总价款为……元”之类的写法）"]);
  });

  it("reads 不含税, an estimate, and a budget", () => {
    const x = runOnText(extractMoney, "本项目服务费暂定总额为500000元（不含税），以审计结果为准。预算批复金额为550000元。");
    expect(foundAt(x, "fees", "taxIncluded")?.value).toBe(false);
    expect(foundAt(x, "fees", "estimated")?.value).toBe(true);
    expect(foundAt(x, "fees", "budget")?.value).toBe(550000);
  });

  it("reads a note in brackets after the words, and capitals before the figure", () => {
    const a = runOnText(extractMoney, "合同总金额（含税）：人民币 360,000.00 元。");
    expect(foundAt(a, "fees", "total", "amount")?.value).toBe("360,000.00");
    expect(foundAt(a, "fees", "taxIncluded")?.value).toBe(true);
    const b = runOnText(extractMoney, "中标金额：人民币（大写）叁拾陆万元整（¥360,000.00元）");
    expect(foundAt(b, "fees", "total", "amount")?.value).toBe("360,000.00");
    expect(foundAt(b, "fees", "total", "capitals")?.value).toBe("叁拾陆万元整");
  });

  it("does not take a share of the total for the total", () => {
    const x = runOnText(extractMoney, "合同生效后十日内，甲方支付合同总价的40%，即984000元。");
    expect(foundAt(x, "fees", "total", "amount")).toBeUndefined();
  });
});
