import { describe, expect, it } from "vitest";
import { oneDecimal, twoDecimals } from "./format.js";

describe("decimals without floats", () => {
  it("rounds half up to two decimals", () => {
    expect(twoDecimals(1, 3)).toBe("0.33");
    expect(twoDecimals(2, 3)).toBe("0.67");
    expect(twoDecimals(1, 8)).toBe("0.13"); // 0.125 → 0.13
    expect(twoDecimals(370, 100)).toBe("3.70");
    expect(twoDecimals(5, 0)).toBe("—");
  });

  it("rounds half up to one decimal", () => {
    expect(oneDecimal(1, 4)).toBe("0.3"); // 0.25 → 0.3
    expect(oneDecimal(8, 31)).toBe("0.3");
  });
});
