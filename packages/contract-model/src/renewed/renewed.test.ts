import { describe, expect, it } from "vitest";
import { parseScheduleShares, parseTermMonths } from "../renewal/choices.js";
import { planRenewal, type RenewalRequest, RenewalRequestError } from "../renewal/plan.js";
import { type ExampleId, loadExample } from "../testing/examples.js";
import type { MarkOpen } from "./change.js";
import { RenewalScheduleError } from "./installments.js";
import { type RenewalChoices, renewContract } from "./renew-contract.js";
import { moveDate, moveMonth } from "./shift.js";
import { cleanScannedText, moveDatesInText, replaceAmountInText } from "./text.js";

/** Renews an example, keeping the open points it marks. */
function renewed(id: ExampleId, request: RenewalRequest, choices: RenewalChoices = {}) {
  const contract = loadExample(id).contract;
  const open: { what: string; reason: string; clause?: string }[] = [];
  const mark: MarkOpen = (what, reason, clause) => {
    open.push({ what, reason, ...(clause !== undefined ? { clause } : {}) });
    return `【待确认：${reason}】`;
  };
  const result = renewContract(contract, planRenewal(contract, request), choices, mark);
  const row = (item: string) => result.changes.find((c) => c.item === item);
  return { ...result, open, row };
}

describe("dates move with the term", () => {
  const yuetan = { start: "2026-02-01", end: "2026-12-31" };
  const next = { start: "2027-01-01", end: "2027-11-30" };

  it("a date keeps its distance from the start; the last day stays the last day", () => {
    expect(moveDate("2026-06-30", yuetan, next)).toEqual({ ok: true, value: "2027-05-31" });
    expect(moveDate("2026-02-01", yuetan, next)).toEqual({ ok: true, value: "2027-01-01" });
    expect(moveDate("2026-12-31", yuetan, next)).toEqual({ ok: true, value: "2027-11-30" });
    expect(moveDate("2026-03-15", yuetan, next)).toEqual({ ok: true, value: "2027-02-15" }); // 1 month 15 days in
  });

  it("a date outside the old term, or beyond the new one, is not guessed", () => {
    expect(moveDate("2027-01-15", yuetan, next)).toEqual({ ok: false, reason: "原合同为2027年1月15日，不在原服务期内，须双方重新约定" });
    const short = { start: "2027-01-01", end: "2027-03-31" };
    expect(moveDate("2026-06-30", yuetan, short)).toMatchObject({ ok: false, reason: expect.stringContaining("超出续签服务期") });
  });

  it("a month keeps its distance from the start month (BDA: 2024年12月 in a term from 2024-10-08)", () => {
    const bda = { start: "2024-10-08", end: "2025-10-07" };
    expect(moveMonth("2024-12", bda, { start: "2025-10-08", end: "2026-10-07" })).toEqual({ ok: true, value: "2025-12" });
    expect(moveMonth("2024-12", bda, { start: "2025-10-08", end: "2025-11-07" }).ok).toBe(false);
  });

  it("in the contract's words: full dates, 月底 and months of the old term move; earlier dates stay; later ones are open", () => {
    const open = (reason: string) => `【待确认：${reason}】`;
    const r = moveDatesInText("2026年6月底前；2026 年 2 月 01 日至 2026 年 12 月 31 日；依据2021年9月24日的条例；2027年3月1日前", yuetan, next, open);
    expect(r.text).toBe("2027年5月底前；2027年1月1日至 2027年11月30日；依据2021年9月24日的条例；【待确认：原合同为2027年3月1日，不在原服务期内，须双方重新约定】前");
    expect(r.moved).toEqual([
      { before: "2026年6月底", after: "2027年5月底" },
      { before: "2026 年 2 月 01 日", after: "2027年1月1日" },
      { before: "2026 年 12 月 31 日", after: "2027年11月30日" },
    ]);
  });
});

