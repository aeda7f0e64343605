import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ContractLoadError } from "../errors/index.js";
import { parseContract } from "../load/index.js";
import { planRenewal, type RenewalRequest, RenewalRequestError } from "../renewal/plan.js";
import { EXAMPLES, type ExampleId, exampleSource } from "../testing/examples.js";
import { validateContract } from "../validate/index.js";
import { RenewalScheduleError } from "./installments.js";
import { renewContractYaml, renewedId } from "./write.js";

/** The parts of the written YAML the tests look at, as written (amounts as yuan). */
interface Written {
  fees: { total: unknown };
  signing: unknown;
  renewal: { history: unknown };
}

/** Pinggu's second installment ("支付至 20%" after 50 % paid) needs the parties' shares. */
const PINGGU_SHARES = [500_000, 200_000, 300_000];

function renew(source: string, request: RenewalRequest, from = "in.yaml", shares?: number[]) {
  const plan = planRenewal(parseContract(source, from).contract, request);
  const yaml = renewContractYaml(source, plan, { from, ...(shares !== undefined ? { shares } : {}) });
  return { plan, yaml, loaded: parseContract(yaml, "out.yaml"), data: parse(yaml) as Written };
}

const errorCodes = (source: string) =>
  new Set(
    validateContract(parseContract(source, "x.yaml"))
      .filter((f) => f.severity === "error")
      .map((f) => f.code),
  );

