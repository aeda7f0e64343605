import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown/parse.js";
import { fitFillInDate, signatureLayout } from "./seal.js";
import type { SignaturesBlock } from "./types.js";

const block = (md: string) => parseMarkdown(md).blocks.find((b) => b.type === "signatures") as SignaturesBlock;
const party = (...rows: string[]) => `:::party\n${rows.map((r) => `- ${r}`).join("\n")}\n:::\n`;
const signatures = (...parties: string[]) => `::::signatures\n${parties.join("")}::::\n`;

describe("signatureLayout", () => {
  it("lines the parties up row by row when they have as many rows and it costs no height", () => {
    // a unit's name on two lines beside an empty one: lined up, the other party's seal comes down a line, at no cost
    const md = signatures(party("甲方（盖章）：北京市平谷区城市管理指挥中心", "法定代表人/授权代表（签字）：", "日期：2026年3月19日"), party("乙方（盖章）：", "法定代表人/授权代表（签字）：", "日期：2026年3月19日"));
    expect(signatureLayout(block(md), 209, 12)).toBe("grid");
  });

  it("leaves each party's rows as they come when lining them up would make the block taller", () => {
    // the second party's long label is on two lines where the first's is on one, and the first's long name where the second's is short
    const md = signatures(party("甲方（盖章）：北京市平谷区城市管理指挥中心北京市平谷区", "经办人：", "日期："), party("乙方（盖章）：某公司", "授权代表人或负责人（签字）：", "日期："));
    expect(signatureLayout(block(md), 209, 12)).toBe("free");
  });

  it("leaves them as they come when the parties have different rows, and a party alone", () => {
    expect(signatureLayout(block(signatures(party("甲方（盖章）：某中心", "经办人：", "日期："), party("乙方（盖章）：某公司", "日期："))), 209, 12)).toBe("free");
    expect(signatureLayout(block(signatures(party("甲方（盖章）：某中心", "日期："))), 440, 12)).toBe("free");
  });
});

describe("fitFillInDate", () => {
  const date = [{ text: "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日" }];
  it("gives up room before 年 when the date to fill in is wider than its line, never the date itself", () => {
    // 11 ems at 12 pt is 132 pt; a 104 pt line holds 8 ems: one em of room and 年　　月　　日
    expect(fitFillInDate(date, 104, 12)[0]!.text).toBe("\u3000年\u3000\u3000月\u3000\u3000日");
    expect(fitFillInDate(date, 80, 12)[0]!.text).toBe("年\u3000\u3000月\u3000\u3000日");
  });

  it("leaves a date that fits, and any other value, as it is", () => {
    expect(fitFillInDate(date, 140, 12)).toBe(date);
    const name = [{ text: "\u3000\u3000北京市平谷区城市管理指挥中心" }];
    expect(fitFillInDate(name, 40, 12)).toBe(name);
  });
});
