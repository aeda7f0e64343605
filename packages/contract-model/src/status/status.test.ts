import { describe, expect, it } from "vitest";
import { parseEvents } from "../events/load.js";
import { loadExample } from "../testing/examples.js";
import { dueDate } from "../schedule/due.js";
import { contractStatus } from "./status.js";

const haidian = loadExample("haidian-2024").contract;
const pinggu = loadExample("pinggu-2026").contract;
const sujiatuo = loadExample("sujiatuo-2026").contract;
const yuetan = loadExample("yuetan-2026").contract;
const bda = loadExample("bda-2024").contract;

const events = (yaml: string) => parseEvents(yaml, "events.yaml").events;

describe("payments", () => {
  it("BDA: installment 1 is payable once the contract is in effect, but the clause sets no time, so it is never overdue", () => {
    const s = contractStatus(bda, [], "2026-12-01");
    const first = s.installments[0]!;
    expect(first.state).toBe("payable");
    expect(first.dueDate).toBeUndefined();
    expect(first.overdueDays).toBeUndefined();
    expect(first.latePenalty).toBeUndefined();
    expect(first.dueText).toMatch(/^合同未约定付款期限（付款条件已于\d{4}年\d{1,2}月\d{1,2}日成就）$/);
    expect(s.penalties.filter((p) => p.source === "late-payment")).toEqual([]);
  });

  it("an installment without a time of its own falls due N working days after the payment notice, when the contract says so", () => {
    const [first, ...rest] = haidian.payments.installments;
    const { offset: _offset, ...untimed } = first!;
    const contract = { ...haidian, payments: { ...haidian.payments, installments: [untimed, ...rest] } };
    const s = contractStatus(contract, events("- { date: 2024-09-01, event: signed }\n"), "2024-12-31");
    expect(s.installments[0]).toMatchObject({ state: "payable", outstanding: 162609550 });
    // notice on Mon 9 Sep 2024: 10–13 Sep (4), Sat 14 Sep make-up day (5)
    expect(dueDate(untimed.trigger, undefined, contract, { signed: "2024-09-01", "payment-notice": "2024-09-09" })).toMatchObject({
      kind: "date",
      date: "2024-09-14",
    });
    expect(dueDate(untimed.trigger, undefined, contract, { signed: "2024-09-01" })).toEqual({ kind: "no-deadline", since: "2024-09-01" });
  });

  it("Haidian: installment a is due 15 working days after effect, Mid-Autumn 2024 and its make-up Saturday counted", () => {
    // From Sun 1 Sep 2024: 2–6, 9–13 Sep (10), Sat 14 Sep make-up day (11), 15–17 holiday, 18–20 (14), Mon 23 Sep (15)
    const s = contractStatus(haidian, events("- { date: 2024-09-01, event: signed }\n"), "2024-09-20");
    expect(s.installments[0]).toMatchObject({ state: "due", dueDate: "2024-09-23", daysLeft: 3, outstanding: 162609550 });
    expect(s.installments[0]?.dueText).toBe("2024年9月23日（2024年9月1日起 15 个工作日）");
    expect(s.installments[1]).toMatchObject({ state: "due", dueDate: "2024-11-01" });
    expect(s.installments[2]).toMatchObject({ state: "waiting", waitingOn: ["验收合格"], dueText: "待：验收合格" });
  });

  it("Haidian: paid 15 days late → 8.2, 0.3 % a day of the overdue amount, with the contract's excuse quoted", () => {
    const ledger = events("- { date: 2024-09-01, event: signed }\n- { date: 2024-10-08, event: payment-received, installment: 1, amount: 1626095.5 }\n");
    const s = contractStatus(haidian, ledger, "2024-10-31");
    const a = s.installments[0]!;
    expect(a).toMatchObject({ state: "paid-late", paidLateDays: 15, outstanding: 0 });
    // 0.3 % × ¥1,626,095.50 × 15 = ¥73,174.2975 → ¥73,174.30
    expect(a.latePenalty).toMatchObject({ clause: "8.2", amount: 7317430, ongoing: false });
    expect(a.latePenalty?.steps).toContain("计算：0.3% × 1,626,095.50 元 × 15 日 = 73,174.2975 元，四舍五入到分为 73,174.30 元。");
    expect(a.latePenalty?.excuse).toContain("因政府拨款、财政审批流程等因素延迟支付的，不视为违约");
    expect(s.penalties).toEqual([expect.objectContaining({ source: "late-payment", payer: "client", clause: "8.2", amount: 7317430 })]);
    expect(s.totals).toEqual([expect.objectContaining({ payer: "client", amount: 7317430, payable: 7317430 })]);
  });

  it("Haidian: a partial payment — the penalty accrues on what is still unpaid, and keeps accruing", () => {
    const ledger = events("- { date: 2024-09-01, event: signed }\n- { date: 2024-10-08, event: payment-received, installment: 1, amount: 1000000 }\n");
    const s = contractStatus(haidian, ledger, "2024-10-15");
    const a = s.installments[0]!;
    expect(a).toMatchObject({ state: "overdue", overdueDays: 22, settled: 100000000, outstanding: 62609550 });
    // 0.3 % × (¥1,626,095.50 × 15 + ¥626,095.50 × 7) = 0.3 % × ¥28,774,101.00 = ¥86,322.303 → ¥86,322.30
    expect(a.latePenalty).toMatchObject({ amount: 8632230, ongoing: true, perDay: "1,878.2865" });
    expect(a.latePenalty?.stretches).toEqual([
      { from: "2024-09-23", to: "2024-10-08", days: 15, outstanding: 162609550 },
      { from: "2024-10-08", to: "2024-10-15", days: 7, outstanding: 62609550 },
    ]);
  });

  it("National Day 2025: 15 working days from Mon 22 Sep 2025 end on Fri 17 Oct (make-up days 28 Sep and 11 Oct count)", () => {
    // 23–26 Sep (4), Sun 28 Sep (5), 29–30 Sep (7), 1–8 Oct holiday, 9–10 Oct (9), Sat 11 Oct (10), 13–17 Oct (15)
    const s = contractStatus(haidian, events("- { date: 2025-09-22, event: signed }\n"), "2025-09-30");
    expect(s.installments[0]).toMatchObject({ dueDate: "2025-10-17", daysLeft: 17 });
  });

  it("Pinggu: 30 working days from funds received, across Qingming and May Day 2026; overdue when unpaid", () => {
    // From Wed 25 Mar: 26–31 Mar (4), 1–3 Apr (7), 4–6 holiday, 7–30 Apr (25), 1–5 May holiday, 6–8 May (28), Sat 9 May (29), Mon 11 May (30)
    const s = contractStatus(pinggu, events("- { date: 2026-03-19, event: signed }\n- { date: 2026-03-25, event: funds-received }\n"), "2026-06-30");
    expect(s.installments[0]).toMatchObject({ state: "overdue", dueDate: "2026-05-11", overdueDays: 50 });
    expect(s.installments[0]?.latePenalty).toBeUndefined(); // Pinggu has no late-payment penalty for the client
    expect(s.installments[1]).toMatchObject({ state: "nothing-due", amount: 0 });
    expect(s.installments[2]).toMatchObject({ state: "waiting", waitingOn: ["结算评审 / 审计结束"] });
  });

  it("a payment deadline in 2027 is reported as an unknown calendar, never computed on weekdays", () => {
    const ledger = events("- { date: 2026-03-25, event: funds-received }\n- { date: 2027-03-25, event: audit-completed, amount: 1900000 }\n");
    const s = contractStatus(pinggu, ledger, "2027-04-01");
    const last = s.installments[2]!;
    expect(last.state).toBe("unknown-calendar");
    expect(last.dueText).toContain("2027年的法定节假日安排尚未公布");
    // the audit fixes the remainder: ¥1,900,000 − ¥989,550 − ¥0 = ¥910,450
    expect(last.amount).toBe(91045000);
  });

  it("Sujiatuo: each month is due 10 working days after its bill and invoice; National Day 2026 make-up Saturday counts", () => {
    // Month 6 (2 Sep – 1 Oct) is billed on 2 Oct (holiday until 7 Oct): 8–9 Oct (2), Sat 10 Oct (3), 12–16 Oct (8), 19–20 Oct (10)
    const s = contractStatus(sujiatuo, events("- { date: 2026-09-28, event: invoice-issued, installment: 1/6 }\n"), "2026-10-09");
    const month6 = s.installments.find((i) => i.key === "1/6")!;
    expect(month6).toMatchObject({ state: "due", dueDate: "2026-10-20", month: { start: "2026-09-02", end: "2026-10-01" } });
    expect(s.installments.find((i) => i.key === "1/7")).toMatchObject({ state: "waiting", waitingOn: ["收到等额发票"] });
  });
});