describe("renewContractYaml", () => {
  it.each(EXAMPLES)("%s: the renewal loads and validates without new errors", (id: ExampleId) => {
    const source = exampleSource(id);
    const { yaml, loaded } = renew(source, { increase: 100_000 }, `${id}.yaml`, id === "pinggu-2026" ? PINGGU_SHARES : undefined);
    const before = errorCodes(source);
    const after = [...errorCodes(yaml)].filter((code) => !before.has(code));
    expect(after).toEqual([]);
    expect(loaded.contract.id).toBe(`${id}-r1`);
    // Renewing the renewal works too.
    expect(() => renew(yaml, { increase: 0 }, "r1.yaml")).not.toThrow();
  });

  it("Sujiatuo: new term, amount and capitals, history, unsigned, comments kept", () => {
    const source = exampleSource("sujiatuo-2026");
    const { yaml, loaded, data } = renew(source, { increase: 100_000 }, "sujiatuo-2026.yaml");
    const c = loaded.contract;
    expect(c.term).toMatchObject({ start: "2027-04-02", end: "2028-04-01" });
    expect(c.term.text).toBeUndefined();
    expect(data.fees.total).toEqual({ amount: 1943150, capitals: "壹佰玖拾肆万叁仟壹佰伍拾元整" });
    expect(data.signing).toEqual({ place: "北京市海淀区苏家坨镇人民政府", effective: c.signing.effective });
    expect(data.renewal.history).toEqual({
      original: { start: "2026-04-02", end: "2027-04-01", amount: "1766500.00" },
      renewals: [{ start: "2027-04-02", end: "2028-04-01", amount: "1943150.00" }],
    });
    expect(c.renewal?.stated).toBe(true);
    expect(c.title).toBe("政府采购项目合同");
    // The project name's year moves with the term.
    expect(c.projectName).toBe("苏家坨镇 2027 年接诉即办服务项目");
    // Comments and the untouched text survive byte for byte.
    expect(yaml).toContain("# The contract states no quantified service level");
    expect(yaml).toContain("# yaml-language-server: $schema=");
    expect(yaml).toContain(source.slice(source.indexOf("scope:"), source.indexOf("serviceLevels:")));
    // 九.2, 九.4, 九.5: 353,300.00 "or 20 % of the total" follows the new total.
    expect(c.penalties.filter((p) => p.kind === "fixed").map((p) => p.amount)).toEqual([38_863_000, 38_863_000, 38_863_000]);
    const notes = c.notes.filter((n) => n.startsWith("续签草稿"));
    expect(notes[0]).toMatch(/^续签草稿：由 sujiatuo-2026\.yaml（sujiatuo-2026）第 1 次续签生成/);
    expect(notes[0]).toContain("1,943,150.00 元（壹佰玖拾肆万叁仟壹佰伍拾元整）");
    expect(notes[0]).toContain("须人工核对");
    expect(c.notes).toContain("续签变更：违约金（无故单方解除合同）（原合同第九条第2款）由“353,300.00 元（合同总额的 20%）”改为“388,630.00 元（叁拾捌万捌仟陆佰叁拾元整；合同总额的 20%）”。");
  });

  it("drops the original's body, which prints the original's term and amount, and says so", () => {
    const source = exampleSource("sujiatuo-2026");
    expect(parseContract(source, "in.yaml").contract.body.length).toBeGreaterThan(0);
    const { yaml, loaded } = renew(source, { increase: 100_000 });
    expect(loaded.contract.body).toEqual([]);
    expect(yaml).not.toMatch(/^body:/m);
    expect(loaded.contract.notes.some((n) => n.startsWith("原合同正文（body）") && n.includes("render contract"))).toBe(true);
    // the attachments stay
    expect(loaded.contract.attachments.map((a) => a.title)).toEqual(parseContract(source, "in.yaml").contract.attachments.map((a) => a.title));
  });

  it("a renewal of a renewal appends to the history, keeps the original and becomes -r2", () => {
    const first = renew(exampleSource("sujiatuo-2026"), { increase: 100_000 });
    const second = renew(first.yaml, { amount: 194_315_000 });
    expect(second.loaded.contract.id).toBe("sujiatuo-2026-r2");
    expect(second.data.renewal.history).toEqual({
      original: { start: "2026-04-02", end: "2027-04-01", amount: "1766500.00" },
      renewals: [
        { start: "2027-04-02", end: "2028-04-01", amount: "1943150.00" },
        { start: "2028-04-02", end: "2029-04-01", amount: "1943150.00" },
      ],
    });
    expect(second.loaded.contract.notes.filter((n) => n.startsWith("续签草稿"))).toHaveLength(2);
  });

  it("a contract without a renewal clause gets the default caps, marked as not stated, before `dispute`", () => {
    const { yaml, loaded } = renew(exampleSource("pinggu-2026"), { increase: 100_000 }, "in.yaml", PINGGU_SHARES);
    const renewal = loaded.contract.renewal;
    expect(renewal?.stated).toBe(false);
    expect(renewal?.policy.maxIncrease).toBe(100_000);
    expect(renewal?.history?.original.amount).toBe(197_910_000);
    expect(yaml.indexOf("\nrenewal:")).toBeLessThan(yaml.indexOf("\ndispute:"));
    expect(yaml.indexOf("\nrenewal:")).toBeGreaterThan(yaml.indexOf("\nconfidentiality:"));
  });

  it("Pinggu: the canonical capitals replace the printed ones, and the comment about them goes", () => {
    const { yaml, loaded } = renew(exampleSource("pinggu-2026"), { increase: 100_000 }, "in.yaml", PINGGU_SHARES);
    expect(loaded.contract.fees.total.capitals).toBe("贰佰壹拾柒万柒仟零壹拾元整");
    expect(yaml).not.toContain("原文如此（“一”非规范大写）");
    expect(loaded.contract.acceptance?.by).toBe("2028-03-18");
  });

  it("Yuetan: printed installment amounts are dropped, the payment date moves with the term, with notes", () => {
    const { loaded, data } = renew(exampleSource("yuetan-2026"), { increase: 100_000 });
    const [first, second] = loaded.contract.payments.installments;
    expect(first?.printed).toBeUndefined();
    expect(second?.printed).toBeUndefined();
    // 2026-06-30 is 5 months into 2026-02-01 – 2026-12-31; 5 months into 2027-01-01 – 2027-11-30.
    expect(second?.trigger).toEqual([
      { event: "other", text: "双方合作无异议" },
      { event: "by-date", date: "2027-05-31" },
    ]);
    expect(loaded.contract.term).toMatchObject({ start: "2027-01-01", end: "2027-11-30" });
    expect(data.fees.total).toMatchObject({ amount: "2035837.10" });
    expect(loaded.contract.notes).toContain("续签变更：第 2 期付款时间（原合同第5.1.1条）由“2026年6月30日前”改为“2027年5月31日前”。");
  });

  it("Bda: a payment month in the old term moves to the same month of the new term", () => {
    const { loaded } = renew(exampleSource("bda-2024"), { increase: 0 });
    expect(loaded.contract.payments.installments[1]?.trigger).toEqual([{ event: "in-month", month: "2025-12" }]);
  });

  it("a date that cannot move with the term becomes an open point, in the model and in the notes", () => {
    const source = exampleSource("bda-2024");
    const plan = planRenewal(parseContract(source, "in.yaml").contract, { increase: 0, months: 1 });
    const c = parseContract(renewContractYaml(source, plan), "out.yaml", { placeholders: "allow" }).contract;
    const text = "【待确认：原合同为2024年12月，随服务期顺延后为2025年12月，超出续签服务期，须双方重新约定】";
    expect(c.payments.installments[1]?.trigger).toEqual([{ event: "other", text }]);
    expect(c.notes).toContain("待确认：第 2 期付款时间（原合同第二条第2款第（2）项）：原合同为2024年12月，随服务期顺延后为2025年12月，超出续签服务期，须双方重新约定");
  });

  it("Pinggu: the zero second installment stops the renewal with the validator's finding; agreed shares resolve it", () => {
    const source = exampleSource("pinggu-2026");
    const plan = planRenewal(parseContract(source, "in.yaml").contract, { increase: 50_000 });
    expect(() => renewContractYaml(source, plan)).toThrow(RenewalScheduleError);
    expect(() => renewContractYaml(source, plan)).toThrow(/第 2 期写“支付至合同总额的 20%”，但此前各期已支付 50%.*（PAYMENT_CUMULATIVE_BELOW_PAID）.*--schedule/);
    const c = parseContract(renewContractYaml(source, plan, { shares: PINGGU_SHARES }), "out.yaml").contract;
    expect(c.payments.installments.map((i) => i.basis)).toEqual([500_000, 200_000, 300_000].map((share) => ({ kind: "share", share })));
    expect(c.notes).toContain("付款比例按甲乙双方约定调整为 50%、20%、30%。");
    expect(c.notes).toContain("续签变更：第 2 期付款（原合同第二条第2款第（1）项）由“支付至 20%，0.00 元”改为“20%，415,611.00 元”。");
    expect(validateContract(parseContract(renewContractYaml(source, plan, { shares: PINGGU_SHARES }), "o.yaml")).map((f) => f.code)).not.toContain(
      "PAYMENT_CUMULATIVE_BELOW_PAID",
    );
  });

  it("shares that do not fit the schedule are refused", () => {
    const source = exampleSource("pinggu-2026");
    const plan = planRenewal(parseContract(source, "in.yaml").contract, { increase: 0 });
    expect(() => renewContractYaml(source, plan, { shares: [500_000, 500_000] })).toThrow(/原合同分 3 期付款，--schedule 给出了 2 个比例/);
    const monthly = exampleSource("sujiatuo-2026");
    const p2 = planRenewal(parseContract(monthly, "in.yaml").contract, { increase: 0 });
    expect(() => renewContractYaml(monthly, p2, { shares: [1_000_000] })).toThrow(/按月计费/);
  });

  it("Pinggu and Haidian: deadlines on the old last day move to the new last day; the term keeps its length", () => {
    const p = renew(exampleSource("pinggu-2026"), { increase: 0 }, "in.yaml", PINGGU_SHARES).loaded.contract;
    expect(p.completion?.alternatives).toEqual([{ date: "2028-03-18" }]);
    expect(p.deliverables.find((d) => d.id === "acceptance-statistics")?.due?.date).toBe("2028-03-18");
    const h = renew(exampleSource("haidian-2024"), { increase: 0 }).loaded.contract;
    expect(h.term).toMatchObject({ start: "2025-01-01", end: "2025-04-30" });
    expect(h.completion?.alternatives.map((a) => a.date)).toEqual([undefined, "2025-04-30"]);
  });

  it("refuses a plan that fails a cap, or one made for another contract", () => {
    const source = exampleSource("sujiatuo-2026");
    const contract = parseContract(source, "in.yaml").contract;
    expect(() => renewContractYaml(source, planRenewal(contract, { increase: 100_100 }))).toThrow(RenewalRequestError);
    const other = planRenewal(parseContract(exampleSource("pinggu-2026"), "p.yaml").contract, { increase: 0 });
    expect(() => renewContractYaml(source, other)).toThrow(/不是根据这份合同/);
    expect(() => renewContractYaml("id: [", other)).toThrow(ContractLoadError);
  });

  it("renewedId replaces an earlier suffix", () => {
    expect(renewedId("sujiatuo-2026", 1)).toBe("sujiatuo-2026-r1");
    expect(renewedId("sujiatuo-2026-r1", 2)).toBe("sujiatuo-2026-r2");
  });
});
