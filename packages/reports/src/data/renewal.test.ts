import { fileURLToPath } from "node:url";
import { loadContract } from "@qiyue/contract-model";
import { documentText, parseMarkdown } from "@qiyue/document";
import { TemplateError, type TemplateInputs } from "@qiyue/templating";
import { describe, expect, it } from "vitest";
import { renderTemplateMarkdown } from "../fill.js";
import { loadTemplate } from "../templates.js";
import { PendingList } from "./pending.js";
import { renewalView } from "./renewal.js";
import { titleLines, titleWidth } from "./title.js";

const example = async (id: string) =>
  (await loadContract(fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url)))).contract;

const PLUS_5 = { increase: 50_000 };

/** The renewal draft of an example as the document's text, with the open points it warned of. */
async function draft(id: string, inputs: TemplateInputs = PLUS_5) {
  const rendered = renderTemplateMarkdown({ template: await loadTemplate("renewal-draft"), contract: await example(id), inputs });
  return { text: documentText(parseMarkdown(rendered.markdown).blocks), data: rendered.data };
}

describe("renewal draft: the schedule is never carried over with a zero or unresolved installment", () => {
  it("Pinggu (支付至 20% after 50 %): refused with the validator's finding and what to give", async () => {
    const contract = await example("pinggu-2026");
    const refused = (() => {
      try {
        renewalView(contract, PLUS_5);
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(TemplateError);
    expect((refused as TemplateError).code).toBe("RENEWAL_SCHEDULE_UNRESOLVED");
    expect((refused as Error).message).toMatch(/第 2 期写“支付至合同总额的 20%”，但此前各期已支付 50%.*（PAYMENT_CUMULATIVE_BELOW_PAID）.*--schedule/);
  });

  it("Pinggu with the parties' shares: every installment is positive, and the draft records the decision", async () => {
    const { text, data } = await draft("pinggu-2026", { ...PLUS_5, schedule: "50%/20%/30%" });
    expect(data.renewal?.schedule.rows.map((r) => r.amount)).toEqual([103_902_750, 41_561_100, 62_341_650]);
    expect(text).toContain("付款比例按甲乙双方约定调整为 50%、20%、30%");
    expect(text).not.toContain("零元整");
    expect(text).toContain("第 2 期付款\n（第二条第2款第（1）项） | 支付至 20%，0.00 元 | 20%，415,611.00 元");
  });
});

describe("renewal draft: dates move with the term", () => {
  it("Yuetan: “2026年6月30日前” in the old term becomes 2027年5月31日前 in a term from 2027-01-01", async () => {
    const { text } = await draft("yuetan-2026");
    expect(text).toContain("第 2 期 | 双方合作无异议且2027年5月31日前 | 30%");
    expect(text).not.toContain("双方合作无异议且2026年6月30日前");
    expect(text).toContain("第 2 期付款时间\n（第5.1.1条） | 2026年6月30日前 | 2027年5月31日前");
  });

  it("BDA: “2024年12月” in a 2024-10-08 term becomes 2025年12月", async () => {
    const { text } = await draft("bda-2024");
    expect(text).toContain("第 2 期 | 2025年12月 | 15%");
    expect(text).not.toContain("第 2 期 | 2024年12月");
  });

  it("a date that would leave the new term is marked 【待确认】 and warned of, never guessed", async () => {
    const pending = new PendingList();
    const view = renewalView(await example("bda-2024"), { ...PLUS_5, term: 1 }, pending);
    const reason = "原合同为2024年12月，随服务期顺延后为2025年12月，超出续签服务期，须双方重新约定";
    expect(view.schedule.rows[1]?.trigger).toBe(`【待确认：${reason}】`);
    expect(pending.items).toEqual([{ what: "第 2 期付款时间", reason, clause: "第二条第2款第（2）项" }]);
  });
});

describe("renewal draft: the term keeps its length unless the parties choose another", () => {
  it("Haidian's four months stay four months at +5 %", async () => {
    const { text } = await draft("haidian-2024");
    expect(text).toContain("本合同服务期限自2025年1月1日起至2025年4月30日止，共 4 个月");
    expect(text).toContain("服务期限与原合同相同。");
  });

  it("Yuetan's eleven months stay eleven; --term 12m is stated as the parties' choice", async () => {
    expect((await draft("yuetan-2026")).text).toContain("自2027年1月1日起至2027年11月30日止，共 11 个月");
    const chosen = await draft("yuetan-2026", { ...PLUS_5, term: 12 });
    expect(chosen.text).toContain("自2027年1月1日起至2027年12月31日止，共 1 年");
    expect(chosen.text).toContain("服务期限按甲乙双方约定为 1 年（原合同为 11 个月）。");
  });

  it("the three-year cap still holds for a longer term", () => {
    return expect(draft("sujiatuo-2026", { ...PLUS_5, term: 25 })).rejects.toThrow(/超过 3 年的上限/);
  });
});

describe("renewal draft: sums stated as a share follow the new amount; the contract's words are clean", () => {
  it("Sujiatuo: 353,300.00 “或 20 %” becomes 370,965.00 with its capitals; no “353, 300. 00” left", async () => {
    const { text } = await draft("sujiatuo-2026");
    expect(text).toContain("解约方应向对方支付 370,965.00 元（大写：叁拾柒万零玖佰陆拾伍元整）（或本合同服务费用总额的 20%）作为违约金");
    expect(text).not.toContain("353,300.00 元（或本合同");
    expect(text).not.toMatch(/\d[,.] \d/);
    expect(text).toContain("违约金（无故单方解除合同）\n（第九条第2款） | 353,300.00 元（合同总额的 20%） | 370,965.00 元（叁拾柒万零玖佰陆拾伍元整；合同总额的 20%）");
  });
});

describe("renewal draft: the title", () => {
  it("carries the new term's year and breaks only between words", async () => {
    const sujiatuo = await draft("sujiatuo-2026");
    expect(sujiatuo.data.renewal?.title.lines).toEqual(["苏家坨镇 2027 年接诉即办服务项目", "续签合同"]);
    const yuetan = await draft("yuetan-2026");
    expect(yuetan.data.renewal?.title.lines).toEqual(["2027年接诉即办指挥调度平台工作项目", "续签合同"]);
    const pinggu = await draft("pinggu-2026", { ...PLUS_5, schedule: "50%/20%/30%" });
    expect(pinggu.data.renewal?.title.lines).toEqual(["平谷区 12345", "市民热线工作专业技术服务项目续签合同"]);
    expect(pinggu.text.startsWith("平谷区 12345\n市民热线工作专业技术服务项目续签合同")).toBe(true);
    expect((await draft("bda-2024")).data.renewal?.title.lines).toEqual(["接诉即办服务项目续签合同"]);
  });

  it("titleLines: every line fits, none split inside a word or between a year and 年", () => {
    expect(titleLines("海淀区“接诉即办”精细化数据支撑服务项目", "续签合同")).toEqual(["海淀区“接诉即办”", "精细化数据支撑服务项目续签合同"]);
    expect(titleLines("某某区 2027 年接诉即办精细化数据支撑服务项目", "续签合同")).toEqual(["某某区 2027 年接诉即办精细化数据支撑服务项目", "续签合同"]);
    // no boundary gives two lines that fit: the name and the document's name, never a split inside a word
    const name = "某某区 2027 年市民热线接诉即办精细化数据支撑服务项目";
    expect(titleLines(name, "续签合同")).toEqual([name, "续签合同"]);
    expect(titleWidth("平谷区 12345")).toBeCloseTo(6.05);
  });
});

describe("renewal draft: the table of changes and the caps with their sources", () => {
  it("lists the term, the amount with its capitals, each installment and each moved date", async () => {
    const rows = (await draft("bda-2024")).data.renewal?.changes.map((c) => c.item);
    expect(rows).toEqual(["服务期限", "合同金额", "第 1 期付款", "第 2 期付款", "第 2 期付款时间", "第 3 期付款"]);
    const { text } = await draft("haidian-2024");
    expect(text).toContain("合同金额\n（第4.1条） | 3,252,191.00 元（叁佰贰拾伍万贰仟壹佰玖拾壹元整） | 3,414,800.55 元（叁佰肆拾壹万肆仟捌佰元零伍角伍分）");
    expect(text).toContain("完成期限\n（第3.1条） | 2024年12月31日前 | 2025年4月30日前");
    // a period in a narrow cell: a line for each date and for the length, never broken inside them
    expect(text).toContain("服务期限\n（第14.2条） | 2024年9月1日至\n2024年12月31日\n（4 个月） | 2025年1月1日至\n2025年4月30日\n（4 个月）");
  });

  it("states the caps and quotes their legal sources", async () => {
    const { text } = await draft("bda-2024");
    expect(text).toContain("原合同未约定续签规则，适用以下规定的续签上限：续签不超过 2 次；自原合同开始之日起总服务期限不超过 3 年；续签合同金额较原合同金额增加不超过 10%");
    expect(text).toContain("《中华人民共和国政府采购法》第四十九条：“所有补充合同的采购金额不得超过原合同采购金额的百分之十”");
    expect(text).toContain("（财库〔2014〕37号）：“采购需求具有相对固定性");
    // Sujiatuo states its own rules (二.1) and names the statutes without their words: the words are filled in
    const own = (await draft("sujiatuo-2026")).text;
    expect(own).toContain("原合同第二条第1款：“一年合同期届满后");
    expect(own).toContain("《中华人民共和国政府采购法》第四十九条：“所有补充合同的采购金额");
    // the model names the Ministry's notice without title marks: the draft cites it by title and number
    expect(own).toContain("《财政部关于推进和完善服务项目政府采购有关问题的通知》（财库〔2014〕37号）：“采购需求具有相对固定性");
  });
});