describe("deliverables", () => {
  const submitted = `
- { date: 2026-03-19, event: signed }
- { date: 2026-04-01, event: deliverable-submitted, deliverable: monthly-report, period: 2026-03 }
- { date: 2026-05-09, event: deliverable-submitted, deliverable: monthly-report, period: 2026-04 }
`;

  it("a report submitted after its due date is late by the days between; one never recorded is not called late", () => {
    const s = contractStatus(pinggu, events(submitted), "2026-05-20");
    const monthly = s.deliverables.find((d) => d.id === "monthly-report")!;
    // April ends Thu 30 Apr; 1–5 May are holidays → due Wed 6 May; submitted Sat 9 May → 3 days late
    expect(monthly.periods.map((p) => [p.key, p.state, p.daysLate])).toEqual([
      ["2026-03", "on-time", undefined],
      ["2026-04", "late", 3],
      ["2026-05", "pending", undefined],
    ]);
    expect(monthly.next).toEqual({ key: "2026-05", due: { kind: "date", date: "2026-06-01" } });
    const statistics = s.deliverables.find((d) => d.id === "unit-statistics")!;
    expect(statistics).toMatchObject({ frequency: "on-request", periods: [], tracked: false });
  });

  it("Pinggu 四.1 for a late report: 1 % of the total a day; the right to terminate opens after more than 10 days", () => {
    const late = contractStatus(pinggu, events(submitted), "2026-05-20").penalties.find((p) => p.source === "late-deliverable")!;
    expect(late).toMatchObject({ clause: "四.1", amount: 5937300, deductible: true }); // 1 % × ¥1,979,100 × 3 = ¥59,373.00
    expect(late.termination[0]?.opened).toBe(false);
    // May's report (due Mon 1 Jun) still missing on 12 Jun: 11 days; with April's 3 days, 14 days in all
    const s = contractStatus(pinggu, events(submitted), "2026-06-12");
    const p = s.penalties.find((x) => x.source === "late-deliverable")!;
    expect(p.amount).toBe(27707400); // 1 % × ¥1,979,100 × 14 = ¥277,074.00
    expect(p.termination[0]).toMatchObject({ by: "client", opened: true });
    expect(p.steps.join("\n")).toContain("共逾期 14 日（单项最长逾期 11 日，按此判断解除权）");
  });
});

