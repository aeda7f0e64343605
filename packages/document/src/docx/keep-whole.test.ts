import { describe, expect, it } from "vitest";
import { joinLastTwo, joinUnbreakable, WORD_JOINER } from "../model/line-breaking.js";
import { keepWholeInLibreOffice } from "./keep-whole.js";

const run = (text: string, rPr = "") => `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;

describe("keepWholeInLibreOffice", () => {
  it("sets each joined span in a run of its own, of no language, with the run's other properties", () => {
    const bold = "<w:rPr><w:b/></w:rPr>";
    const xml = `<w:p>${run(joinUnbreakable("乙方于2026年3月19日前提交 &amp; 确认"), bold)}</w:p>`;
    expect(keepWholeInLibreOffice(xml)).toBe(
      `<w:p>${run("乙方于", bold)}${run(joinUnbreakable("2026年3月19日"), '<w:rPr><w:b/><w:lang w:eastAsia="zxx"/></w:rPr>')}${run("前提交 &amp; 确认", bold)}</w:p>`,
    );
    expect(keepWholeInLibreOffice(run(joinUnbreakable("按第8.2条")))).toBe(`${run("按")}${run(joinUnbreakable("第8.2条"), '<w:rPr><w:lang w:eastAsia="zxx"/></w:rPr>')}`);
  });

  it("sets a cell's last two ideographs, joined, in a run of their own of no language", () => {
    const zxx = '<w:rPr><w:lang w:eastAsia="zxx"/></w:rPr>';
    expect(keepWholeInLibreOffice(run(joinLastTwo("综合成绩")))).toBe(`${run("综合")}${run(`成${WORD_JOINER}绩`, zxx)}`);
    expect(keepWholeInLibreOffice(run(joinLastTwo("成绩")))).toBe(run(`成${WORD_JOINER}绩`, zxx));
    // with a span kept whole before them
    expect(keepWholeInLibreOffice(run(joinLastTwo(joinUnbreakable("2026年3月19日前提交"))))).toBe(
      `${run(joinUnbreakable("2026年3月19日"), zxx)}${run("前")}${run(`提${WORD_JOINER}交`, zxx)}`,
    );
  });

  it("leaves a clause or an amount at the end of a cell in its own piece", () => {
    const zxx = '<w:rPr><w:lang w:eastAsia="zxx"/></w:rPr>';
    expect(keepWholeInLibreOffice(run(joinLastTwo(joinUnbreakable("见第二条"))))).toBe(`${run("见")}${run(joinUnbreakable("第二条"), zxx)}`);
  });

  it("leaves a document without joined spans as it is", () => {
    const xml = `<w:p>${run("金额为1,979,100.00元")}</w:p>`;
    expect(keepWholeInLibreOffice(xml)).toBe(xml);
  });
});
