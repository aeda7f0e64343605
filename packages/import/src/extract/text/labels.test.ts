import { describe, expect, it } from "vitest";
import { cellsOf, normLabel, partyFieldOf, roleOf, splitPairs, stripNumbering } from "./labels.js";

describe("labels", () => {
  it("splits a line at every known caption", () => {
    expect(splitPairs("电 话： 010-60466097 传 真：")).toEqual([
      { label: "电 话", value: "010-60466097", index: 0 },
      { label: "传 真", value: "", index: 18 },
    ]);
    // as a PDF gives it, no space between a value's figures and the next caption
    expect(splitPairs("电话：010-60466097传真：_____").map((p) => [p.label, p.value])).toEqual([
      ["电话", "010-60466097"],
      ["传真", "_____"],
    ]);
    // a caption inside a Chinese word is not one
    expect(splitPairs("联系电话：123").map((p) => p.label)).toEqual(["联系电话"]);
    expect(splitPairs("请汇至, 账户名称: 某公司, 开户行: 某支行, 银行账号: 123。").map((p) => [p.label, p.value])).toEqual([
      ["账户名称", "某公司"],
      ["开户行", "某支行"],
      ["银行账号", "123"],
    ]);
  });

  it("names the party field of a caption, with the title printed for a 负责人", () => {
    expect(partyFieldOf("开户行")).toEqual({ path: ["bank", "bank"] });
    expect(partyFieldOf("帐号")).toEqual({ path: ["bank", "accountNumber"] });
    expect(partyFieldOf("住 所 地")).toEqual({ path: ["address"] });
    expect(partyFieldOf("法定代表人")).toEqual({ path: ["legalRepresentative"] });
    expect(partyFieldOf("法定代表人/负责人")).toEqual({ path: ["legalRepresentative"], title: "法定代表人/负责人" });
    expect(partyFieldOf("签订地点")).toBeUndefined();
  });

  it("tells the side from its role word", () => {
    expect(roleOf("甲 方")?.side).toBe("client");
    expect(roleOf("委托方（盖章）")?.side).toBe("client");
    expect(roleOf("供应商")?.side).toBe("vendor");
    expect(roleOf("联系人")).toBeUndefined();
    expect(normLabel("甲方（盖章）：")).toBe("甲方(盖章)");
  });

  it("takes a clause's printed number off", () => {
    expect(stripNumbering("14.6 本合同一式陆份")).toBe("本合同一式陆份");
    expect(stripNumbering("第八条 本协议一式四份")).toBe("本协议一式四份");
    expect(stripNumbering("（二）本合同一式叁份")).toBe("本合同一式叁份");
    expect(stripNumbering("2024年9月1日签订")).toBe("2024年9月1日签订");
    expect(stripNumbering("2024 年9月1日签订")).toBe("2024 年9月1日签订");
    expect(stripNumbering("12.4本协议一式陆份")).toBe("本协议一式陆份");
  });

  it("reads table cells from the reader, from tabs or from a pipe row", () => {
    expect(cellsOf({ no: 1, text: "a\tb" })).toEqual(["a", "b"]);
    expect(cellsOf({ no: 1, text: "| 名称 | 某公司 |" })).toEqual(["名称", "某公司"]);
    expect(cellsOf({ no: 1, text: "名称：某公司" })).toBeUndefined();
  });
});
