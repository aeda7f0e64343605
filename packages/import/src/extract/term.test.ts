import { Completion } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { compareLeaves, foundAt, modelOf, reasonsAt, runOnSeed, runOnText } from "../testing/extract-check.test-support.js";
import { SEEDS } from "../testing/seeds.test-support.js";
import { extractTerm } from "./term.js";

describe("extractTerm on the five signed contracts", () => {
  for (const id of SEEDS) {
    it(`${id}: start and end agree with the hand-made model`, () => {
      const model = modelOf(id);
      const x = runOnSeed(extractTerm, id);
      expect(foundAt(x, "term", "start")?.value).toBe(model.term.start);
      expect(foundAt(x, "term", "end")?.value).toBe(model.term.end);
      expect(reasonsAt(x, "term")).toEqual([]);
      const line = foundAt(x, "term", "start")!.source.line;
      expect(foundAt(x, "term", "clause")?.value).toBe(`L${line}`);
    });

    it(`${id}: a completion deadline, when found, is the model's`, () => {
      const model = modelOf(id);
      const found = foundAt(runOnSeed(extractTerm, id), "completion");
      if (model.completion === undefined) expect(found).toBeUndefined();
      else {
        const c = compareLeaves(model.completion, Completion.parse(found?.value));
        expect({ wrong: c.wrong, extra: c.extra, missing: c.missing }).toEqual({ wrong: [], extra: [], missing: [] });
      }
    });
  }
});

describe("extractTerm on other wordings", () => {
  it("reads 自…起至…止 and a dash between dates", () => {
    const a = runOnText(extractTerm, "服务期限：自2026年1月1日起至2026年12月31日止。");
    expect([foundAt(a, "term", "start")?.value, foundAt(a, "term", "end")?.value]).toEqual(["2026-01-01", "2026-12-31"]);
    const b = runOnText(extractTerm, "合同期限为2025年7月1日—2026年6月30日。");
    expect([foundAt(b, "term", "start")?.value, foundAt(b, "term", "end")?.value]).toEqual(["2025-07-01", "2026-06-30"]);
  });

  it("does not compute a term that runs from an unprinted day", () => {
    const x = runOnText(extractTerm, "服务期限：自合同签订之日起12个月。");
    expect(foundAt(x, "term", "start")).toBeUndefined();
    expect(reasonsAt(x, "term", "start")[0]).toContain("自合同签订之日起12个月");
  });

  it("flags a length that does not match the dates", () => {
    const x = runOnText(extractTerm, "服务期：1年，自2024年10月8日至2025年10月8日止。");
    expect(foundAt(x, "term", "end")).toBeUndefined();
    expect(reasonsAt(x, "term", "end")[0]).toContain("12 个月");
    const ok = runOnText(extractTerm, "服务期：1年，自2024年10月8日至2025年10月7日止。");
    expect(foundAt(ok, "term", "end")?.value).toBe("2025-10-07");
  });

  it("flags two different terms", () => {
    const x = runOnText(extractTerm, "服务期限为2026年1月1日至2026年12月31日。\n履行期为2026年2月1日至2026年12月31日。");
    expect(foundAt(x, "term", "start")).toBeUndefined();
    expect(reasonsAt(x, "term", "start")[0]).toContain("不一致");
  });

  it("prefers the service term to a validity period printed elsewhere, and ignores other ranges", () => {
    const x = runOnText(extractTerm, "报价有效期为2025年1月1日至2025年3月31日。\n服务期限为2025年4月1日至2026年3月31日。");
    expect(foundAt(x, "term", "start")?.value).toBe("2025-04-01");
  });

  it("says when no term is printed", () => {
    expect(reasonsAt(runOnText(extractTerm, "乙方按甲方要求提供服务。"), "term", "start")).toEqual(["未找到服务期限的起止日期"]);
  });

  it("reads a completion deadline in working days after the contract takes effect", () => {
    const x = runOnText(extractTerm, "乙方应于合同生效后20个工作日内完成全部服务内容。");
    expect((foundAt(x, "completion")?.value as { alternatives: unknown } | undefined)?.alternatives).toEqual([{ days: 20, unit: "working", after: "effective" }]);
  });
});
