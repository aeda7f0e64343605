import { type Contract, computeSchedule, contractStatus, ledgerAsOf, loadContract, loadEvents } from "@qiyue/contract-model";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TemplateError } from "@qiyue/templating";
import { DEFAULT_APPROVAL, paymentView, splitTax } from "./payment.js";
import { PendingList } from "./pending.js";

const examples = (path: string) => fileURLToPath(new URL(`../../../../examples/${path}`, import.meta.url));
const example = async (id: string) => (await loadContract(examples(`contracts/${id}.yaml`))).contract;

/** The view of payment `number`, and what it left open. */
function view(contract: Contract, number: number, ledger?: { file: string; asOf: string; events?: Awaited<ReturnType<typeof loadEvents>>["events"] }) {
  const pending = new PendingList();
  const events = ledger?.events;
  const withLedger =
    ledger && events
      ? { status: contractStatus(contract, events, ledger.asOf), events: ledgerAsOf(events, ledger.asOf).events, asOf: ledger.asOf }
      : undefined;
  const v = paymentView({ contract, schedule: computeSchedule(contract), number, ...(withLedger ? { ledger: withLedger } : {}), pending });
  return { view: v, pending: pending.items };
}

async function withEvents(contract: Contract, id: string, number: number, asOf: string) {
  const events = (await loadEvents(examples(`events/${id}.yaml`), { contract })).events;
  return view(contract, number, { file: id, asOf, events });
}

describe("payment request data", () => {
  it("splits tax as gross × rate ÷ (1 + rate), half up to the 分", () => {
    expect(splitTax(162609550, 60000)).toEqual({ tax: 9204314, net: 153405236 });
    expect(splitTax(106, 60000)).toEqual({ tax: 6, net: 100 });
    expect(splitTax(0, 60000)).toEqual({ tax: 0, net: 0 });
  });

  it("haidian installment 1: amount, due date, tax, bank details as printed", async () => {
    const { view: v } = view(await example("haidian-2024"), 1);
    expect(v.amount).toBe(162609550);
    expect(v.due).toMatchObject({ date: "2024-09-23", agreed: true, rule: "付款条件全部成就后 15 个工作日内" });
    expect(v.due.text).toMatch(/^2024年9月23日（2024年9月1日付款条件全部成就，此后 15 个工作日内/);
    expect(v.conditions).toEqual([expect.objectContaining({ text: "合同生效", date: "2024-09-01" }), expect.objectContaining({ text: expect.stringMatching(/^乙方开具发票并交付甲方/) })]);
    expect(v.paidBefore).toBe(0);
    expect(v.invoice.tax).toEqual({ rate: 60000, splits: [{ basis: "本期应付", gross: 162609550, tax: 9204314, net: 153405236 }] });
    expect(v.payee).toMatchObject({
      name: "中国联合网络通信有限公司北京市分公司",
      bank: "中国工商银行北京分行长安支行",
      accountName: "中国联合网络通信有限公司北京市分公司",
      accountNumber: "0200003319210012727",
    });
  });

  it("counts what was paid before, and lists acceptance material when acceptance triggers the payment", async () => {
    const { view: v } = view(await example("haidian-2024"), 3);
    expect(v.paidBefore).toBe(162609550 + 97565730);
    expect(v.attachments.some((a) => a.startsWith("验收材料"))).toBe(true);
  });

  it("pinggu prints “/” for its bank: each payee field is 【待确认】 and a warning, and no tax rate", async () => {
    const { view: v, pending } = view(await example("pinggu-2026"), 1);
    expect(v.payee.name).toBe("中国联合网络通信有限公司北京市分公司");
    for (const field of [v.payee.bank, v.payee.accountName, v.payee.accountNumber]) expect(field).toBe("【待确认：合同未载明，请乙方补充】");
    expect(pending.map((p) => p.what)).toEqual(expect.arrayContaining(["收款开户银行", "收款户名", "收款账号"]));
    expect(v.invoice.tax).toBeUndefined();
  });

  it("a contract that names the payee account prints it, with no warning about it", async () => {
    const { view: v, pending } = view(await example("haidian-2024"), 1);
    expect(v.payee.accountNumber).toMatch(/^\d{10,}$/);
    expect(pending.map((p) => p.what)).not.toContain("收款账号");
  });

  it("an installment out of range is a clear error", async () => {
    const contract = await example("haidian-2024");
    expect(() => view(contract, 4)).toThrow(TemplateError);
    expect(() => view(contract, 4)).toThrow(/共 3 期，应为 1 到 3/);
  });

  it("a monthly contract has one installment a month, due after the invoice for that month", async () => {
    const contract = await example("sujiatuo-2026");
    const { view: v } = view(contract, 2);
    expect(v.row.month).toBe("2026年5月2日至2026年6月1日");
    expect(v.paidBefore).toBe(v.paidRows[0]!.amount);
    expect(v.conditions[0]).toMatchObject({ date: "2026-06-02" });
    expect(v.due.text).toBe("自甲方收到等额发票之日起 10 个工作日内");
    expect(() => view(contract, 13)).toThrow(/按月结算/);
  });

  it("refuses an installment the contract's wording cannot compute", async () => {
    const contract = await example("pinggu-2026");
    expect(() => view(contract, 2)).toThrow(/无法按合同计算/);
  });
});

