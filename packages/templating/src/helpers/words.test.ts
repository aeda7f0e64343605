import { describe, expect, it } from "vitest";
import { eq, join, sideName } from "./words.js";

describe("word helpers", () => {
  it("sideName names the sides", () => {
    expect(sideName("client")).toBe("甲方");
    expect(sideName("vendor")).toBe("乙方");
    expect(sideName("either")).toBe("任一方");
    expect(() => sideName("buyer")).toThrow(/client/);
  });

  it("eq is strict", () => {
    expect(eq("a", "a")).toBe(true);
    expect(eq(1, "1")).toBe(false);
  });

  it("join uses 、 unless told otherwise", () => {
    expect(join(["日报", "周报", 3])).toBe("日报、周报、3");
    expect(join(["a", "b"], " / ")).toBe("a / b");
    expect(() => join("ab")).toThrow(/列表/);
    expect(() => join([{}])).toThrow(/文字或数字/);
  });
});
