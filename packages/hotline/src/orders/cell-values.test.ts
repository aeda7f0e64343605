import { describe, expect, it } from "vitest";
import { parseAppealState, parseBooleanCell, parseCount, parseRequestType, parseSatisfaction } from "./cell-values.js";

describe("cell vocabulary", () => {
  it("reads generic and column-specific yes/no words", () => {
    expect(parseBooleanCell("contacted", "是")).toBe(true);
    expect(parseBooleanCell("contacted", "否")).toBe(false);
    expect(parseBooleanCell("contacted", "已联系")).toBe(true);
    expect(parseBooleanCell("contacted", "未联系")).toBe(false);
    expect(parseBooleanCell("resolved", "部分解决")).toBe(false);
    expect(parseBooleanCell("proactive", "未诉先办")).toBe(true);
    expect(parseBooleanCell("validFollowUp", "也许")).toBeUndefined();
  });

  it("reads 纳入 / 不纳入 words with the column's polarity", () => {
    expect(parseBooleanCell("counted", "不纳入考核")).toBe(false);
    expect(parseBooleanCell("excluded", "不纳入考核")).toBe(true);
    expect(parseBooleanCell("excluded", "是")).toBe(true);
    expect(parseBooleanCell("counted", "是")).toBe(true);
  });

  it("reads request types and their common aliases", () => {
    expect(parseRequestType("求决")).toBe("求助");
    expect(parseRequestType("意见建议")).toBe("建议");
    expect(parseRequestType("投诉类")).toBe("投诉");
    expect(parseRequestType("催办")).toBeUndefined();
  });

  it("reads satisfaction answers", () => {
    expect(parseSatisfaction("非常满意")).toBe("满意");
    expect(parseSatisfaction("比较满意")).toBe("基本满意");
    expect(parseSatisfaction("很不满意")).toBe("不满意");
    expect(parseSatisfaction("未评价")).toBeNull();
    expect(parseSatisfaction("还行")).toBeUndefined();
  });

  it("reads counts and appeal states", () => {
    expect(parseCount("2")).toBe(2);
    expect(parseCount("2.0")).toBe(2);
    expect(parseCount("-1")).toBeUndefined();
    expect(parseCount("两次")).toBeUndefined();
    expect(parseAppealState("未申诉")).toBeNull();
    expect(parseAppealState("申诉通过")).toBe("申诉通过");
  });
});
