import { describe, expect, it } from "vitest";
import { withoutNumber } from "./paragraphs.js";

describe("withoutNumber: the clause number printed before a sentence, taken off", () => {
  it("takes off the numbers these contracts print", () => {
    expect(withoutNumber("第五条 付款方式")).toBe("付款方式");
    expect(withoutNumber("二、服务内容")).toBe("服务内容");
    expect(withoutNumber("（三）违约责任")).toBe("违约责任");
    expect(withoutNumber("3、乙方应按时提交月报")).toBe("乙方应按时提交月报");
    expect(withoutNumber("14.2 本协议一式两份")).toBe("本协议一式两份");
  });

  it("takes a decimal number off whole when no space follows it (as a PDF's text gives it)", () => {
    expect(withoutNumber("14.2本协议一式两份")).toBe("本协议一式两份");
    expect(withoutNumber("4.2.2甲方应当")).toBe("甲方应当");
  });

  it("leaves a sentence that starts with a figure", () => {
    expect(withoutNumber("2026年3月19日签订")).toBe("2026年3月19日签订");
  });
});
