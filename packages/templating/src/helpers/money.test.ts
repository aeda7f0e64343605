import { describe, expect, it } from "vitest";
import { capitals, percent, yuan } from "./money.js";

describe("money helpers", () => {
  it("yuan prints fen with separators and two decimals", () => {
    expect(yuan(197910000)).toBe("1,979,100.00");
    expect(yuan(162609550)).toBe("1,626,095.50");
    expect(yuan(0)).toBe("0.00");
  });

  it("capitals writes the canonical 人民币大写", () => {
    expect(capitals(197910000)).toBe("壹佰玖拾柒万玖仟壹佰元整");
    expect(capitals(162609550)).toBe("壹佰陆拾贰万陆仟零玖拾伍元伍角");
  });

  it("percent prints ppm exactly", () => {
    expect(percent(500000)).toBe("50%");
    expect(percent(3000)).toBe("0.3%");
  });

  it("refuses what is not an amount, naming a missing field", () => {
    expect(() => yuan(undefined)).toThrow(/不存在的字段/);
    expect(() => yuan(1.5)).toThrow(/非负整数/);
    expect(() => capitals("100")).toThrow(/文字/);
    expect(() => percent(-1)).toThrow();
  });
});
