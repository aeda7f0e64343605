import { describe, expect, it } from "vitest";
import { command } from "../commands/amount.js";
import { memoryIo } from "../io.js";
import { convertAmount } from "./amount.js";

describe("qiyue amount", () => {
  it("writes the canonical capitals for a figure", async () => {
    const io = memoryIo();
    expect(await command.run(["1680.32"], io)).toBe(0);
    expect(io.out).toBe("壹仟陆佰捌拾元零叁角贰分\n");
  });

  it("reads both spellings the People's Bank allows back to the figure", async () => {
    for (const spelling of ["壹仟陆佰捌拾元叁角贰分", "壹仟陆佰捌拾元零叁角贰分", "人民币壹仟陆佰捌拾元叁角贰分"]) {
      const io = memoryIo();
      expect(await command.run([spelling], io)).toBe(0);
      expect(io.out).toBe("1680.32\n");
    }
  });

  it("refuses a forbidden form, says why, and exits non-zero", async () => {
    const io = memoryIo();
    expect(await command.run(["壹佰玖拾柒万玖仟一百元整"], io)).toBe(1);
    expect(io.err).toContain("“一”");
    expect(io.out).toBe("");
  });

  it("speaks JSON for machines", () => {
    expect(convertAmount("3252191")).toEqual({
      ok: true,
      direction: "to-capitals",
      fen: 325219100,
      figure: "3252191.00",
      capitals: "叁佰贰拾伍万贰仟壹佰玖拾壹元整",
    });
  });
});
