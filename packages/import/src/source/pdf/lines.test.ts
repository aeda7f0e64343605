import { describe, expect, it } from "vitest";
import { type PdfTextItem, pageLines } from "./lines.js";

/** Items laid out as a PDF would: each character or run at its own x, 12-point type. */
function run(str: string, x: number, y: number, width = str.length * 12): PdfTextItem {
  return { str, x, y, width, size: 12 };
}

describe("pageLines", () => {
  it("groups items by baseline, top to bottom, each line left to right", () => {
    const items = [run("乙方：某公司", 72, 680), run("甲方：", 72, 700), run("某中心", 108, 700.4)];
    expect(pageLines(items)).toEqual([{ text: "甲方：某中心" }, { text: "乙方：某公司" }]);
  });

  it("joins Chinese without spaces, even across a gap of spacing, and Latin words with one", () => {
    const items = [run("合", 72, 700), run("同", 86, 700), run("Service", 110, 680, 40), run("hours", 155, 680, 30)];
    expect(pageLines(items)).toEqual([{ text: "合同" }, { text: "Service hours" }]);
  });

  it("keeps a space the PDF draws as its own item, once", () => {
    const items = [run("Monday", 72, 700, 36), run(" ", 108, 700, 3), run(" ", 111, 700, 3), run("to", 114, 700, 12)];
    expect(pageLines(items)).toEqual([{ text: "Monday to" }]);
  });

  it("splits a line into cells at gaps wider than two font sizes (a table row)", () => {
    const items = [run("第一期", 72, 700), run("2025年4月10日前", 200, 700), run("90000.00", 400, 700, 48)];
    expect(pageLines(items)).toEqual([{ text: "第一期\t2025年4月10日前\t90000.00", cells: ["第一期", "2025年4月10日前", "90000.00"] }]);
  });

  it("prints a string drawn twice at the same place (fake bold) once", () => {
    expect(pageLines([run("合同", 72, 700), run("合同", 72.3, 700)])).toEqual([{ text: "合同" }]);
  });

  it("joins the lines of a wrapped paragraph, but not a new item, a sentence's end, a table row or short lines", () => {
    // 40 characters of 12 points from x 72: a full line ends at 552 on a 612-point page.
    const full = (text: string, y: number, x = 72) => run(text, x, y, 480);
    const items = [
      full("一、服务内容：乙方按甲方要求提供热线值守、数据分析、工单审核等服务，服务期", 700, 96),
      full("间自合同签订之日起计算，服务地点为甲方指定地点，乙方应按约定派驻人员并保", 686),
      run("证质量。", 72, 672, 48),
      full("二、合同价款：本合同总价款为1718000元，分三期支付，每期付款前乙方应开具", 640, 96),
      full("（一）第一期于合同签订后支付合同总额的百分之五十，即859000元，其余款", 626),
      full("项按约定支付。第二期为验收合格后支付百分之二十，余款在服务期满后结清。", 612),
      full("合同一式四份，甲乙双方各执两份，具有同等法律效力，自双方签字盖章之日", 580),
      run("期次", 72, 566),
      run("金额", 300, 566),
      run("甲方（盖章）", 72, 520),
      run("乙方（盖章）", 72, 506),
    ];
    expect(pageLines(items).map((l) => l.text)).toEqual([
      "一、服务内容：乙方按甲方要求提供热线值守、数据分析、工单审核等服务，服务期间自合同签订之日起计算，服务地点为甲方指定地点，乙方应按约定派驻人员并保证质量。",
      "二、合同价款：本合同总价款为1718000元，分三期支付，每期付款前乙方应开具",
      "（一）第一期于合同签订后支付合同总额的百分之五十，即859000元，其余款项按约定支付。第二期为验收合格后支付百分之二十，余款在服务期满后结清。",
      "合同一式四份，甲乙双方各执两份，具有同等法律效力，自双方签字盖章之日",
      "期次\t金额",
      "甲方（盖章）",
      "乙方（盖章）",
    ]);
  });

  it("gives no line for a page without visible text", () => {
    expect(pageLines([run(" ", 72, 700, 3), run("", 80, 700, 0)])).toEqual([]);
  });
});

describe("spacing between Chinese and figures", () => {
  it("drops the narrow spacing office programs put between the scripts, keeps a wide gap as a space", () => {
    // "2025 年 4 月": the figures and characters 0.2 em apart, as LibreOffice lays them out.
    const date = [run("服务期限自", 72, 700), run("2025", 134.4, 700, 26.8), run(" ", 161.2, 700, 2.4), run("年", 163.6, 700), run(" ", 175.6, 700, 2.4), run("4", 178, 700, 6.7), run("月", 187, 700)];
    expect(pageLines(date)).toEqual([{ text: "服务期限自2025年4月" }]);
    // "电话：010-60466097   传真：": typed spaces, more than half a character wide.
    const phone = [run("电话：", 72, 680), run("010-60466097", 108, 680, 72), run(" ", 180, 680, 7), run("传真：", 187, 680)];
    expect(pageLines(phone)).toEqual([{ text: "电话：010-60466097 传真：" }]);
  });
});
