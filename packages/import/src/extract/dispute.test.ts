import { describe, expect, it } from "vitest";
import { foundAt, modelOf, runOnSeed, runOnText, stubClause } from "../testing/extract-check.test-support.js";
import { otherExpected, runOnOther, treeOf } from "../testing/found-tree.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractDispute } from "./dispute.js";

describe("dispute on the five signed contracts", () => {
  it.each(SEEDS)("%s: the court and the text of the model, the clause from the outline", (id) => {
    const model = modelOf(id).dispute;
    const x = runOnSeed(extractDispute, id);
    expect(foundAt(x, "dispute", "court")?.value).toBe(model?.court);
    expect(foundAt(x, "dispute", "text")?.value).toBe(model?.text);
    const at = foundAt(x, "dispute", "text")?.source.line;
    expect(foundAt(x, "dispute", "clause")?.value).toBe(stubClause(at ?? 0));
  });
});

describe("dispute in other wordings", () => {
  it.each(["qinglin-wuye-2025.md", "dongling-baojie-2025.txt"])("%s: as written by hand", (file) => {
    const expected = otherExpected(file.replace(/\.(md|txt)$/, ".expected.yaml")).dispute;
    const { clause: _clause, ...found } = treeOf(runOnOther(extractDispute, file), "dispute") as Record<string, unknown>;
    expect(found).toEqual(expected);
  });

  it("names no court when the contract leaves it to a place or to jurisdiction", () => {
    for (const line of ["争议由双方协商；协商不成的，提交乙方住所地人民法院诉讼解决。", "因本合同引起的纠纷，向有管辖权的人民法院起诉。"]) {
      const x = runOnText(extractDispute, line);
      expect(foundAt(x, "dispute", "text")?.value).toBe(line);
      expect(foundAt(x, "dispute", "court")).toBeUndefined();
    }
  });

  it("reads a court of a higher level", () => {
    const x = runOnText(extractDispute, "8.1 因本合同产生的争议，任何一方均可向北京市第二中级人民法院提起诉讼。");
    expect(foundAt(x, "dispute", "court")?.value).toBe("北京市第二中级人民法院");
    expect(foundAt(x, "dispute", "text")?.value).toBe("因本合同产生的争议，任何一方均可向北京市第二中级人民法院提起诉讼。");
  });
});
