import { fileURLToPath } from "node:url";
import { loadContract } from "@qiyue/contract-model";
import { documentText, editorNotes, parseMarkdown } from "@qiyue/document";
import { loadTemplate, renderDocumentBytes, renderTemplateMarkdown } from "@qiyue/reports";
import { hasTool, pdfPages } from "@qiyue/testing";
import { describe, expect, it } from "vitest";

const file = (id: string) => fileURLToPath(new URL(`../../examples/contracts/${id}.yaml`, import.meta.url));

/** The contract reprint of an example: its Markdown and the text a reader sees, line by line. */
async function reprint(id: string) {
  const { contract } = await loadContract(file(id));
  const { markdown } = renderTemplateMarkdown({ template: await loadTemplate("contract"), contract, inputs: {} });
  return { markdown, text: documentText(parseMarkdown(markdown).blocks) };
}

const count = (text: string, part: string) => text.split(part).length - 1;

/** The text between two lines of a reprint: one signature page, one attachment. */
function between(text: string, from: string, to?: string): string {
  const start = text.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const end = to === undefined ? text.length : text.indexOf(to, start);
  return text.slice(start, end < 0 ? text.length : end);
}

describe("the contract reprint prints the signature pages as signed", () => {
  it("Yuetan: 乙方 signs as 负责人, and nobody's name is filled into the blank signature lines", async () => {
    const { text } = await reprint("yuetan-2026");
    const page = between(text, "12.4 本协议一式陆份");
    expect(page).toContain("法定代表人/负责人(签字)：\n或委托代理人(签字)：\n签约日期：2026年1月28日");
    expect(page).toContain("乙方(盖章)：中国联合网络通信有限公司北京市分公司\n负责人(签字)：\n或委托代理人(签字)：");
    expect(page).not.toContain("法定代表人：");
    expect(page).not.toContain("陈海波");
    expect(page).not.toContain("马佳颖");
  });

  it("BDA: the main signature page names nobody; 刘文海 signs the 廉政协议书 only, as 负责人", async () => {
    const { text } = await reprint("bda-2024");
    const main = between(text, "第八条", "廉政协议书");
    expect(main).toContain("（以下无正文，为签章页）");
    expect(main).toContain("甲方（公章）：北京经济技术开发区开发建设局\n负责人（签章）：\n电话：67888163");
    expect(main).toContain("乙方（公章）：北京兴众联城信息技术有限公司\n法定代表人或委托人（签章）：\n");
    expect(main).not.toContain("刘文海");
    expect(main).not.toContain("开户银行");
    const integrity = between(text, "十三、本协议一式肆份");
    expect(integrity).toContain("甲方（盖章）：\n负责人（签字）：刘文海\n签订日期：2024年9月30日");
    expect(integrity).toContain("乙方（盖章）：\n法人代表或委托人（签字）：赵高峰\n签订日期：2024年9月30日");
    expect(count(text, "刘文海")).toBe(1);
  });

  it("BDA: the 廉政协议书 headed by its own title prints it centred as a title, as 服 务 合 同 is; a label 附件一: stays a heading", async () => {
    const titles = async (id: string) =>
      parseMarkdown((await reprint(id)).markdown)
        .blocks.filter((b) => b.type === "title")
        .map((b) => documentText([b]));
    expect(await titles("bda-2024")).toEqual(expect.arrayContaining(["服 务 合 同", "廉 政 协 议 书"]));
    expect(await titles("pinggu-2026")).not.toContain("附件一:");
  });

  it("prints each date under its own caption, never the caption twice", async () => {
    for (const id of ["bda-2024", "haidian-2024", "pinggu-2026", "sujiatuo-2026", "yuetan-2026"]) {
      const { text } = await reprint(id);
      expect(text, id).not.toMatch(/日期：[^\n]*日期/);
    }
    const { text } = await reprint("bda-2024");
    expect(text).toContain("签章日期：2024年9月30日");
  });
});

describe("the contract reprint prints the capitals as signed", () => {
  it("Pinggu: the printed capitals with the validator's correction beside them, and the correction nowhere else", async () => {
    const { text } = await reprint("pinggu-2026");
    expect(text).toContain("(大写人民币: 壹佰玖拾柒万玖仟一百元整)〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕 (含税)");
    expect(count(text, "壹佰玖拾柒万玖仟壹佰元整")).toBe(count(text, "〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕"));
  });

  it("Pinggu, Sujiatuo: what the validator questions is printed as signed, with an editor's note beside it and apart from it", async () => {
    const notes = async (id: string) => editorNotes(parseMarkdown((await reprint(id)).markdown).blocks);
    expect(await notes("pinggu-2026")).toEqual([{ text: "〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕", count: 1 }]);
    expect(await notes("sujiatuo-2026")).toEqual([{ text: "〔注：签署日期与封面签订日期2026年3月30日年份不同，疑为笔误，请核对〕", count: 2 }]);
    const { text } = await reprint("sujiatuo-2026");
    expect(count(text, "2020年3月30日〔注：签署日期与封面签订日期2026年3月30日年份不同，疑为笔误，请核对〕")).toBe(2);
    for (const id of ["bda-2024", "haidian-2024", "yuetan-2026"]) expect(await notes(id), id).toEqual([]);
  });
});

describe("Haidian's reprint", () => {
  it("keeps the two party blocks' printed lines apart", async () => {
    const { text } = await reprint("haidian-2024");
    expect(text).toContain("甲方: 北京市海淀区城市管理指挥中心\n地址: 北京市海淀区海淀区长春桥路 17 号\n邮政编码: 100089\n传 真: (010)82510773");
    expect(text).toContain("乙方: 中国联合网络通信有限公司北京市分公司\n通信地址: 北京市西城区复兴门南大街 6 号");
  });

  it("prints its cover once, on a page of its own, before the parties", async () => {
    const { text, markdown } = await reprint("haidian-2024");
    const lines = text.split("\n");
    for (const line of ["项目名称: 海淀区“接诉即办”精细化数据支撑服务项目", "有效期限: 2024年9月1日至2024年12月31日", "北京技术市场管理办公室", "签订地点: 北京(市)海淀(区)"]) {
      expect(lines.filter((l) => l === line), line).toHaveLength(1);
    }
    expect(count(text, "签订地点")).toBe(1);
    expect(markdown.indexOf("北京技术市场管理办公室")).toBeLessThan(markdown.indexOf("::pagebreak"));
    expect(markdown.indexOf("::pagebreak")).toBeLessThan(markdown.indexOf("地址: 北京市海淀区海淀区长春桥路"));
  });

  it("prints “(以下无正文)” and the annex heading once each", async () => {
    const { text } = await reprint("haidian-2024");
    expect(count(text, "以下无正文")).toBe(1);
    expect(count(text, "服务清单\n")).toBe(1);
    expect(text).toContain("附件一、服务清单\n序号 | 服务清单 | 服务内容");
  });

  it.skipIf(!hasTool("pdftotext"))("has no blank page in the PDF", async () => {
    const { pdf } = await renderDocumentBytes({ template: "contract", contract: file("haidian-2024"), formats: ["pdf"], sourceDateEpoch: 1767225600 });
    const pages = pdfPages(pdf!);
    const blank = pages.map((page, i) => [i + 1, page.replace(/—\s*\d+\s*—/, "").trim()] as const).filter(([, body]) => body === "");
    expect(blank).toEqual([]);
    const signed = pages.findIndex((p) => p.includes("合同签署页"));
    expect(pages[signed]).toContain("技术合同专用章或单位公章");
  });
});
