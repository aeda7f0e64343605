import { describe, expect, it } from "vitest";
import { modelOf, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { leafDiff, otherExpected, runOnOther, treeOf } from "../testing/found-tree.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractAttachments } from "./attachments.js";

/** What the import does not read: the attachments' texts (the body's), and bda-2024's "附件" for an unnumbered one. */
const NOT_READ = ["[0].text", "[1].text"];

describe("attachments on the five signed contracts", () => {
  it.each(SEEDS)("%s: numbers, titles, headings and signature blocks of the model", (id) => {
    const model = modelOf(id).attachments.map(({ text: _t, ...rest }) => rest);
    const found = (treeOf(runOnSeed(extractAttachments, id), "attachments") ?? []) as Record<string, unknown>[];
    expect(found.map((a) => a.title)).toEqual(model.map((a) => a.title));
    // the signing date's text: sujiatuo-2026's model writes it without its caption, pinggu-2026's and
    // bda-2024's with it; the import writes it only when printed without one (none of the five)
    const diff = leafDiff(model, found, [...NOT_READ, "[0].signed", "[1].signed"]);
    expect(diff.wrong).toEqual([]);
    expect(found.filter((a) => a.signed !== undefined)).toEqual([]);
    // bda-2024's 廉政协议书 carries no number; the model writes "附件"
    expect(diff.missing).toEqual(id === "bda-2024" ? ["[0].number"] : []);
  });
});

describe("attachments in other wordings", () => {
  it.each(["qinglin-wuye-2025.md", "dongling-baojie-2025.txt"])("%s: as written by hand", (file) => {
    const expected = otherExpected(file.replace(/\.(md|txt)$/, ".expected.yaml")).attachments;
    const found = treeOf(runOnOther(extractAttachments, file), "attachments");
    expect(leafDiff(expected, found, ["signed", "signaturePage"])).toEqual({ wrong: [], missing: [], extra: [] });
  });

  it("reads a list of attachments in running text", () => {
    const found = treeOf(runOnText(extractAttachments, "十二、本合同附件：附件1《服务标准》；附件2《报价单》，与本合同具有同等效力。"), "attachments");
    expect(found).toEqual([
      { number: "附件1", title: "服务标准" },
      { number: "附件2", title: "报价单" },
    ]);
  });
});
