import { describe, expect, it } from "vitest";
import { warmUpFaces } from "./warm-up.js";

describe("warmUpFaces", () => {
  it("gives the faces a theme's text is set in, regular and bold of each family; every shipped face without a theme", () => {
    // plain: 宋体 body and titles, 黑体 headings
    expect(warmUpFaces({ theme: "plain" }).sort()).toEqual(["sans", "sansBold", "serif", "serifBold"]);
    // formal: 仿宋 body (Noto Serif SC Light), 楷体 and 黑体 headings, 宋体 titles
    expect(warmUpFaces({ theme: "formal" }).sort()).toEqual(["kai", "sans", "sansBold", "serif", "serifBold", "serifLight"]);
    expect(warmUpFaces().sort()).toEqual(["kai", "sans", "sansBold", "serif", "serifBold", "serifLight"]);
  });

  it("names an unknown theme as rendering would", () => {
    expect(() => warmUpFaces({ theme: "fancy" })).toThrow("未知的版式“fancy”");
  });
});
