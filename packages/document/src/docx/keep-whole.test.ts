import { describe, expect, it } from "vitest";
import { joinUnbreakable } from "../model/line-breaking.js";
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

  it("leaves a document without joined spans as it is", () => {
    const xml = `<w:p>${run("金额为1,979,100.00元")}</w:p>`;
    expect(keepWholeInLibreOffice(xml)).toBe(xml);
  });
});
