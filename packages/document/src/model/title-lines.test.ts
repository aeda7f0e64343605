import { describe, expect, it } from "vitest";
import { breakTitle, titleBreak } from "./title-lines.js";

const lines = (text: string, ems: number) => {
  const at = titleBreak(text, ems);
  return at === undefined ? [text] : [text.slice(0, at).trim(), text.slice(at).trim()];
};

describe("titleBreak", () => {
  it("leaves a title that fits, or one that has its lines, as it is", () => {
    expect(titleBreak("付款申请书", 19.5)).toBeUndefined();
    expect(titleBreak("平谷区 12345 市民热线工作专业技术服务项目\n合同书", 19.5)).toBeUndefined();
  });

  it("breaks before the document's own name rather than inside a word", () => {
    expect(lines("甲乙丙丁戊己庚辛壬癸服务项目 合同书", 15)).toEqual(["甲乙丙丁戊己庚辛壬癸服务项目", "合同书"]);
    // too long to end its first line with the project name: at the space, not inside 服务项目
    expect(lines("平谷区 12345 市民热线工作专业技术服务项目 合同书", 19.5)).toEqual(["平谷区 12345", "市民热线工作专业技术服务项目 合同书"]);
    expect(lines("月坛街道接诉即办指挥调度平台工作项目续签合同协议", 19.5)).toEqual(["月坛街道接诉即办指挥调度平台工作项目", "续签合同协议"]);
  });

  it("otherwise at a space or a quotation mark, the most even split, never between a year and 年", () => {
    expect(lines("海淀区“接诉即办”精细化数据支撑服务项目数据分析与治理技术服务", 19.5)).toEqual(["海淀区“接诉即办”精细化数据支撑服务项目", "数据分析与治理技术服务"]);
    for (const [a, b] of [lines("苏家坨镇 2027 年接诉即办服务项目专项技术服务工作安排说明", 19.5)]) {
      expect(a).not.toMatch(/\d$/);
      expect(b).not.toMatch(/^年/);
    }
  });

  it("puts the break into the runs, dropping the space at it", () => {
    expect(breakTitle([{ text: "甲乙丙丁戊己庚辛壬癸服务项目 " }, { text: "合同书", bold: true }], 15)).toEqual([
      { text: "甲乙丙丁戊己庚辛壬癸服务项目\n" },
      { text: "合同书", bold: true },
    ]);
  });
});
