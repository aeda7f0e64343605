import { describe, expect, it } from "vitest";
import { formatPath } from "../load/index.js";
import { EXAMPLES, loadExample, loadExampleWith } from "../testing/examples.js";
import { capitalsCorrections } from "./capitals-corrections.js";
import { validateContract } from "./validate.js";

describe("capitalsCorrections", () => {
  it("Pinggu: the printed 一 in the total's capitals, with the canonical capitals of the figure", () => {
    expect(capitalsCorrections(loadExample("pinggu-2026").contract)).toEqual([
      {
        code: "CAPITALS_INVALID",
        path: ["fees", "total", "capitals"],
        what: "合同总价",
        printed: "壹佰玖拾柒万玖仟一百元整",
        amount: 197910000,
        canonical: "壹佰玖拾柒万玖仟壹佰元整",
      },
    ]);
  });

  it.each(EXAMPLES)("%s: corrects exactly what the validator reports as CAPITALS_*", (id) => {
    const loaded = loadExample(id);
    const reported = validateContract(loaded).filter((f) => f.code.startsWith("CAPITALS_"));
    expect(capitalsCorrections(loaded.contract).map((c) => [c.code, formatPath(c.path)])).toEqual(reported.map((f) => [f.code, f.path]));
  });

  it("a well-formed amount other than the figure is a mismatch, with the amount it spells", () => {
    const loaded = loadExampleWith("haidian-2024", [[["payments", "installments", 1, "printed", "capitals"], "玖拾柒万伍仟陆佰伍拾柒元整"]]);
    const [c] = capitalsCorrections(loaded.contract);
    expect(c).toMatchObject({ code: "CAPITALS_MISMATCH", what: "第 2 期金额", amount: 97565730, printedAmount: 97565700, canonical: "玖拾柒万伍仟陆佰伍拾柒元叁角" });
    expect(validateContract(loaded).filter((f) => f.code.startsWith("CAPITALS_")).map((f) => f.path)).toEqual([formatPath(c!.path)]);
  });
});