describe("penalties from the ledger", () => {
  const ledger = `
- { date: 2026-03-19, event: signed }
- { date: 2026-03-25, event: funds-received }
- { date: 2026-04-10, event: meeting-missed }
- { date: 2026-04-24, event: meeting-missed }
- { date: 2026-05-08, event: meeting-missed }
- { date: 2026-05-22, event: meeting-missed, note: 项目经理出差 }
- { date: 2026-05-06, event: manager-changed, notified: false }
- { date: 2026-05-07, event: manager-changed, notified: true }
- { date: 2026-05-20, event: sla-breach, metric: sign-rate, month: 2026-04 }
`;

  it("Pinggu: 4 missed meetings cost ¥4,000 and open termination; an unannounced manager change ¥10,000", () => {
    const s = contractStatus(pinggu, events(ledger), "2026-06-01");
    const meetings = s.penalties.find((p) => p.source === "meeting-missed")!;
    expect(meetings).toMatchObject({ clause: "四.3", amount: 400000, deductible: true });
    expect(meetings.events).toHaveLength(4);
    expect(meetings.termination[0]).toMatchObject({ opened: true });
    expect(s.penalties.find((p) => p.source === "manager-changed")).toMatchObject({ clause: "四.5", amount: 1000000 });
    // the sign rate's clause is 四.7, a 10–30 % range at the yearly settlement: no amount yet
    expect(s.penalties.find((p) => p.source === "sla-breach")).toMatchObject({ clause: "四.7", computable: false, amount: 0 });
  });

  it("deductible penalties come off the next payment request", () => {
    const d = contractStatus(pinggu, events(ledger), "2026-06-01").deductionsForNextPayment;
    expect(d.items.map((i) => [i.clause, i.amount])).toEqual([
      ["四.3", 400000],
      ["四.5", 1000000],
    ]);
    expect(d).toMatchObject({ total: 1400000, applied: 1400000, carriedOver: 0, netPayable: 97555000 }); // ¥989,550 − ¥14,000
    expect(d.installment).toEqual({ key: "1", amount: 98955000, outstanding: 98955000 });
    expect(d.lines.at(-1)).toBe("第 1 期应付 989,550.00 元，扣除违约金 14,000.00 元，实付 975,550.00 元");
  });

  it("Sujiatuo: 5 % of that month's fee per breach, deducted from the month's payment", () => {
    const yaml = `
- { date: 2026-04-20, event: sla-breach, metric: 工单按时办结, month: 2026-04, count: 2 }
- { date: 2026-05-06, event: invoice-issued, installment: 1/1 }
`;
    const s = contractStatus(sujiatuo, events(yaml), "2026-05-10");
    const breach = s.penalties.find((p) => p.source === "sla-breach")!;
    // 5 % × ¥147,208.33 × 2 = ¥14,720.833 → ¥14,720.83
    expect(breach).toMatchObject({ clause: "九.3", month: "2026-04", amount: 1472083 });
    // billed Sat 2 May, invoice Wed 6 May: 7–8 May (2), Sat 9 May (3), 11–15 May (8), 18–19 May (10)
    expect(s.installments[0]).toMatchObject({ key: "1/1", dueDate: "2026-05-19" });
    expect(s.deductionsForNextPayment).toMatchObject({ total: 1472083, netPayable: 14720833 - 1472083 });
    const paid = contractStatus(
      sujiatuo,
      events(`${yaml}- { date: 2026-05-19, event: payment-received, installment: 1/1, amount: 132487.50, deducted: 14720.83 }\n`),
      "2026-05-20",
    );
    expect(paid.installments[0]).toMatchObject({ state: "paid", outstanding: 0 });
    expect(paid.deductionsForNextPayment).toMatchObject({ alreadyDeducted: 1472083, total: 0, installment: { key: "1/2" } });
  });

  it("Haidian: the vendor's penalties together never pass the 8.4 cap", () => {
    const yaml = `
- { date: 2024-09-01, event: signed }
- { date: 2024-10-08, event: deliverable-submitted, deliverable: monthly-report, period: 2024-09 }
`;
    // September's report: 1–7 Oct 2024 are holidays → due Tue 8 Oct, submitted on time.
    const s = contractStatus(haidian, events(yaml), "2025-12-31");
    // Oct, Nov, Dec reports missing: due 1 Nov, 2 Dec, 2 Jan 2025; 425 + 394 + 363 days apart on 31 Dec 2025 → 425 distinct days
    const p = s.penalties.find((x) => x.source === "late-deliverable")!;
    expect(p.calculation?.uncapped).toBe(414654353); // 0.3 % × ¥3,252,191 × 425 = ¥4,146,543.525 → ¥4,146,543.53
    expect(p.amount).toBe(325219100);
    expect(s.totals.find((t) => t.payer === "vendor")).toMatchObject({ payable: 325219100, cap: { clause: "8.4", applied: false } });
  });
});

