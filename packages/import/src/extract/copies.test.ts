import { describe, expect, it } from "vitest";
import { modelOf, reasonsAt, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { otherExpected, runOnOther, treeOf } from "../testing/found-tree.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractCopies } from "./copies.js";

const counts = (v: unknown) => {
  const { total, client, vendor, text } = (v ?? {}) as Record<string, unknown>;
  return { total, client, vendor, text };
};

describe("copies on the five signed contracts", () => {
  it.each(SEEDS)("%s: the counts and the sentence of the model", (id) => {
    expect(counts(treeOf(runOnSeed(extractCopies, id), "copies"))).toEqual(counts(modelOf(id).copies));
  });
});

describe("copies in other wordings", () => {
  it.each(["qinglin-wuye-2025.md", "dongling-baojie-2025.txt"])("%s: as written by hand", (file) => {
    const expected = otherExpected(file.replace(/\.(md|txt)$/, ".expected.yaml")).copies;
    expect(counts(treeOf(runOnOther(extractCopies, file), "copies"))).toEqual(counts(expected));
  });

  it.each([
    ["本合同一式两份，甲乙双方各执一份。", 2, 1, 1],
    ["本合同一式八份，甲方执伍份，乙方执叁份。", 8, 5, 3],
    ["本协议一式4份，甲方持2份，乙方持2份。", 4, 2, 2],
    ["本合同一式拾份，采购人留存陆份，供应商肆份。", 10, 6, 4],
    ["本协议一式肆（4）份，双方各执贰（2）份。", 4, 2, 2],
  ])("%s", (line, total, client, vendor) => {
    expect(counts(treeOf(runOnText(extractCopies, line), "copies"))).toEqual({ total, client, vendor, text: line });
  });

  it("asks when the shares do not add up to the copies", () => {
    const x = runOnText(extractCopies, "本合同一式伍份，甲方执贰份，乙方执贰份，报财政部门备案壹份。");
    expect(reasonsAt(x, "copies", "total")).toEqual(["一式5份，但甲方2份、乙方2份，合计不符"]);
  });
});
