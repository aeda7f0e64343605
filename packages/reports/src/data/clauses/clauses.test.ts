import { type Contract, computeSchedule, loadContract } from "@qiyue/contract-model";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PendingList } from "../pending.js";
import { clausesView } from "./index.js";
import { articleName } from "./words.js";

const example = async (id: string) =>
  (await loadContract(fileURLToPath(new URL(`../../../../../examples/contracts/${id}.yaml`, import.meta.url)))).contract;

function generate(contract: Contract) {
  const pending = new PendingList();
  return { view: clausesView(contract, computeSchedule(contract), pending), pending: pending.items };
}

const article = (view: ReturnType<typeof generate>["view"], key: string) => view.articles.find((a) => a.key === key);
const textOf = (view: ReturnType<typeof generate>["view"], key: string) =>
  (article(view, key)?.paragraphs ?? []).map((p) => p.text ?? "").join("\n");

describe("the contract text generated from the model", () => {
  it("numbers the articles in the usual order, and each paragraph N.M under article N", async () => {
    const { view } = generate(await example("sujiatuo-2026"));
    expect(view.articles.map((a) => a.key)).toEqual([
      "scope",
      "staffing",
      "term",
      "fees",
      "payments",
      "delivery",
      "penalties",
      "confidentiality",
      "renewal",
      "dispute",
      "other",
    ]);
    view.articles.forEach((a, i) => {
      expect(a.number).toBe(i + 1);
      expect(a.paragraphs.map((p) => p.ref)).toEqual(a.paragraphs.map((_, j) => `${i + 1}.${j + 1}`));
    });
  });

  it("leaves out articles the model has nothing for (no service levels, no renewal rules)", async () => {
    const { view } = generate(await example("sujiatuo-2026"));
    expect(article(view, "service-levels")).toBeUndefined();
    const { view: haidian } = generate(await example("haidian-2024"));
    expect(article(haidian, "renewal")).toBeUndefined();
  });

  it("pinggu penalties: the figures from the structured fields, with the sum of a share of the total", async () => {
    const contract = await example("pinggu-2026");
    const { view } = generate(contract);
    const penalties = article(view, "penalties")!.paragraphs.map((p) => p.text!);
    // one paragraph per penalty, and the deduction (every one of 乙方's is deductible) said once, at the end
    expect(penalties).toHaveLength(contract.penalties.length + 1);
    expect(penalties.at(-1)).toBe("乙方应支付的上述违约金，甲方可直接从应付乙方的款项中扣除。");
    expect(penalties.filter((p) => p.includes("扣除"))).toHaveLength(1);
    // 四.1: 1 % of 1,979,100.00 a day
    expect(penalties[0]).toBe(
      "迟延履行：每逾期一日，乙方应按合同总价款的1%（即人民币19,791.00元）向甲方支付违约金；逾期超过10日的，甲方有权解除本合同，并有权要求乙方退还已支付的全部费用。",
    );
    // 四.3: ¥1,000 per missed meeting, with its capitals
    expect(penalties[3]).toContain("每发生一次，乙方应向甲方支付违约金人民币1,000.00元（大写：壹仟元整）；累计超过3次的，甲方有权解除本合同");
    // 四.4: five days without a fix, not five days late
    expect(penalties[5]).toContain("乙方应按合同总价款的30%（即人民币593,730.00元）向甲方支付违约金；超过5日仍未改正的，甲方有权解除本合同。");
    // 四.7: the range at the yearly settlement
    expect(penalties[8]).toContain("年度结算时，甲方有权要求乙方按合同总价款的10%至30%支付违约金");
    // a penalty the model can only state in words is printed in its words
    expect(penalties[9]).toBe(`甲方中途撤销或不履行合同：${contract.penalties[9]!.text.replace(/。?$/, "。")}`);
  });

  it("sujiatuo: a fixed sum stated with its share, owed by either side; a share of the month's fee per occurrence", async () => {
    const { view } = generate(await example("sujiatuo-2026"));
    const text = textOf(view, "penalties");
    expect(text).toContain("无故单方解除合同：违约方应向守约方支付违约金人民币353,300.00元（大写：叁拾伍万叁仟叁佰元整），相当于合同总价款的20%。");
    expect(text).toContain("每发生一次，乙方应按当月服务费的5%向甲方支付违约金");
  });

  it("sujiatuo: the deduction is said with the one penalty that allows it, not with the others", async () => {
    const { view } = generate(await example("sujiatuo-2026"));
    const text = article(view, "penalties")!.paragraphs.map((p) => p.text!);
    expect(text.filter((p) => p.includes("甲方可直接从应付乙方的款项中扣除"))).toEqual([
      "未达到工作内容及服务标准：每发生一次，乙方应按当月服务费的5%向甲方支付违约金。上述违约金甲方可直接从应付乙方的款项中扣除。",
    ]);
  });

  it("haidian: the liability cap closes the penalties article", async () => {
    const { view } = generate(await example("haidian-2024"));
    const last = article(view, "penalties")!.paragraphs.at(-1)!.text;
    expect(last).toBe("任何情况下，乙方承担的违约金和赔偿责任累计不超过合同总价款的100%（即人民币3,252,191.00元）。");
  });

  it("cites the generated penalty paragraphs by number from the service levels and the confidentiality article", async () => {
    const { view } = generate(await example("pinggu-2026"));
    const penalties = article(view, "penalties")!;
    const range = penalties.paragraphs.find((p) => p.text?.startsWith("未完成项目内容"))!.ref;
    const secrecy = penalties.paragraphs.find((p) => p.text?.startsWith("违反保密协议："))!.ref;
    expect(textOf(view, "service-levels")).toContain(`乙方未达到上述服务标准的，按本合同第${range}条承担违约责任。`);
    expect(textOf(view, "confidentiality")).toContain(`违反保密义务的，按本合同第${secrecy}条承担违约责任。`);
  });

  it("term, court, copies and attachments from the model", async () => {
    const { view } = generate(await example("pinggu-2026"));
    expect(textOf(view, "term")).toContain("本合同服务期限自2026年3月19日起至2027年3月18日止，共1年。");
    expect(textOf(view, "dispute")).toContain("向北京市平谷区人民法院提起诉讼");
    const other = textOf(view, "other");
    expect(other).toContain("本合同一式四份，甲方执二份，乙方执二份");
    expect(other).toContain("附件一　平谷区 12345 市民热线工作专业技术服务项目保密协议");
  });

  it("sujiatuo: the renewal rules as the contract states them", async () => {
    const { view } = generate(await example("sujiatuo-2026"));
    expect(textOf(view, "renewal")).toContain("续签次数不超过二次，总服务期限不超过3年；续签合同金额须在预算批复金额内，且较原合同金额增加的部分不超过原合同金额的10%");
  });

  it("what the model leaves open is printed as 【待确认】 and listed with its article", async () => {
    const base = await example("bda-2024");
    const { dispute: _dispute, copies: _copies, ...rest } = base;
    const { invoice: _invoice, ...payments } = base.payments;
    const contract: Contract = { ...rest, penalties: [], payments };
    const { view, pending } = generate(contract);
    expect(textOf(view, "dispute")).toMatch(/协商不成的，【待确认：合同数据未约定争议解决方式和管辖法院】。$/);
    expect(textOf(view, "other")).toContain("【待确认：合同数据未约定合同份数】");
    expect(textOf(view, "penalties")).toContain("【待确认：合同数据未录入违约责任】");
    const numberOf = (key: string) => articleName(article(view, key)!.number);
    expect(pending).toEqual(
      expect.arrayContaining([
        { what: "争议解决", reason: "合同数据未约定争议解决方式和管辖法院", clause: numberOf("dispute") },
        { what: "合同份数", reason: "合同数据未约定合同份数", clause: numberOf("other") },
        { what: "违约责任", reason: "合同数据未录入违约责任", clause: numberOf("penalties") },
        { what: "发票类型", reason: "合同数据未约定发票类型", clause: numberOf("payments") },
      ]),
    );
    expect(view.notice).toContain("【待确认】");
  });

  it("a new contract without a recorded signature page gets both sides' name, address, telephone and account, and blanks to sign and date", async () => {
    const base = await example("sujiatuo-2026");
    const { signaturePage: _page, date: _date, ...signing } = base.signing;
    const { view } = generate({ ...base, signing, body: [] });
    expect(view.closing).toBe("（以下无正文）");
    const [client, vendor] = view.signatures.blocks;
    expect(client!.lines[0]).toEqual({ label: "甲方（盖章）", value: "北京市海淀区苏家坨镇人民政府" });
    expect(vendor!.lines).toEqual(
      expect.arrayContaining([
        { label: "开户银行", value: "招商银行股份有限公司北京海淀科技金融支行" },
        { label: "账号", value: "110952630510601" },
        { label: "法定代表人或授权代表（签字）" },
        { label: "日期", value: "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日" },
      ]),
    );
  });

  it("a recorded signature page is used as recorded, and its own lead replaces ours", async () => {
    const { view } = generate(await example("pinggu-2026"));
    expect(view.signatures.lead).toBe("(以下无正文)");
    expect(view.closing).toBeUndefined();
  });

  it("writes nothing the model does not give: no undefined, no empty paragraph, no stray punctuation", async () => {
    for (const id of ["pinggu-2026", "haidian-2024", "yuetan-2026", "sujiatuo-2026", "bda-2024"]) {
      const { view } = generate(await example(id));
      for (const a of view.articles) {
        expect(a.paragraphs.length, `${id} ${a.heading}`).toBeGreaterThan(0);
        for (const p of a.paragraphs) {
          const words = p.text ?? JSON.stringify(p.installment);
          expect(words, `${id} ${p.ref}`).not.toMatch(/undefined|NaN|。。|，。|；。|：。|^\s*$/);
        }
      }
    }
  });
});
