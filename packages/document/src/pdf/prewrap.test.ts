import { describe, expect, it } from "vitest";
import { HAO } from "../theme/units.js";
import type { PdfNode } from "./context.js";
import { textWidth } from "../fonts/cache.js";
import { prewrap } from "./prewrap.js";
import type { PdfTextStyle } from "./styles.js";

const style: PdfTextStyle = { font: "NotoSerifSC", fontSize: HAO.三号, bold: false, lineHeight: 1, alignment: "justify", margin: [0, 0, 0, 0] };

function lines(node: PdfNode): { text: string; characterSpacing: number; leadingIndent: number }[] {
  return (node.stack as PdfNode[]).map((line) => {
    const inlines = line.text as { text: string; characterSpacing: number }[];
    return { text: inlines.map((i) => i.text).join(""), characterSpacing: inlines[0]?.characterSpacing ?? 0, leadingIndent: line.leadingIndent as number };
  });
}

describe("prewrap", () => {
  it("breaks Chinese text into lines that fit, never starting a line with closing punctuation", () => {
    const text = "甲方委托乙方承担北京市12345市民服务热线接诉即办工作，乙方应当按照合同约定的服务标准，提供服务。".repeat(3);
    const width = 10 * HAO.三号 + 3;
    const out = lines(prewrap([{ text }], style, width));
    expect(out.map((l) => l.text).join("")).toBe(text);
    for (const line of out) {
      expect(textWidth("serif", line.text, HAO.三号)).toBeLessThanOrEqual(width + 0.01);
      expect(line.text).not.toMatch(/^[，。、；：）”]/);
    }
    // Justified lines are spread to the full width; the last line is not.
    expect(out[0]!.characterSpacing).toBeGreaterThan(0);
    expect(out[out.length - 1]!.characterSpacing).toBe(0);
  });

  it("indents the first line and breaks at hard line breaks", () => {
    const out = lines(prewrap([{ text: "第一行\n第二行" }], { ...style, leadingIndent: 32 }, 400));
    expect(out).toEqual([
      { text: "第一行", characterSpacing: 0, leadingIndent: 32 },
      { text: "第二行", characterSpacing: 0, leadingIndent: 0 },
    ]);
  });

  it("splits a word longer than the line between characters", () => {
    const url = "https://example.com/a/very/long/path/that/cannot/fit/on/one/line";
    const out = lines(prewrap([{ text: url }], { ...style, alignment: "left" }, 120));
    expect(out.length).toBeGreaterThan(2);
    expect(out.map((l) => l.text).join("")).toBe(url);
  });

  it("keeps marks of runs within a line", () => {
    const node = prewrap([{ text: "甲方" }, { text: "应当", bold: true }, { text: "支付" }], style, 400);
    const inlines = (node.stack as PdfNode[])[0]!.text as { text: string; bold: boolean }[];
    expect(inlines.map((i) => [i.text, i.bold])).toEqual([
      ["甲方", false],
      ["应当", true],
      ["支付", false],
    ]);
  });

  it("never breaks inside a date, a long number, a percentage or a clause number", () => {
    const text = "甲方应于2026年3月19日前向账号0200003319210012727支付合同总价款的100.00%，依第4.2.2条办理。".repeat(4);
    for (const chars of [11, 12, 13, 14, 15, 17]) {
      const out = lines(prewrap([{ text }], style, chars * HAO.三号 + 1)).map((l) => l.text);
      expect(out.join("")).toBe(text);
      for (let i = 1; i < out.length; i++) {
        const around = `${out[i - 1]!.slice(-12)}|${out[i]!.slice(0, 12)}`;
        expect(around, `${chars} characters a line`).not.toMatch(/\d\|[\d年月日%,.]|[年月]\|\d|第\|\d|\d\|条|\d\|%/);
      }
    }
  });

  it("takes a character down from the line before rather than leave one alone on the last line", () => {
    // nine characters a line: 19 characters would leave "目" alone on the third line
    const text = "北京市海淀区接诉即办数据支撑服务项目组";
    const width = 9 * HAO.三号 + 1;
    const out = lines(prewrap([{ text }], { ...style, alignment: "center" }, width)).map((l) => l.text);
    expect(out.join("")).toBe(text);
    expect(out.length).toBe(3);
    expect(Array.from(out[2]!).length).toBeGreaterThan(1);
  });
});