describe("the contract's words as a renewal prints them", () => {
  it("joins figures split by scanning and widens half-width punctuation in Chinese text", () => {
    expect(cleanScannedText("解约方应向对方支付 353, 300. 00 元 (或本合同服务费用总额的 20%) 作为违约金, 由此")).toBe(
      "解约方应向对方支付 353,300.00 元（或本合同服务费用总额的 20%）作为违约金，由此",
    );
    // times, products and grouped figures stay as they are
    expect(cleanScannedText("白班为 8:30-18:00, 晚班; 7*24小时, 不少于1,000件")).toBe("白班为 8:30-18:00，晚班；7*24小时，不少于1,000件");
  });

  it("replaces every printing of an amount, with the capitals in brackets after it", () => {
    expect(replaceAmountInText("支付 10000 元（大写：壹万元整）；或¥10,000", 1_000_000, "X")).toBe("支付 X；或X");
    expect(replaceAmountInText("支付 1000 元", 1_000_000, "X")).toBeUndefined();
  });
});

describe("the user's decisions", () => {
  it("--schedule: shares separated by /, each positive, adding up to exactly 100 %", () => {
    expect(parseScheduleShares("50/20/30")).toEqual([500_000, 200_000, 300_000]);
    expect(parseScheduleShares("50%/12.5%/37.5%")).toEqual([500_000, 125_000, 375_000]);
    expect(() => parseScheduleShares("50/20/20")).toThrow(/合计须为 100%，“50\/20\/20”合计为 90%/);
    expect(() => parseScheduleShares("50/0/50")).toThrow(RenewalRequestError);
    expect(() => parseScheduleShares("50//50")).toThrow(RenewalRequestError);
  });

  it("--term: whole months or years", () => {
    expect(parseTermMonths("12m")).toBe(12);
    expect(parseTermMonths("18个月")).toBe(18);
    expect(parseTermMonths("2y")).toBe(24);
    expect(parseTermMonths("1年")).toBe(12);
    expect(() => parseTermMonths("1.5y")).toThrow(/--term 应写成整月或整年/);
    expect(() => parseTermMonths("0m")).toThrow(RenewalRequestError);
  });
});