describe("the due date: only where the contract sets one", () => {
  it("BDA 二.2(1) “本合同生效后…支付” sets no deadline: no date is invented, and the point is recorded", async () => {
    const { view: v, pending } = view(await example("bda-2024"), 1);
    expect(v.due.date).toBeUndefined();
    expect(v.due).toMatchObject({ agreed: false, rule: "合同未约定付款期限" });
    expect(v.due.text).toMatch(/^合同未约定付款期限/);
    expect(v.due.text).not.toMatch(/2024年9月30日/);
    expect(pending).toContainEqual({ what: "应付日期", reason: "合同未约定付款期限", clause: "第二条第2款第（1）项" });
    // the condition itself is dated: the contract takes effect when signed
    expect(v.conditions).toEqual([
      expect.objectContaining({ text: "合同生效", date: "2024-09-30", source: expect.stringMatching(/^合同所载签订日期/) }),
      expect.objectContaining({ text: expect.stringMatching(/^乙方开具发票并交付甲方/) }),
    ]);
  });

  it("BDA 二.2(2) “2024年12月支付” is a time: due by the end of the month", async () => {
    const { view: v, pending } = view(await example("bda-2024"), 2);
    expect(v.due).toMatchObject({ date: "2024-12-31", agreed: true });
    expect(pending).toEqual([]);
  });

  it("Pinggu without a ledger: the funds' arrival is not known, so neither is the due date", async () => {
    const { view: v, pending } = view(await example("pinggu-2026"), 1);
    expect(v.due.date).toBeUndefined();
    expect(v.due.text).toMatch(/^【待确认：付款条件尚未确认成就：财政资金拨付到甲方账户】$/);
    expect(v.conditions[1]).toMatchObject({ text: "财政资金拨付到甲方账户", open: expect.stringMatching(/^【待确认：尚无履约记录/) });
    expect(pending.map((p) => p.what)).toEqual(["付款条件“财政资金拨付到甲方账户”", "应付日期", "收款开户银行", "收款户名", "收款账号"]);
  });

  it("Pinggu with its ledger: the funds arrived on 2026-03-25 (30 working days: 2026-05-11), but the invoice the contract asks for first came on 2026-05-15: no day is computed", async () => {
    const contract = await example("pinggu-2026");
    const { view: v, pending } = await withEvents(contract, "pinggu-2026", 1, "2026-06-30");
    expect(v.conditions).toEqual([
      { text: "合同签订", date: "2026-03-19", source: "履约记录" },
      { text: "财政资金拨付到甲方账户", date: "2026-03-25", source: "履约记录（区财政资金拨付到位）" },
      { text: "乙方开具发票并交付甲方（第二条第3款）", date: "2026-05-15", source: "履约记录：开具发票" },
    ]);
    expect(v.due.date).toBeUndefined();
    expect(v.due.text).toMatch(/^【待确认：发票2026年5月15日开具，晚于按付款条件算出的2026年5月11日/);
    expect(pending.map((p) => p.what)).toContain("应付日期");
  });

  it("Pinggu with its ledger before the invoice: the due date stands, and the invoice goes with the request", async () => {
    const contract = await example("pinggu-2026");
    const { view: v } = await withEvents(contract, "pinggu-2026", 1, "2026-05-12");
    expect(v.conditions.at(-1)).toEqual({ text: "乙方开具发票并交付甲方（第二条第3款）", source: "随本申请提交发票" });
    expect(v.due.date).toBe("2026-05-11");
  });

  it("a condition the ledger dates after its own date has not happened yet", async () => {
    const contract = await example("haidian-2024");
    const { view: v } = await withEvents(contract, "haidian-2024", 2, "2024-10-31");
    expect(v.conditions[0]).toMatchObject({ text: "签订合同 2 个月后", date: "2024-11-01", open: "【待确认：截至2024年10月31日尚未成就】" });
    expect(v.due.date).toBeUndefined();
  });

  it("a soft condition (“双方合作无异议”) is the client's to confirm; the date the contract sets still stands", async () => {
    const { view: v, pending } = view(await example("yuetan-2026"), 2);
    expect(v.conditions).toEqual([expect.objectContaining({ text: "双方合作无异议", open: expect.stringContaining("须甲方确认") }), expect.objectContaining({ text: expect.stringMatching(/^乙方开具发票并交付甲方/) })]);
    expect(v.due.date).toBe("2026-06-30");
    expect(pending.map((p) => p.what)).toEqual(["付款条件“双方合作无异议”"]);
  });
});

