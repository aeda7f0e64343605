import { describe, expect, it } from "vitest";
import { countChange, tableChange } from "./change.js";
import { Tally, UNSPECIFIED } from "./tally.js";
import { TreeTally } from "./tree-tally.js";

describe("tallies", () => {
  it("sorts by count, then by code point, with shares of the total", () => {
    const tally = new Tally();
    for (const key of ["乙", "甲", "乙", null, "丙"]) tally.add(key);
    expect(tally.rows(5, 1)).toEqual([
      { key: "乙", count: 2, share: "40.0%" },
      { key: "丙", count: 1, share: "20.0%" },
      { key: "甲", count: 1, share: "20.0%" },
      { key: UNSPECIFIED, count: 1, share: "20.0%" },
    ]);
    expect(tally.rows(5, 1, 1)).toHaveLength(1);
  });

  it("counts paths level by level", () => {
    const tree = new TreeTally();
    tree.add("城乡建设", "市容环卫", "垃圾清运");
    tree.add("城乡建设", "市容环卫", "道路清扫");
    tree.add("城乡建设", null, null);
    expect(tree.rows(1, 3, 0).map((r) => [r.key, r.count])).toEqual([["城乡建设", 3]]);
    expect(tree.rows(2, 3, 0).map((r) => [r.key, r.count])).toEqual([
      ["城乡建设 / 市容环卫", 2],
      [`城乡建设 / ${UNSPECIFIED}`, 1],
    ]);
    expect(tree.rows(3, 3, 0).map((r) => r.path)).toEqual([
      ["城乡建设", "市容环卫", "垃圾清运"],
      ["城乡建设", "市容环卫", "道路清扫"],
      ["城乡建设", UNSPECIFIED, UNSPECIFIED],
    ]);
  });

  it("computes changes with a sign, — against zero", () => {
    expect(countChange(90, 120, 2)).toEqual({ current: 90, previous: 120, delta: -30, rate: "-25.00%" });
    expect(countChange(5, 0, 2).rate).toBe("—");
    expect(countChange(3, 3, 2).rate).toBe("0.00%");
    const rows = tableChange(
      [{ key: "a", count: 2, share: "" }],
      [
        { key: "a", count: 1, share: "" },
        { key: "b", count: 4, share: "" },
      ],
      0,
    );
    expect(rows.map((r) => [r.key, r.current, r.previous, r.rate])).toEqual([
      ["a", 2, 1, "+100%"],
      ["b", 0, 4, "-100%"],
    ]);
  });
});
