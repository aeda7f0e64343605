import { describe, expect, it } from "vitest";
import { findTriggers } from "./triggers.js";

const events = (text: string) => findTriggers(text).map((t) => t.trigger);

describe("findTriggers", () => {
  it("maps the contracts' conditions to the model's events, in the order printed", () => {
    expect(events("合同签订且财政资金到位后")).toEqual([{ event: "signed" }, { event: "funds-received" }]);
    expect(events("服务期满半年且资金拨付到账户后")).toEqual([{ event: "months-after-start", months: 6 }, { event: "funds-received" }]);
    expect(events("签订合同 3 个月后")).toEqual([{ event: "months-after-signing", months: 3 }]);
    expect(events("考核合格，2025年9月底前")).toEqual([{ event: "other", text: "考核合格" }, { event: "by-date", date: "2025-09-30" }]);
    expect(events("2025年10月支付")).toEqual([{ event: "in-month", month: "2025-10" }]);
    expect(events("服务期满并经审计结束后")).toEqual([{ event: "term-ended" }, { event: "audit-completed" }]);
    expect(events("每月5日前乙方申请结算上月费用，甲方收到发票后")).toEqual([{ event: "month-billed" }, { event: "invoice-received" }]);
    expect(events("甲方收到付款通知书后")).toEqual([{ event: "payment-notice" }]);
    expect(events("本合同生效后")).toEqual([{ event: "effective" }]);
  });

  it("does not read 服务期满半年 as the end of the term", () => {
    expect(events("服务期满半年后")).toEqual([{ event: "months-after-start", months: 6 }]);
  });

  it("names nothing it does not know", () => {
    expect(events("乙方完成第一阶段工作并经专家评议后")).toEqual([]);
  });
});
