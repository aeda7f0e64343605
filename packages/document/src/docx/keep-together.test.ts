import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { renderDocx } from "./index.js";

const body = async (markdown: string) => (await JSZip.loadAsync(await renderDocx(parseMarkdown(markdown)))).file("word/document.xml")!.async("string");

/** The text of some XML, as read: without tags, and without the WORD JOINERs that keep characters together. */
const plain = (xml: string) => xml.replace(/<[^>]+>/g, "").replaceAll("\u2060", "");

/** The table rows of the body, outer and nested, in order. */
const rows = (xml: string) => xml.match(/<w:tr>(?:(?!<w:tr>).)*?<\/w:tr>/gs) ?? [];

/** The paragraph that holds `text`. */
const paragraph = (xml: string, text: string) => (xml.match(/<w:p>(?:(?!<w:p>).)*?<\/w:p>/gs) ?? []).find((p) => plain(p).includes(text)) ?? "";

const keeps = (xml: string) => xml.includes("<w:keepNext/>");

const SEALS = "::::signatures\n:::party\n- 申请单位（盖章）：某某公司\n- 经办人：续玥\n:::\n:::party\n- 签收单位（盖章）：某某中心\n:::\n::::";

describe("renderDocx: no table row alone on a page, and the signing part kept with the text above it", () => {
  it("keeps the first body row with the second and the last but one with the last", async () => {
    const table = ["| 序号 | 内容 |", "|---|---|", ...[1, 2, 3, 4, 5, 6].map((i) => `| ${i} | 第${i}行 |`)].join("\n");
    const grid = rows(await body(`${table}\n`));
    expect(grid.map(keeps)).toEqual([true, true, false, false, false, true, false]);
  });

  it("keeps a table signed by hand whole, and the seals, heading and lead-in before it with it", async () => {
    const approval = "## 七、甲方审批\n\n以下由甲方逐级填写：\n\n| 审批环节 | 签字 | 日期 |\n|---|---|---|\n| 经办人 |  | 年　月　日 |\n| 科室负责人 |  | 年　月　日 |\n| 财务 |  | 年　月　日 |\n| 分管领导 |  | 年　月　日 |\n";
    const xml = await body(`特此申请。\n\n${SEALS}\n\n${approval}`);
    expect(paragraph(xml, "特此申请。")).toContain("<w:keepLines/>");
    expect(keeps(paragraph(xml, "特此申请。"))).toBe(true);
    // every paragraph of the seals, in the nested tables too
    const seals = xml.slice(xml.indexOf("特此申请。"), xml.indexOf("七、甲方审批"));
    const sealParagraphs = seals.match(/<w:p>(?:(?!<w:p>).)*?<\/w:p>/gs) ?? [];
    expect(sealParagraphs.length).toBeGreaterThan(5);
    expect(sealParagraphs.filter((p) => !keeps(p))).toEqual([]);
    expect(keeps(paragraph(xml, "以下由甲方逐级填写："))).toBe(true);
    const table = rows(xml).filter((r) => plain(r).includes("审批环节") || plain(r).includes("年"));
    expect(table.map(keeps)).toEqual([true, true, true, true, false]);
  });

  it("keeps the last list item and the end marker with the seals, and nothing else", async () => {
    const xml = await body(`1. 本合同自签字盖章之日起生效。\n2. 本合同一式两份。\n\n（以下无正文）\n\n${SEALS}\n`);
    expect(keeps(paragraph(xml, "本合同自签字盖章之日起生效。"))).toBe(false);
    expect(paragraph(xml, "本合同一式两份。")).toMatch(/<w:keepNext\/><w:keepLines\/>/);
    expect(keeps(paragraph(xml, "（以下无正文）"))).toBe(true);
    // the seals end the document: they keep with nothing
    expect(keeps(paragraph(xml, "（盖章处）"))).toBe(false);
  });

  it("keeps the last two rows of a table before an acceptance panel with it", async () => {
    const issues = ["| 序号 | 遗留问题 |", "|---|---|", ...[1, 2, 3, 4, 5].map((i) => `| ${i} | 问题${i} |`)].join("\n");
    const panel = "## 七、验收小组签字\n\n| 序号 | 姓名 | 签字 |\n|---|---|---|\n| 1 |  |  |\n| 2 |  |  |\n";
    const grid = rows(await body(`${issues}\n\n${panel}\n${SEALS}\n`)).filter((r) => plain(r).includes("问题"));
    expect(grid.map(keeps)).toEqual([true, true, false, false, true, true]);
  });

  it("lines the parties' rows up in one table without a table inside it, the seals in one row, kept together", async () => {
    const party = (...rows: string[]) => `:::party\n${rows.map((r) => `- ${r}`).join("\n")}\n:::\n`;
    const md = `正文。\n\n::::signatures\n${party("甲方（盖章）：北京市平谷区城市管理指挥中心", "法定代表人/授权代表（签字）：", "日期：2026年3月19日")}${party("乙方（盖章）：", "法定代表人/授权代表（签字）：", "日期：2026年3月19日")}::::\n`;
    const xml = await body(md);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    const grid = rows(xml);
    expect(grid).toHaveLength(4);
    expect(grid[0]).toContain("甲方");
    expect(grid[0]).toContain("乙方");
    expect(grid.map((r) => (r.match(/（盖章处）/g) ?? []).length)).toEqual([0, 2, 0, 0]);
    // every row keeps with the next but the last, which ends the document
    expect(grid.map(keeps)).toEqual([true, true, true, false]);
  });
});