describe("what was paid before, by the ledger", () => {
  it("lists the payments received and what is still owed on earlier installments", async () => {
    const contract = await example("haidian-2024");
    const { view: v } = await withEvents(contract, "haidian-2024", 3, "2024-10-31");
    expect(v.received?.rows.map((r) => [r.date, r.installment, r.amount])).toEqual([
      ["2024-10-08", "第 1 期（首付款）", 100000000],
      ["2024-10-15", "第 1 期（首付款）", 62609550],
    ]);
    expect(v.paidBefore).toBe(162609550);
    expect(v.unpaidEarlier).toEqual([{ installment: "第 2 期（进度款）", outstanding: 97565730 }]);
  });

  it("refuses a request for an installment the ledger shows paid in full", async () => {
    const contract = await example("haidian-2024");
    await expect(withEvents(contract, "haidian-2024", 1, "2024-10-31")).rejects.toThrow(/第 1 期已按履约记录付清（2024年10月8日 1,000,000\.00 元、2024年10月15日 626,095\.50 元）/);
  });
});

describe("deductions finance can check", () => {
  it("each deduction names the deliverable or event, its due date, the day it happened, the days, the clause and the arithmetic", async () => {
    const contract = await example("pinggu-2026");
    const { view: v } = await withEvents(contract, "pinggu-2026", 1, "2026-06-30");
    const [late, meetings, manager] = v.deductionItems;
    expect(late).toMatchObject({
      number: 1,
      clause: "四.1",
      title: "迟延履行",
      amount: 5937300,
      dated: true,
      facts: [{ subject: "月报 2026-04 期", due: "2026-05-06", date: "2026-05-09", days: 3 }],
      calculation: ["1% × 1,979,100.00 元 × 3 日 = 59,373.00 元"],
    });
    expect(late?.base).toMatch(/^合同总价款 1,979,100\.00 元/);
    expect(meetings).toMatchObject({ clause: "四.3", amount: 400000, dated: false, summary: "未按时参加工作会议 4 次" });
    expect(meetings?.facts.map((f) => f.date)).toEqual(["2026-04-10", "2026-04-24", "2026-05-08", "2026-05-22"]);
    expect(meetings?.facts[3]).toMatchObject({ note: "项目负责人出差，未派人参会" });
    expect(manager).toMatchObject({ clause: "四.5", amount: 1000000, facts: [{ subject: "未事先通知更换项目负责人", date: "2026-05-06" }] });
    expect(v.deductions).toBe(7337300);
    expect(v.net).toBe(98955000 - 7337300);
  });

  it("a recorded breach whose penalty the contract leaves to the client (10–30 % at the yearly settlement) is listed, not deducted, and open", async () => {
    const contract = await example("pinggu-2026");
    const { view: v, pending } = await withEvents(contract, "pinggu-2026", 1, "2026-06-30");
    expect(v.openPenalties[0]).toEqual(
      expect.objectContaining({ clause: "四.7", what: expect.stringContaining("签收率"), open: expect.stringMatching(/^【待确认：合同只约定了比例区间/) }),
    );
    expect(pending.some((p) => p.clause === "第四条第7款")).toBe(true);
  });

  it("four missed meetings pass 四.3's “超过三次”: its 10 % entry is reported as the client's to apply, not deducted", async () => {
    const contract = await example("pinggu-2026");
    const { view: v, pending } = await withEvents(contract, "pinggu-2026", 1, "2026-06-30");
    expect(v.openPenalties[1]).toMatchObject({ clause: "四.3", title: "未按时参加工作会议超过三次" });
    expect(v.openPenalties[1]?.open).toMatch(/^【待确认：已发生 4 次，超过 3 次，本条另约定“超过三次的.*”（即 197,910\.00 元），是否适用由甲方确定，本期未扣减】$/);
    expect(v.deductions).toBe(7337300);
    expect(pending).toContainEqual(expect.objectContaining({ what: "未扣减的违约金", clause: "第四条第3款" }));
  });

  it("with deductions the invoice's amount is open: the tax is split both ways", async () => {
    const pinggu = await example("pinggu-2026");
    const contract = { ...pinggu, fees: { ...pinggu.fees, taxRate: 60000 } };
    const { view: v, pending } = await withEvents(contract, "pinggu-2026", 1, "2026-06-30");
    expect(v.invoice.amount).toBeUndefined();
    expect(v.invoice.amountOpen).toMatch(/^【待确认：本期扣减违约金 73,373\.00 元，合同未明确发票按扣减前的本期金额（989,550\.00 元）还是扣减后的实付金额（916,177\.00 元）开具】$/);
    expect(v.invoice.tax?.splits.map((s) => [s.basis, s.gross])).toEqual([
      ["按扣减前的本期金额", 98955000],
      ["按扣减后的实付金额", 91617700],
    ]);
    expect(pending.map((p) => p.what)).toContain("发票金额");
  });
});

