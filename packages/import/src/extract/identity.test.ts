import { describe, expect, it } from "vitest";
import { foundAt, modelOf, reasonsAt, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { otherExpected, runOnOther } from "../testing/found-tree.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractIdentity } from "./identity.js";

const FIELDS = ["title", "projectName", "kind", "number"] as const;

describe("identity on the five signed contracts", () => {
  it.each(SEEDS)("%s: title, project name, kind and number as the model has them", (id) => {
    const model = modelOf(id);
    const x = runOnSeed(extractIdentity, id);
    for (const key of FIELDS) {
      const found = foundAt(x, key)?.value;
      // yuetan-2026: the model names the kind (政府购买服务项目协议) from the preamble, not from a title
      if (id === "yuetan-2026" && key === "kind") expect(found).toBeUndefined();
      else expect(found, key).toBe(model[key]);
    }
  });

  it("asks about a contract number printed blank", () => {
    expect(reasonsAt(runOnSeed(extractIdentity, "haidian-2024"), "number")).toEqual(["“合同登记编号”一栏为空白"]);
    expect(reasonsAt(runOnSeed(extractIdentity, "bda-2024"), "number")).toEqual(["“合同编号”一栏为空白"]);
  });

  it("joins a title printed over two lines (bda-2024: 接诉即办服务项目 / 合同)", () => {
    expect(foundAt(runOnSeed(extractIdentity, "bda-2024"), "title")?.source.line).toBe(5);
  });
});

describe("identity in other wordings", () => {
  it.each(["qinglin-wuye-2025.md", "dongling-baojie-2025.txt"])("%s: as written by hand", (file) => {
    const expected = otherExpected(file.replace(/\.(md|txt)$/, ".expected.yaml"));
    const x = runOnOther(extractIdentity, file);
    for (const key of FIELDS) expect(foundAt(x, key)?.value, key).toBe(expected[key]);
  });

  it("reads 项目编号 as the number when no 合同编号 is printed, less surely", () => {
    const x = runOnText(extractIdentity, "保安服务合同\n项目编号：XC-2025-01\n项目名称：某区安保服务项目\n");
    expect(foundAt(x, "number")).toMatchObject({ value: "XC-2025-01", confidence: "medium" });
    expect(foundAt(x, "kind")?.value).toBe("保安服务合同");
    expect(foundAt(x, "projectName")?.value).toBe("某区安保服务项目");
  });

  it("asks for a title and a project name it cannot find", () => {
    const x = runOnText(extractIdentity, "甲方：某中心\n乙方：某公司\n");
    expect(reasonsAt(x, "title")).toEqual(["未在封面找到合同标题"]);
    expect(reasonsAt(x, "projectName")).toEqual(["未找到“项目名称”"]);
  });
});
