import { describe, expect, it } from "vitest";
import { ExitError } from "../exit.js";
import { parseFontOptions, renderRequest } from "./render.js";

const at = (path: string) => `/work/${path}`;

describe("--font 角色=字体文件", () => {
  it("reads roles in Chinese or English, with bold files", () => {
    expect(parseFontOptions(["仿宋=FZFSK.TTF", "song=xbs.ttf", "宋体-bold=xbs-bold.ttf", "备用=rare.ttf"], at)).toEqual({
      fangsong: "/work/FZFSK.TTF",
      song: { regular: "/work/xbs.ttf", bold: "/work/xbs-bold.ttf" },
      fallback: "/work/rare.ttf",
    });
  });

  it("is a usage error for an unknown role, a missing file, a role given twice or a bold file alone", () => {
    for (const bad of [["隶书=a.ttf"], ["仿宋"], ["仿宋="], ["仿宋=a.ttf", "fangsong=b.ttf"], ["楷体-bold=k.ttf"]]) {
      expect(() => parseFontOptions(bad, at), bad.join(" ")).toThrow(ExitError);
    }
    expect(() => parseFontOptions(["隶书=a.ttf"], at)).toThrow(/角色为 宋体、仿宋、楷体、黑体 或 备用/);
  });

  it("goes into the render request", () => {
    const request = renderRequest(["contract", "--contract", "c.yaml", "--font", "仿宋=f.ttf"], { cwd: "/work", env: {} });
    expect(request.fonts).toEqual({ fangsong: "/work/f.ttf" });
  });
});
