import { describe, expect, it } from "vitest";
import { EXAMPLES, loadExample } from "../testing/examples.js";
import { formatClause, tryFormatClause } from "./format.js";

/** Every clause id of a loaded contract: the strings under a key named `clause` or `…Clause`. */
function clauseIds(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) clauseIds(v, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (/^clause$|Clause$/.test(key) && typeof v === "string") out.add(v);
      else clauseIds(v, out);
    }
  }
  return out;
}

const exampleIds = [...new Set(EXAMPLES.flatMap((id) => [...clauseIds(loadExample(id).contract)]))].sort();

describe("clause references in the house form", () => {
  it.each([
    // articles: Chinese-numbered, already written out, decimal
    ["五", "第五条"],
    ["十一", "第十一条"],
    ["第十三条", "第十三条"],
    ["4.2", "第4.2条"],
    ["5.1.1", "第5.1.1条"],
    ["14.2", "第14.2条"],
    // subsections, paragraphs, items
    ["第二条(一)", "第二条（一）"],
    ["第二条（一）", "第二条（一）"],
    ["二.1", "第二条第1款"],
    ["二.2(1)", "第二条第2款第（1）项"],
    ["一.2(2) 7)", "第一条第2款第（2）项第7目"],
    ["三.(二).5", "第三条（二）第5款"],
    ["三.(二)", "第三条（二）"],
    ["四(二)8", "第四条（二）第8款"],
    ["一(一)1", "第一条（一）第1款"],
    ["4.2.2 c)", "第4.2.2条第c项"],
    ["1.3 2)", "第1.3条第2项"],
    // attachments
    ["附件一 序号5", "附件一第5项"],
    ["附件一 5.1", "附件一第5.1条"],
    ["附件2 4.2", "附件2第4.2条"],
    ["附件 2", "附件2"],
    ["附件一", "附件一"],
  ])("%s → %s", (id, expected) => {
    expect(formatClause(id)).toBe(expected);
  });

  it("finds the clause ids of the five examples", () => {
    // a walk that found nothing would make the next test pass vacuously
    expect(exampleIds.length).toBeGreaterThan(60);
    expect(exampleIds).toContain("附件一 序号10");
    expect(exampleIds).toContain("第二条(一)");
  });

  it.each(exampleIds)("formats %s from the examples, and reads its own form back unchanged", (id) => {
    const text = tryFormatClause(id);
    expect(text, `条款编号“${id}”的写法无法识别：请扩充 clauses/format.ts 的语法`).toBeDefined();
    expect(text).toMatch(/^(附件\S+?)?第\S+?[条款项目]|^附件\S+$|）$/);
    expect(text).not.toMatch(/[\s()]|第第|条条/);
    expect(tryFormatClause(text!)).toBe(text);
  });

  it("prints an unknown shape as given instead of dressing it up as an article", () => {
    expect(tryFormatClause("见附件")).toBeUndefined();
    expect(tryFormatClause("")).toBeUndefined();
    expect(tryFormatClause("五、验收")).toBeUndefined();
    // parts out of order are not a reference
    expect(tryFormatClause("二.(1)(一)")).toBeUndefined();
    expect(formatClause("见附件")).toBe("条款“见附件”");
  });
});
