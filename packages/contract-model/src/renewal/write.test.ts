import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ContractLoadError } from "../errors/index.js";
import { parseContract } from "../load/index.js";
import { EXAMPLES, type ExampleId, exampleSource } from "../testing/examples.js";
import { validateContract } from "../validate/index.js";
import { planRenewal, type RenewalRequest, RenewalRequestError } from "./plan.js";
import { renewContractYaml, renewedId } from "./write.js";

/** The parts of the written YAML the tests look at, as written (amounts as yuan). */
interface Written {
  fees: { total: unknown };
  signing: unknown;
  renewal: { history: unknown };
}

function renew(source: string, request: RenewalRequest, from = "in.yaml") {
  const plan = planRenewal(parseContract(source, from).contract, request);
  const yaml = renewContractYaml(source, plan, { from });
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
    const { yaml, loaded } = renew(source, { increase: 100_000 }, `${id}.yaml`);
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
    expect(c.projectName).toBe("苏家坨镇 2026 年接诉即办服务项目");
    // Comments and the untouched text survive byte for byte.
    expect(yaml).toContain("# The contract states no quantified service level");
    expect(yaml).toContain("# yaml-language-server: $schema=");
    expect(yaml).toContain(source.slice(source.indexOf("scope:"), source.indexOf("serviceLevels:")));
    // 九.2, 九.4, 九.5: 353,300.00 "or 20 % of the total" follows the new total.
    expect(c.penalties.filter((p) => p.kind === "fixed").map((p) => p.amount)).toEqual([38_863_000, 38_863_000, 38_863_000]);
    const notes = c.notes.slice(-4);
    expect(notes[0]).toMatch(/^续签草稿：由 sujiatuo-2026\.yaml（sujiatuo-2026）第 1 次续签生成/);
    expect(notes[0]).toContain("1,943,150.00 元（壹佰玖拾肆万叁仟壹佰伍拾元整）");
    expect(notes[0]).toContain("须人工核对");
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
    const { yaml, loaded } = renew(exampleSource("pinggu-2026"), { increase: 100_000 });
    const renewal = loaded.contract.renewal;
    expect(renewal?.stated).toBe(false);
    expect(renewal?.policy.maxIncrease).toBe(100_000);
    expect(renewal?.history?.original.amount).toBe(197_910_000);
    expect(yaml.indexOf("\nrenewal:")).toBeLessThan(yaml.indexOf("\ndispute:"));
    expect(yaml.indexOf("\nrenewal:")).toBeGreaterThan(yaml.indexOf("\nconfidentiality:"));
  });

  it("Pinggu: the canonical capitals replace the printed ones, and the comment about them goes", () => {
    const { yaml, loaded } = renew(exampleSource("pinggu-2026"), { increase: 100_000 });
    expect(loaded.contract.fees.total.capitals).toBe("贰佰壹拾柒万柒仟零壹拾元整");
    expect(yaml).not.toContain("原文如此（“一”非规范大写）");
    expect(loaded.contract.acceptance?.by).toBe("2028-03-18");
  });

  it("Yuetan: printed installment amounts and a payment date in the old term are dropped, with notes", () => {
    const { loaded, data } = renew(exampleSource("yuetan-2026"), { increase: 100_000 });
    const [first, second] = loaded.contract.payments.installments;
    expect(first?.printed).toBeUndefined();
    expect(second?.printed).toBeUndefined();
    expect(second?.trigger).toEqual([{ event: "other", text: "双方合作无异议" }]);
    expect(data.fees.total).toMatchObject({ amount: "2035837.10" });
    expect(loaded.contract.notes.some((n) => n.includes("“2026年6月30日前”在原服务期内"))).toBe(true);
  });

  it("Bda: a payment month in the old term that was the only trigger becomes a condition to agree on", () => {
    const { loaded } = renew(exampleSource("bda-2024"), { increase: 0 });
    expect(loaded.contract.payments.installments[1]?.trigger).toEqual([{ event: "other", text: "付款时间待双方另行约定（原合同为“2024年12月”）" }]);
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
