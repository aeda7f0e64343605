import { Confidentiality } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { foundAt, modelOf, runOnSeed, runOnText, stubClause } from "../testing/extract-check.test-support.js";
import { leafDiff, otherExpected, runOnOther, treeOf } from "../testing/found-tree.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractConfidentiality } from "./confidentiality.js";

/** Read as the model reads it (defaults filled in); the modeller's summary of the scope and the outline's numbers left out. */
function read(value: unknown): Record<string, unknown> {
  const { scope: _s, clause: _c, penaltyClause: _p, ...rest } = Confidentiality.parse(value);
  return rest;
}

describe("confidentiality on the five signed contracts", () => {
  it.each(SEEDS)("%s: who is bound, for how long, and what must be done, as the model says", (id) => {
    const x = runOnSeed(extractConfidentiality, id);
    const model = modelOf(id).confidentiality;
    const diff = leafDiff(read(model), read(treeOf(x, "confidentiality")), ["text"]);
    expect(diff).toEqual({ wrong: [], missing: [], extra: [] });
    // the clause's paragraphs, as printed (the models part them by one line break or two)
    const squeeze = (s: unknown) => String(s).replace(/\s+/g, "");
    expect(squeeze(foundAt(x, "confidentiality", "text")?.value)).toBe(squeeze(model?.text));
  });

  it("takes the clause at the heading and the leak penalty's clause from the outline", () => {
    const x = runOnSeed(extractConfidentiality, "sujiatuo-2026");
    expect(foundAt(x, "confidentiality", "clause")?.value).toBe(stubClause(207));
    expect(foundAt(x, "confidentiality", "penaltyClause")?.value).toBe(stubClause(231));
    // pinggu-2026: the penalty is in the 保密协议 attachment
    expect(foundAt(runOnSeed(extractConfidentiality, "pinggu-2026"), "confidentiality", "penaltyClause")?.value).toBe(stubClause(266));
  });
});

describe("confidentiality in other wordings", () => {
  it.each(["qinglin-wuye-2025.md", "dongling-baojie-2025.txt"])("%s: as written by hand", (file) => {
    const expected = otherExpected(file.replace(/\.(md|txt)$/, ".expected.yaml")).confidentiality;
    const found = treeOf(runOnOther(extractConfidentiality, file), "confidentiality");
    expect(leafDiff(read(expected), read(found), ["text"])).toEqual({ wrong: [], missing: [], extra: [] });
  });

  it("reads a duty that lasts some years after the end, and the marks on copies", () => {
    const text = [
      "第九条 保密条款",
      "9.1 乙方对甲方提供的资料负有保密义务，保密期限为五年。",
      "9.2 乙方复制资料的，应在复制件上标注“内部资料”字样。",
      "第十条 其他",
    ].join("\n");
    const x = runOnText(extractConfidentiality, text);
    expect(foundAt(x, "confidentiality", "duration")?.value).toEqual({ kind: "years-after-end", years: 5 });
    expect(foundAt(x, "confidentiality", "marking")?.value).toEqual(["内部资料"]);
    expect(foundAt(x, "confidentiality", "bound")?.value).toBe("vendor");
    expect(foundAt(x, "confidentiality", "text")?.value).toBe(
      "9.1 乙方对甲方提供的资料负有保密义务，保密期限为五年。\n\n9.2 乙方复制资料的，应在复制件上标注“内部资料”字样。",
    );
  });

  it("finds nothing in a contract without a confidentiality clause", () => {
    expect(runOnText(extractConfidentiality, "第一条 服务内容\n乙方提供保洁服务。\n").found).toEqual([]);
  });
});