describe("renewContract: the next term's contract and what changed", () => {
  it("Sujiatuo: the project name's year, the fixed penalties stated as 20 % follow the new total in figures, capitals and words", () => {
    const r = renewed("sujiatuo-2026", { increase: 50_000 });
    expect(r.contract.projectName).toBe("苏家坨镇 2027 年接诉即办服务项目");
    expect(r.row("项目名称")).toEqual({ item: "项目名称", before: "苏家坨镇 2026 年接诉即办服务项目", after: "苏家坨镇 2027 年接诉即办服务项目" });
    const fixed = r.contract.penalties.filter((p) => p.kind === "fixed");
    expect(fixed.map((p) => p.amount)).toEqual([37_096_500, 37_096_500, 37_096_500]);
    const clause92 = r.contract.penalties.find((p) => p.clause === "九.2")!;
    expect(clause92.text).toContain("解约方应向对方支付 370,965.00 元（大写：叁拾柒万零玖佰陆拾伍元整）（或本合同服务费用总额的 20%）作为违约金，");
    expect(clause92.text).not.toMatch(/\d[,.] \d/);
    expect(r.changes.filter((c) => c.item.startsWith("违约金")).map((c) => [c.clause, c.after])).toEqual([
      ["九.2", "370,965.00 元（叁拾柒万零玖佰陆拾伍元整；合同总额的 20%）"],
      ["九.4", "370,965.00 元（叁拾柒万零玖佰陆拾伍元整；合同总额的 20%）"],
      ["九.5", "370,965.00 元（叁拾柒万零玖佰陆拾伍元整；合同总额的 20%）"],
    ]);
    expect(r.row("月度服务费")).toMatchObject({
      before: "按月支付，每月 147,208.33 元（末月 147,208.37 元），共 12 个月",
      after: "按月支付，每月 154,568.75 元，共 12 个月",
    });
  });

  it("a fixed penalty that never matched its share is an open point, not recomputed", () => {
    const base = loadExample("sujiatuo-2026").contract;
    // 353,300.00 is 20 % of 1,766,500.00, not 25 %
    const contract = { ...base, penalties: base.penalties.map((p) => (p.kind === "fixed" ? { ...p, statedShare: 250_000 } : p)) };
    const open: string[] = [];
    const mark: MarkOpen = (what, reason) => {
      open.push(what);
      return `【待确认：${reason}】`;
    };
    const r = renewContract(contract, planRenewal(contract, { increase: 50_000 }), {}, mark);
    expect(r.contract.penalties.filter((p) => p.kind === "fixed").map((p) => p.amount)).toEqual([35_330_000, 35_330_000, 35_330_000]);
    expect(open).toEqual(["第九条第2款违约金", "第九条第4款违约金", "第九条第5款违约金"]);
    expect(r.contract.penalties.find((p) => p.clause === "九.4")?.text).toContain(
      "还应向甲方支付 【待确认：原合同写明 353,300.00 元，又写合同总额的 25%（按原合同金额为 441,625.00 元），两者不一致，续签后的金额须双方确认】（或本合同服务费用总额的 20%）",
    );
  });

  it("Pinggu: stops on the zero second installment; with the parties' shares, every installment is recomputed and recorded", () => {
    expect(() => renewed("pinggu-2026", { increase: 50_000 })).toThrow(RenewalScheduleError);
    const r = renewed("pinggu-2026", { increase: 50_000 }, { shares: [500_000, 200_000, 300_000] });
    expect(r.row("付款比例")).toEqual({ item: "付款比例", clause: "二.2", before: "50%、支付至 20%、剩余金额", after: "50%、20%、30%（甲乙双方约定）" });
    expect(r.changes.filter((c) => c.item.endsWith("期付款")).map((c) => [c.before, c.after])).toEqual([
      ["50%，989,550.00 元", "50%，1,039,027.50 元"],
      ["支付至 20%，0.00 元", "20%，415,611.00 元"],
      ["剩余金额（50%），989,550.00 元", "30%，623,416.50 元"],
    ]);
    // the old term's last day, for completion, acceptance and the data statistics
    expect(r.changes.filter((c) => c.after === "2028年3月18日前").map((c) => c.item)).toEqual(["完成期限", "验收期限", "项目数据统计（验收）提交期限"]);
    expect(r.open).toEqual([]);
  });

  it("the table opens with the term (its length) and the amount with its capitals", () => {
    const r = renewed("haidian-2024", { increase: 50_000 });
    expect(r.changes.slice(0, 2)).toEqual([
      { item: "服务期限", clause: "14.2", before: "2024年9月1日至2024年12月31日（4 个月）", after: "2025年1月1日至2025年4月30日（4 个月）" },
      { item: "合同金额", clause: "4.1", before: "3,252,191.00 元（叁佰贰拾伍万贰仟壹佰玖拾壹元整）", after: "3,414,800.55 元（叁佰肆拾壹万肆仟捌佰元零伍角伍分）" },
    ]);
  });

  it("Yuetan and BDA: payment dates of the old term move; a shorter term leaves them open", () => {
    const y = renewed("yuetan-2026", { increase: 0 });
    expect(y.row("第 2 期付款时间")).toEqual({ item: "第 2 期付款时间", clause: "5.1.1", before: "2026年6月30日前", after: "2027年5月31日前" });
    const b = renewed("bda-2024", { increase: 0 });
    expect(b.row("第 2 期付款时间")).toMatchObject({ before: "2024年12月", after: "2025年12月" });
    const short = renewed("bda-2024", { increase: 0, months: 1 });
    expect(short.open).toEqual([
      { what: "第 2 期付款时间", reason: "原合同为2024年12月，随服务期顺延后为2025年12月，超出续签服务期，须双方重新约定", clause: "二.2(2)" },
    ]);
    expect(short.contract.payments.installments[1]?.trigger).toEqual([{ event: "other", text: `【待确认：${short.open[0]?.reason}】` }]);
  });

  it("refuses a plan that fails a cap", () => {
    const contract = loadExample("sujiatuo-2026").contract;
    expect(() => renewContract(contract, planRenewal(contract, { increase: 200_000 }))).toThrow(/超过 10% 的增幅上限/);
  });
});
