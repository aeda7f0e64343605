import { describe, expect, it } from "vitest";
import { HotlineConfigError } from "../config-error.js";
import { COLUMN_SPECS } from "../orders/fields.js";
import { matchHeaderRow } from "./column-layout.js";
import {
  columnMappingToYaml,
  DEFAULT_COLUMN_MAPPING,
  mergeColumnMapping,
  normalizeHeader,
} from "./column-mapping.js";
import { loadColumnMapping } from "./mapping-file.js";

describe("column mapping", () => {
  it("covers every column and gives no header to two columns", () => {
    const seen = new Map<string, string>();
    for (const spec of COLUMN_SPECS) {
      const headers = DEFAULT_COLUMN_MAPPING[spec.key];
      expect(headers[0]).toBe(spec.label);
      for (const h of headers) {
        expect(seen.get(normalizeHeader(h)), h).toBeUndefined();
        seen.set(normalizeHeader(h), spec.key);
      }
    }
  });

  it("normalises spaces, brackets, marks and case", () => {
    expect(normalizeHeader(" *社区（村） ")).toBe(normalizeHeader("社区(村)"));
    expect(normalizeHeader("\uFEFF工单 编号")).toBe("工单编号");
  });

  it("merges a user's YAML over the default and takes claimed headers away from other columns", () => {
    const mapping = loadColumnMapping("orderNo: 流水号\nstatus: [处理结果, 当前状态]\n", "my-mapping.yaml");
    expect(mapping.orderNo).toEqual(["流水号"]);
    expect(mapping.status).toEqual(["处理结果", "当前状态"]);
    expect(mapping.result).not.toContain("处理结果");
    expect(mapping.receivedAt).toEqual(DEFAULT_COLUMN_MAPPING.receivedAt);
  });

  it("accepts an empty file as the default mapping", () => {
    expect(loadColumnMapping("", "empty.yaml")).toEqual(DEFAULT_COLUMN_MAPPING);
  });

  it("rejects an unknown column with the file, line and column", () => {
    const error = catchError(() => loadColumnMapping("orderNo: 流水号\nordreNo: 编号\n", "bad.yaml"));
    expect(error).toBeInstanceOf(HotlineConfigError);
    expect(error).toMatchObject({ code: "mapping-invalid", file: "bad.yaml", line: 2 });
  });

  it("rejects a header given to two columns", () => {
    const error = catchError(() => mergeColumnMapping({ orderNo: "编号", title: ["编号"] }, "two.yaml"));
    expect(error).toMatchObject({ code: "mapping-ambiguous", file: "two.yaml" });
    expect((error as Error).message).toContain("「编号」");
  });

  it("reports YAML syntax errors with their position", () => {
    expect(catchError(() => loadColumnMapping("orderNo: [a\n", "broken.yaml"))).toMatchObject({
      code: "yaml-syntax",
      file: "broken.yaml",
    });
  });

  it("round-trips through its YAML form", () => {
    expect(loadColumnMapping(columnMappingToYaml(), "default.yaml")).toEqual(DEFAULT_COLUMN_MAPPING);
  });

  it("matches the first accepted header present and lists absent optional columns", () => {
    const attempt = matchHeaderRow(["工单号", "来电时间", "问题类型", "工单编号"], DEFAULT_COLUMN_MAPPING);
    expect(attempt.ok).toBe(true);
    if (!attempt.ok) return;
    expect(attempt.layout.index.orderNo).toBe(3);
    expect(attempt.layout.index.receivedAt).toBe(1);
    expect(attempt.layout.absent).toContain("satisfaction");
    const missing = matchHeaderRow(["工单编号", "受理时间"], DEFAULT_COLUMN_MAPPING);
    expect(missing).toMatchObject({ ok: false, missing: ["requestType"] });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
