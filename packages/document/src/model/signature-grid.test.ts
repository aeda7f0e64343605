import { describe, expect, it } from "vitest";
import { labelWidthPt } from "./seal.js";
import { signatureGrid } from "./signature-grid.js";
import type { KeyValue, Party } from "./types.js";

const row = (label: string, value = ""): KeyValue => ({ label: label === "" ? [] : [{ text: label }], value: value === "" ? [] : [{ text: value }] });
const text = (r: KeyValue | undefined) => (r === undefined ? "—" : `${r.label.map((x) => x.text).join("")}：${r.value.map((x) => x.text).join("")}`);

describe("signature blocks side by side, row by row", () => {
  it("Pinggu's 保密协议: the rows above and under the seals pair up, whatever each side prints", () => {
    const client: Party = { rows: [row("甲方（盖章）", "北京市平谷区城市管理指挥中心"), row("法定代表人/授权代表（签字）"), row("日期", "2026年3月19日")] };
    const vendor: Party = { rows: [row("乙方（盖章）"), row("法定代表人/授权代表（签字）"), row("日期", "2026年3月19日")] };
    const grid = signatureGrid([client, vendor], 200, 12);
    expect(grid.above.map((r) => r.map(text))).toEqual([["甲方（盖章）：北京市平谷区城市管理指挥中心", "乙方（盖章）："]]);
    expect(grid.below.map((r) => r.map(text))).toEqual([
      ["法定代表人/授权代表（签字）：", "法定代表人/授权代表（签字）："],
      ["日期：2026年3月19日", "日期：2026年3月19日"],
    ]);
  });

  it("a side with fewer rows gets blanks: above its seal, and at its end", () => {
    const client: Party = { rows: [row("甲方", "某单位"), row("", "（盖章）"), row("日期")] };
    const vendor: Party = { rows: [row("乙方（盖章）", "某公司"), row("电话", "010-12345678"), row("账号", "0200003319210012727"), row("日期")] };
    const grid = signatureGrid([client, vendor], 200, 12);
    expect(grid.above.map((r) => r.map(text))).toEqual([
      ["甲方：某单位", "乙方（盖章）：某公司"],
      ["：（盖章）", "—"],
    ]);
    expect(grid.below.map((r) => r.map(text))).toEqual([
      ["日期：", "电话：010-12345678"],
      ["—", "账号：0200003319210012727"],
      ["—", "日期："],
    ]);
  });

  it("one label width for every side: the widest any side needs, so the values start at one place", () => {
    const client: Party = { rows: [row("甲方（盖章）", "某单位"), row("日期")] };
    const vendor: Party = { rows: [row("乙方（盖章）"), row("法定代表人或授权代表签字")] };
    const grid = signatureGrid([client, vendor], 200, 12);
    expect(grid.labelWidthPt).toBe(labelWidthPt([...client.rows, ...vendor.rows], 200, 12));
    expect(grid.labelWidthPt).toBeGreaterThan(labelWidthPt(client.rows, 200, 12));
  });
});
