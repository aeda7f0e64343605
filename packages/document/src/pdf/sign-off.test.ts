import { hasTool, pdfPages } from "@qiyue/testing";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { renderPdf } from "./index.js";

const poppler = hasTool("pdftotext");

/** `n` one-line paragraphs: moves what follows down the first page a line at a time. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `填充第${i + 1}行。`).join("\n\n");
const squash = (page: string) => page.replace(/\s+/g, "");

async function pages(markdown: string): Promise<string[]> {
  return pdfPages(await renderPdf(parseMarkdown(markdown))).map(squash);
}

const SEALS = "::::signatures\n:::party\n- 申请单位（盖章）：北京政信智能科技有限公司\n- 经办人：续玥\n- 申请日期：\n:::\n:::party\n- 签收单位（盖章）：北京市海淀区苏家坨镇人民政府\n- 签收人（签字）：\n:::\n::::";
const APPROVAL = [
  "## 七、甲方审批",
  "",
  "以下由甲方按付款审批程序逐级填写：",
  "",
  "| 审批环节 | 审核意见 | 签字 | 日期 |",
  "|---|---|---|---|",
  ...["经办人", "科室负责人", "财务", "分管领导"].map((step) => `| ${step} |  |  | 年　月　日 |`),
].join("\n");

/** The pages that hold `text`. */
const holding = (text: string[], part: string) => text.filter((p) => p.includes(part));

describe.skipIf(!poppler)("the signing part never stands on a page without text, read from the PDF", () => {
  it("an approval table after the seals goes to their page, and both take the text above them along", async () => {
    let moved = 0;
    for (let n = 2; n <= 20; n += 2) {
      const text = await pages(`# 付款申请书\n\n${filler(n)}\n\n特此申请。\n\n${SEALS}\n\n${APPROVAL}\n`);
      const [page, ...more] = holding(text, "审批环节");
      expect(more, `${n} lines before`).toEqual([]);
      expect(page, `${n} lines before`).toMatch(/特此申请。申请单位[\s\S]*七、甲方审批[\s\S]*分管领导/);
      if (text.indexOf(page!) > 0) moved++;
    }
    // some of these layouts put the seals and the approval table on the second page
    expect(moved).toBeGreaterThan(0);
  });

  it("the end marker and the seals take the last item of the list above them along", async () => {
    const list = ["1. 本合同自双方签字盖章之日起生效。", "2. 本合同未尽事宜，由双方协商解决。", "3. 本合同一式陆份，甲方执叁份、乙方执叁份，每份具有同等法律效力。"].join("\n");
    let moved = 0;
    for (let n = 6; n <= 22; n += 2) {
      const text = await pages(`# 合同\n\n${filler(n)}\n\n${list}\n\n（以下无正文）\n\n${SEALS}\n`);
      const [page, ...more] = holding(text, "北京政信");
      expect(more, `${n} lines before`).toEqual([]);
      expect(page, `${n} lines before`).toMatch(/每份具有同等法律效力。（以下无正文）申请单位北京政信/);
      // the item keeps its number on the page it moves to
      expect(page, `${n} lines before`).toMatch(/3\.本合同一式陆份/);
      if (text.indexOf(page!) > 0) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("keeps a page break before the text taken along, and loses nothing after it", async () => {
    const cases = ["特此申请。", "1. 发票（1,626,095.50 元）", "本申请一式两份，甲乙双方各执一份，自双方签字盖章之日起生效，逐级审批后付款。"];
    for (const closing of cases) {
      const text = await pages(`# 付款申请书\n\n正文。\n\n::pagebreak\n\n${closing}\n\n${SEALS}\n`);
      expect(text, closing).toHaveLength(2);
      expect(text[0], closing).not.toContain("北京政信");
      expect(text[1], closing).toContain(squash(closing));
      expect(text[1], closing).toMatch(/申请单位北京政信[\s\S]*经办人/);
    }
  });

  it("an acceptance panel and the seals after it take the short table before them along", async () => {
    const issues = ["## 六、遗留问题", "", "| 序号 | 遗留问题 | 整改措施 |", "|---|---|---|", "| 1 |  |  |", "| 2 |  |  |"].join("\n");
    const panel = ["## 七、验收小组签字", "", "| 序号 | 姓名 | 单位 | 签字 |", "|---|---|---|---|", ...[1, 2, 3, 4, 5].map((i) => `| ${i} |  |  |  |`)].join("\n");
    for (let n = 4; n <= 20; n += 2) {
      const text = await pages(`# 验收单\n\n${filler(n)}\n\n${issues}\n\n${panel}\n\n${SEALS}\n`);
      const [page, ...more] = holding(text, "七、验收小组签字");
      expect(more, `${n} lines before`).toEqual([]);
      expect(page, `${n} lines before`).toMatch(/六、遗留问题序号遗留问题整改措施12七、验收小组签字[\s\S]*申请单位北京政信/);
    }
  });
});
