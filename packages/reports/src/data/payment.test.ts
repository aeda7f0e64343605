import { computeSchedule, loadContract } from "@qiyue/contract-model";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TemplateError } from "@qiyue/templating";
import { paymentView, splitTax } from "./payment.js";
import { scheduleView } from "./schedule.js";

const example = async (id: string) =>
  (await loadContract(fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url)))).contract;

describe("payment request data", () => {
  it("splits tax as gross × rate ÷ (1 + rate), half up to the 分", () => {
    expect(splitTax(162609550, 60000)).toEqual({ tax: 9204314, net: 153405236 });
    expect(splitTax(106, 60000)).toEqual({ tax: 6, net: 100 });
    expect(splitTax(0, 60000)).toEqual({ tax: 0, net: 0 });
  });

  it("haidian installment 1: amount, tax, bank details as printed", async () => {
    const contract = await example("haidian-2024");
    const view = paymentView(contract, scheduleView(computeSchedule(contract)), 1);
    expect(view.row.amount).toBe(162609550);
    expect(view.row.dueText).toBe("2024年9月23日");
    expect(view.paidBefore).toBe(0);
    expect(view.tax).toEqual({ rate: 60000, amount: 9204314, net: 153405236 });
    expect(view.payee).toEqual({
      name: "中国联合网络通信有限公司北京市分公司",
      bank: "中国工商银行北京分行长安支行",
      accountName: "中国联合网络通信有限公司北京市分公司",
      accountNumber: "0200003319210012727",
    });
  });

  it("counts what was paid before, and lists acceptance material when acceptance triggers the payment", async () => {
    const contract = await example("haidian-2024");
    const view = paymentView(contract, scheduleView(computeSchedule(contract)), 3);
    expect(view.paidBefore).toBe(162609550 + 97565730);
    expect(view.attachments.some((a) => a.startsWith("验收材料"))).toBe(true);
  });

  it("pinggu prints “/” for its bank: no bank details, and no tax rate", async () => {
    const contract = await example("pinggu-2026");
    const view = paymentView(contract, scheduleView(computeSchedule(contract)), 1);
    expect(view.payee).toEqual({ name: "中国联合网络通信有限公司北京市分公司" });
    expect(view.tax).toBeUndefined();
  });

  it("an installment out of range is a clear error", async () => {
    const contract = await example("haidian-2024");
    const schedule = scheduleView(computeSchedule(contract));
    expect(() => paymentView(contract, schedule, 4)).toThrow(TemplateError);
    expect(() => paymentView(contract, schedule, 4)).toThrow(/共 3 期，应为 1 到 3/);
  });

  it("a monthly contract has one installment a month", async () => {
    const contract = await example("sujiatuo-2026");
    const schedule = scheduleView(computeSchedule(contract));
    expect(schedule.monthly).toBe(true);
    const view = paymentView(contract, schedule, 2);
    expect(view.row.month).toBe("2026年5月2日至2026年6月1日");
    expect(view.paidBefore).toBe(schedule.rows[0]!.amount);
    expect(() => paymentView(contract, schedule, 13)).toThrow(/按月结算/);
  });

  it("refuses an installment the contract's wording cannot compute", async () => {
    const contract = await example("pinggu-2026");
    expect(() => paymentView(contract, scheduleView(computeSchedule(contract)), 2)).toThrow(/无法按合同计算/);
  });
});
