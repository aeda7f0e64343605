import { type Contract, computeSchedule, loadContract, parseCapitals } from "@qiyue/contract-model";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PendingList } from "../pending.js";
import { clausesView } from "./index.js";
import type { InstallmentClauseView } from "./view.js";

const example = async (id: string) =>
  (await loadContract(fileURLToPath(new URL(`../../../../../examples/contracts/${id}.yaml`, import.meta.url)))).contract;

function generate(contract: Contract) {
  const pending = new PendingList();
  const view = clausesView(contract, computeSchedule(contract), pending);
  const payments = view.articles.find((a) => a.key === "payments")!;
  const installments = payments.paragraphs.flatMap((p) => (p.installment === undefined ? [] : [p.installment]));
  return { view, payments, installments, pending: pending.items };
}

/** How many months a monthly entry covers: 第1个月至第11个月 → 11. */
function months(entry: InstallmentClauseView): number {
  const m = /^第(\d+)个月(?:至第(\d+)个月)?$/.exec(entry.name);
  if (m === null) return 1;
  return m[2] === undefined ? 1 : Number(m[2]) - Number(m[1]) + 1;
}

describe("generated payment clauses", () => {
  it.each(["haidian-2024", "yuetan-2026", "bda-2024"])("%s: every installment as printed in the signed contract, figures and capitals", async (id) => {
    const contract = await example(id);
    const { installments, pending } = generate(contract);
    const printed = contract.payments.installments.filter((i) => i.printed?.amount !== undefined);
    // the signed contracts print at least two installments' figures each
    expect(printed.length).toBeGreaterThanOrEqual(2);
    for (const inst of printed) {
      const entry = installments[contract.payments.installments.indexOf(inst)]!;
      expect(entry.sum?.amount).toBe(inst.printed!.amount);
      // the capitals are the canonical spelling of the figure (the print may differ in spelling only)
      const back = parseCapitals(entry.sum!.inWords);
      expect(back.ok && back.fen).toBe(inst.printed!.amount);
    }
    expect(pending.filter((p) => p.what.endsWith("期金额"))).toEqual([]);
  });

  it.each(["haidian-2024", "yuetan-2026", "bda-2024", "sujiatuo-2026"])("%s: the installments add up to the contract total, and the text says so", async (id) => {
    const contract = await example(id);
    const { installments, payments } = generate(contract);
    const sum = installments.reduce((s, e) => s + e.sum!.amount * months(e), 0);
    expect(sum).toBe(contract.fees.total.amount);
    const total = payments.paragraphs.find((p) => p.text?.includes("合计"))!.text!;
    expect(total).toContain("与合同总价款一致");
    for (const e of installments) {
      const back = parseCapitals(e.sum!.inWords);
      expect(back.ok && back.fen).toBe(e.sum!.amount);
    }
  });

  it("sujiatuo: monthly billing in runs of equal months, twelve months in all", async () => {
    const { installments } = generate(await example("sujiatuo-2026"));
    expect(installments.map((e) => [e.name, e.monthly, e.sum?.amount])).toEqual([
      ["第1个月至第11个月", true, 14_720_833],
      ["第12个月", false, 14_720_837],
    ]);
    expect(installments.every((e) => e.basis === "上月服务费" && e.note !== undefined)).toBe(true);
  });

  it("pinggu: “支付至 20%” after 50% gives no amount, and the remainder after it is open too: both printed as 【待确认】", async () => {
    const { installments, payments, pending } = generate(await example("pinggu-2026"));
    expect(installments[0]!.sum?.amount).toBe(98_955_000);
    expect(installments[1]!.sum).toBeUndefined();
    expect(installments[1]!.open).toMatch(/^【待确认：.*支付至/);
    expect(installments[2]!.sum).toBeUndefined();
    expect(installments[2]!.open).toMatch(/^【待确认：/);
    // no total is claimed while an installment is open
    expect(payments.paragraphs.some((p) => p.text?.includes("合计"))).toBe(false);
    expect(pending.map((p) => [p.what, p.clause])).toEqual(
      expect.arrayContaining([
        ["第2期金额", "第六条"],
        ["第3期金额", "第六条"],
      ]),
    );
  });

  it("the payee's account is the vendor's, as recorded; “/” is no account and is left open", async () => {
    const haidian = generate(await example("haidian-2024"));
    const account = haidian.payments.paragraphs.find((p) => p.text?.startsWith("乙方收款账户"))!.text!;
    expect(account).toContain("中国工商银行北京分行长安支行");
    expect(account).toContain("0200003319210012727");
    const pinggu = generate(await example("pinggu-2026"));
    expect(pinggu.payments.paragraphs.find((p) => p.text?.startsWith("乙方收款账户"))!.text).toMatch(/【待确认：/);
    expect(pinggu.pending.some((p) => p.what === "乙方收款账户")).toBe(true);
  });

  it("for any total, shares adding up to 100 % are written with amounts that add up to the total", async () => {
    const base = await example("haidian-2024");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 11 }), fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }), (total, a, b) => {
        fc.pre(a + b < 100);
        const shares = [a, b, 100 - a - b];
        const contract: Contract = {
          ...base,
          fees: { ...base.fees, total: { amount: total } },
          payments: {
            ...base.payments,
            installments: base.payments.installments.map((inst, i) => {
              const { printed: _printed, ...rest } = inst;
              return { ...rest, basis: { kind: "share" as const, share: shares[i]! * 10_000 } };
            }),
          },
        };
        const { installments } = generate(contract);
        expect(installments.reduce((s, e) => s + e.sum!.amount, 0)).toBe(total);
      }),
      { numRuns: 200 },
    );
  });
});
