import { describe, expect, it } from "vitest";
import { foundAt, modelOf, reasonsAt, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { leafDiff, otherExpected, runOnOther, treeOf } from "../testing/found-tree.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractSigning } from "./signing.js";

describe("signing on the five signed contracts", () => {
  it.each(SEEDS)("%s: the date, place, effective clause and signature page of the model", (id) => {
    const x = runOnSeed(extractSigning, id);
    const diff = leafDiff(modelOf(id).signing, treeOf(x, "signing"), ["dateText"]);
    expect(diff.wrong).toEqual([]);
    expect(diff.missing).toEqual([]);
  });

  it("writes the date's text only when no caption stands before it", () => {
    // pinggu-2026 prints the cover date as a bracketed line of its own
    expect(foundAt(runOnSeed(extractSigning, "pinggu-2026"), "signing", "dateText")?.value).toBe(modelOf("pinggu-2026").signing.dateText);
    // after a caption the models differ: haidian-2024 leaves its caption out, bda-2024 keeps it
    expect(modelOf("haidian-2024").signing.dateText).not.toMatch(/日期/);
    expect(modelOf("bda-2024").signing.dateText).toMatch(/^签署日期/);
    for (const id of ["haidian-2024", "bda-2024", "sujiatuo-2026", "yuetan-2026"] as const) {
      expect(foundAt(runOnSeed(extractSigning, id), "signing", "dateText"), id).toBeUndefined();
    }
  });

  it("takes the cover's date over the signature page's (sujiatuo-2026 prints 2020 there)", () => {
    const x = runOnSeed(extractSigning, "sujiatuo-2026");
    const model = modelOf("sujiatuo-2026").signing;
    expect(model.signaturePage?.client?.date).not.toBe(model.date);
    expect(foundAt(x, "signing", "date")).toMatchObject({ value: model.date, source: { line: 13 } });
  });
});

describe("signing in other wordings", () => {
  it.each(["qinglin-wuye-2025", "dongling-baojie-2025"])("%s: as written by hand", (name) => {
    const file = name.startsWith("qinglin") ? `${name}.md` : `${name}.txt`;
    const x = runOnOther(extractSigning, file);
    const diff = leafDiff(otherExpected(`${name}.expected.yaml`).signing, treeOf(x, "signing"));
    expect(diff).toEqual({ wrong: [], missing: [], extra: [] });
  });

  it("security-service.txt: no cover date, so the signature page's; no lead line above the blocks", () => {
    const x = runOnOther(extractSigning, "security-service.txt");
    expect(foundAt(x, "signing", "date")).toMatchObject({ value: "2026-06-20", source: { line: 71 } });
    expect(foundAt(x, "signing", "effective")?.value).toBe("自双方签字盖章之日起生效");
    expect(foundAt(x, "signing", "signaturePage", "lead")).toBeUndefined();
    expect(foundAt(x, "signing", "signaturePage", "vendor")?.value).toEqual({
      name: "安泰卫士保安服务有限公司",
      signerRole: "代表人签字",
      date: "2026-06-20",
      dateText: "2026年6月20日",
      lines: [{ label: "乙方（盖章）", value: "安泰卫士保安服务有限公司" }, { label: "代表人签字" }, { label: "日期", value: "2026年6月20日" }],
    });
  });

  it("reads the two sides printed side by side on each line", () => {
    const text = [
      "（以下无正文）",
      "甲方（盖章）：北京市某区某中心        乙方（盖章）：北京某服务有限公司",
      "法定代表人：张三                      法定代表人：",
      "日期：2025年5月6日                    日期：2025年5月6日",
    ].join("\n");
    const x = runOnText(extractSigning, text);
    expect(foundAt(x, "signing", "signaturePage", "client")?.value).toEqual({
      name: "北京市某区某中心",
      legalRepresentative: "张三",
      date: "2025-05-06",
      dateText: "2025年5月6日",
      lines: [{ label: "甲方（盖章）", value: "北京市某区某中心" }, { label: "法定代表人", value: "张三" }, { label: "日期", value: "2025年5月6日" }],
    });
    expect(foundAt(x, "signing", "signaturePage", "vendor")?.value).toMatchObject({ name: "北京某服务有限公司", date: "2025-05-06" });
    expect(foundAt(x, "signing", "date")?.value).toBe("2025-05-06");
  });

  it("asks about a signature page whose lines cannot be told apart between the sides", () => {
    const text = ["（以下无正文）", "甲方（盖章）：某中心", "乙方（盖章）：某公司", "法定代表人：", "法定代表人：", "日期：2025年1月2日"].join("\n");
    const x = runOnText(extractSigning, text);
    expect(foundAt(x, "signing", "signaturePage", "client")).toBeUndefined();
    expect(reasonsAt(x, "signing", "signaturePage")).toEqual(["签署栏的排版无法判断哪一栏属于甲方、哪一栏属于乙方"]);
  });

  it("asks for the signing date when the blanks for it are not filled in", () => {
    const x = runOnText(extractSigning, "某服务合同\n签订日期：    年   月   日\n");
    expect(reasonsAt(x, "signing", "date")).toEqual(["未找到签订日期（封面和签署页均未印日期）"]);
  });

  it("reads a cover date written in Chinese numerals or with dots", () => {
    expect(foundAt(runOnText(extractSigning, "某服务合同\n签订日期：二〇二五年十二月三十一日\n"), "signing", "date")?.value).toBe("2025-12-31");
    expect(foundAt(runOnText(extractSigning, "某服务合同\n（2025.3.1）\n"), "signing", "date")?.value).toBe("2025-03-01");
  });

  it("asks when the cover prints no date and the two sides sign on different days", () => {
    const text = ["（以下无正文）", "甲方（盖章）：某中心", "日期：2025年3月1日", "乙方（盖章）：某公司", "日期：2025年3月2日"].join("\n");
    const x = runOnText(extractSigning, text);
    expect(foundAt(x, "signing", "date")).toBeUndefined();
    expect(reasonsAt(x, "signing", "date")).toEqual(["封面未印签订日期，签署页上双方日期不同：2025年3月1日、2025年3月2日"]);
  });

  it("keeps of the effective clause only the words about taking effect", () => {
    const text = "十、本合同一式两份，双方各执一份，经双方签字盖章后生效，具有同等法律效力。\n";
    expect(foundAt(runOnText(extractSigning, text), "signing", "effective")?.value).toBe("经双方签字盖章后生效");
    const whole = "12.1 本合同自双方签字盖章之日起生效。\n";
    expect(foundAt(runOnText(extractSigning, whole), "signing", "effective")?.value).toBe("本合同自双方签字盖章之日起生效。");
    expect(foundAt(runOnText(extractSigning, "本合同生效后，甲方支付首付款。\n"), "signing", "effective")).toBeUndefined();
    const condition = "8.2 本合同自乙方提交履约保证金之日起生效。\n";
    expect(foundAt(runOnText(extractSigning, condition), "signing", "effective")?.value).toBe("本合同自乙方提交履约保证金之日起生效。");
  });
});