describe("dates around the term", () => {
  it("term end and days left, confidentiality two years after the end, renewals of a contract without a clause", () => {
    const s = contractStatus(pinggu, [], "2026-06-30");
    expect(s.term).toMatchObject({ end: "2027-03-18", daysLeft: 261, ended: false });
    expect(s.confidentiality).toMatchObject({ kind: "years-after-end", until: "2029-03-18" });
    expect(s.renewal).toMatchObject({ stated: false, maxRenewals: 2, used: 0, left: 2, decisionDate: "2027-02-16" });
    expect(s.acceptance).toMatchObject({ by: "2027-03-18" });
  });

  it("Sujiatuo: two renewals allowed, a decision by 2 March 2027; a renewal signed uses one", () => {
    const s = contractStatus(sujiatuo, [], "2026-06-30");
    expect(s.renewal).toMatchObject({ stated: true, used: 0, left: 2, decisionDate: "2027-03-02", daysToDecision: 245 });
    expect(s.renewal.text).toContain("须在2027年3月2日前作出续签决定（期满前 30 天），还有 245 天");
    expect(s.confidentiality).toMatchObject({ kind: "perpetual" });
    const renewed = contractStatus(sujiatuo, events("- { date: 2027-02-20, event: renewal-signed }\n"), "2027-03-01");
    expect(renewed.renewal).toMatchObject({ used: 1, left: 1 });
  });

  it("a termination ends the service, the deliverables and starts the confidentiality clock", () => {
    const s = contractStatus(pinggu, events("- { date: 2026-06-15, event: terminated, by: client }\n"), "2026-07-01");
    expect(s.term).toMatchObject({ serviceEnd: "2026-06-15", terminated: { date: "2026-06-15", by: "client" }, ended: true });
    expect(s.confidentiality?.until).toBe("2028-06-15");
    expect(s.deliverables.find((d) => d.id === "monthly-report")?.periods.at(-1)).toMatchObject({ key: "2026-06", end: "2026-06-15" });
    expect(s.renewal.decisionDate).toBeUndefined();
  });

  it("unspecified confidentiality, and events after the day left out", () => {
    const s = contractStatus(yuetan, events("- { date: 2026-01-28, event: signed }\n- { date: 2026-12-01, event: acceptance-passed }\n"), "2026-06-30");
    expect(s.confidentiality).toMatchObject({ kind: "unspecified" });
    expect(s.laterEvents).toBe(1);
    expect(s.installments[2]?.state).toBe("waiting");
  });

  it("refuses a day that is not a date", () => {
    expect(() => contractStatus(pinggu, [], "2026-02-30")).toThrow(/截至日期“2026-02-30”无效/);
  });
});
