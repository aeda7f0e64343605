import { describe, expect, it } from "vitest";
import { hasTool, pdfPages } from "@qiyue/testing";
import { parseMarkdown } from "../markdown/parse.js";
import { renderPdf } from "./index.js";

const poppler = hasTool("pdftotext");

/** `n` one-line paragraphs: moves what follows down the first page a line at a time. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `填充第${i + 1}行。`).join("\n\n");
const squash = (page: string) => page.replace(/\s+/g, "");

async function pages(markdown: string): Promise<string[]> {
  return pdfPages(await renderPdf(parseMarkdown(markdown))).map(squash);
}

const SEALS = "::::signatures\n:::party\n- 甲方（盖章）：北京市平谷区城市管理指挥中心\n- 日期：\n:::\n:::party\n- 乙方（盖章）：中国联合网络通信有限公司北京市分公司\n- 日期：\n:::\n::::";
const PANEL = ["| 序号 | 姓名 | 单位 | 职务 | 签字 |", "|:--:|----|------|----|----|", ...[1, 2, 3, 4, 5].map((n) => `| ${n} |  |  |  |  |`)].join("\n");

describe.skipIf(!poppler)("headings keep with what follows them, read from the PDF", () => {
  it("a short table and the seals after it go to the next page with their heading", async () => {
    let moved = 0;
    for (let n = 4; n <= 20; n += 2) {
      const text = await pages(`# 验收单\n\n${filler(n)}\n\n## 七、签字盖章\n\n${PANEL}\n\n${SEALS}\n`);
      const page = text.findIndex((p) => p.includes("七、签字盖章"));
      expect(text[page], `${n} lines before`).toContain("序号姓名单位职务签字");
      expect(text[page], `${n} lines before`).toMatch(/5[\s\S]*甲方（盖章）[\s\S]*乙方（盖章）/);
      if (page > 0) moved++;
    }
    // some of these layouts put the heading at the foot of the first page
    expect(moved).toBeGreaterThan(0);
  });

  it("a one-line lead-in and the short table it introduces stay with the heading", async () => {
    for (let n = 12; n <= 20; n++) {
      const text = await pages(`# 验收单\n\n${filler(n)}\n\n## 二、人员配置\n\n要求共 5 项，逐项核对如下：\n\n${PANEL}\n`);
      const page = text.findIndex((p) => p.includes("二、人员配置"));
      expect(text[page], `${n} lines before`).toMatch(/逐项核对如下：序号姓名单位职务签字1.*5/);
    }
  });

  it("no heading ends a page above a long table: the heading moves down when the first row does not fit", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `| ${i + 1} | 第${i + 1}号工单：朝阳路与建国路交叉口路灯不亮，居民夜间出行不便，请求尽快维修并反馈处理结果 | 已办结 |`);
    const table = ["| 序号 | 诉求内容 | 状态 |", "|:---:|--------|:---:|", ...rows].join("\n");
    let moved = 0;
    for (let n = 14; n <= 22; n++) {
      const text = await pages(`# 工单明细\n\n${filler(n)}\n\n## 三、明细\n\n${table}\n`);
      const page = text.findIndex((p) => p.includes("三、明细"));
      expect(text[page], `${n} lines before`).toMatch(/三、明细序号诉求内容状态1第1号工单/);
      if (page > 0) moved++;
      // and the table still continues across pages under its repeated header
      expect(text.filter((p) => p.includes("序号诉求内容状态")).length).toBeGreaterThan(1);
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("a row of a few lines moves to the next page whole instead of splitting across the break", async () => {
    const cell = (i: number) => `R${i}始${"朝阳路与建国路交叉口路灯不亮居民夜间出行不便".repeat(3)}R${i}终`;
    const rows = Array.from({ length: 30 }, (_, i) => `| ${i + 1} | ${cell(i + 1)} | 已办结 |`);
    const text = await pages(["# 工单明细", "", "| 序号 | 诉求内容 | 状态 |", "|:---:|--------|:---:|", ...rows].join("\n"));
    expect(text.length).toBeGreaterThan(1);
    for (let i = 1; i <= 30; i++) {
      const start = text.findIndex((p) => p.includes(`R${i}始`));
      expect(text[start], `row ${i}`).toContain(`R${i}终`);
    }
  });
});