describe("the invoice type, as each contract asks for it", () => {
  it("Yuetan 5.2: 增值税专用发票, the choice marked in the print", async () => {
    const contract = await example("yuetan-2026");
    expect(contract.payments.invoice).toMatchObject({ clause: "5.2", type: "增值税专用发票", choices: ["增值税专用发票", "非增值税专用发票"] });
    const { view: v, pending } = view(contract, 1);
    expect(v.invoice).toMatchObject({ type: "增值税专用发票", typeText: "增值税专用发票（合同第5.2条）", agreed: true });
    expect(v.attachments[0]).toBe("增值税专用发票（925,380.50 元）");
    expect(pending).toEqual([]);
  });

  it("Pinggu 二.3: 增值税发票, neither special nor ordinary named", async () => {
    const { view: v } = view(await example("pinggu-2026"), 1);
    expect(v.invoice).toMatchObject({ type: "增值税发票", typeText: "增值税发票（合同第二条第3款；未区分专用发票或普通发票）" });
  });

  it("Haidian 4.2.1 offers two types and marks neither: open", async () => {
    const contract = await example("haidian-2024");
    expect(contract.payments.invoice?.type).toBeUndefined();
    const { view: v, pending } = view(contract, 1);
    expect(v.invoice.typeText).toBe("【待确认：合同列出增值税专用发票、非增值税专用发票供选择，未勾选】");
    expect(v.invoice.choices).toEqual(["增值税专用发票", "非增值税专用发票"]);
    expect(pending).toContainEqual(expect.objectContaining({ what: "发票类型" }));
  });

  it("BDA and Sujiatuo only ask for an invoice of the same amount: not agreed, boxes to tick", async () => {
    for (const id of ["bda-2024", "sujiatuo-2026"]) {
      const { view: v } = view(await example(id), 1);
      expect(v.invoice).toMatchObject({ typeText: "合同未约定发票类型", agreed: false, choices: ["增值税专用发票", "增值税普通发票"] });
    }
  });
});

describe("the client's approval steps", () => {
  it("by default 经办人, 科室负责人, 财务, 分管领导", async () => {
    const { view: v } = view(await example("bda-2024"), 1);
    expect(v.approval).toEqual(["经办人", "科室负责人", "财务", "分管领导"]);
    expect(DEFAULT_APPROVAL).toEqual(v.approval);
  });

  it("the contract's payments.approval replaces them", async () => {
    const bda = await example("bda-2024");
    const contract = { ...bda, payments: { ...bda.payments, approval: ["经办人", "财务科", "主要领导"] } };
    expect(view(contract, 1).view.approval).toEqual(["经办人", "财务科", "主要领导"]);
  });
});
