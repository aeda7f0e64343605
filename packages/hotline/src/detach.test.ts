import { describe, expect, it } from "vitest";
import { detach } from "./detach.js";

describe("detach", () => {
  it("returns an equal string", () => {
    const long = "北京市平谷区滨河街道建西社区".repeat(10);
    expect(detach(long.slice(3, 40))).toBe(long.slice(3, 40));
    expect(detach("短")).toBe("短");
    expect(detach("")).toBe("");
  });
});
