import { describe, expect, it } from "vitest";
import { HotlineConfigError } from "../config-error.js";
import { loadMetricsConfig, metricsConfigToYaml } from "./config.js";
import { BUILTIN_METRICS_SCHEMES, builtinMetricsConfig } from "./schemes.js";

describe("metrics configuration", () => {
  it("ships the two published schemes", () => {
    const a = builtinMetricsConfig("beijing-0.1-0.5-0.4");
    expect(a.scheme).toBe("北京市接诉即办考核（响应0.1/解决0.5/满意0.4）");
    expect(a.weights).toEqual({ response: 1000, resolution: 5000, satisfaction: 4000 });
    expect(a.satisfactionWeights).toEqual({ 满意: 10000, 基本满意: 9000, 不满意: 0 });
    const b = builtinMetricsConfig("beijing-0.3-0.35-0.35");
    expect(b.weights).toEqual({ response: 3000, resolution: 3500, satisfaction: 3500 });
    expect(Object.keys(BUILTIN_METRICS_SCHEMES)).toHaveLength(2);
  });

  it("reads YAML with defaults and round-trips", () => {
    const config = loadMetricsConfig(
      [
        "scheme: 某区考核口径",
        "weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 }",
        "satisfactionWeights: { 满意: 1, 基本满意: 0.8, 不满意: 0 }",
      ].join("\n"),
      "metrics.yaml",
    );
    expect(config).toMatchObject({ basis: "counted-valid-follow-ups", unratedSatisfaction: "zero", decimals: 2, topN: 10 });
    expect(config.satisfactionWeights.基本满意).toBe(8000);
    expect(loadMetricsConfig(metricsConfigToYaml(config), "again.yaml")).toEqual(config);
  });

  it("rejects weights that do not sum to 1, pointing at them", () => {
    const text = [
      "scheme: 错误口径",
      "weights:",
      "  response: 0.1",
      "  resolution: 0.5",
      "  satisfaction: 0.3",
      "satisfactionWeights: { 满意: 1, 基本满意: 0.9, 不满意: 0 }",
    ].join("\n");
    let error: unknown;
    try {
      loadMetricsConfig(text, "bad.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HotlineConfigError);
    expect(error).toMatchObject({ code: "metrics-config-invalid", file: "bad.yaml", line: 3, path: "weights" });
    expect((error as Error).message).toContain("之和应为 1");
  });

  it("rejects weights with more than 4 decimals and unknown fields", () => {
    const base = "scheme: x\nsatisfactionWeights: { 满意: 1, 基本满意: 0.9, 不满意: 0 }\n";
    expect(() =>
      loadMetricsConfig(base + "weights: { response: 0.33333, resolution: 0.33333, satisfaction: 0.33334 }", "w.yaml"),
    ).toThrow(/最多 4 位小数/);
    expect(() =>
      loadMetricsConfig(base + "weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 }\nweight: 1", "u.yaml"),
    ).toThrow(/未知的字段「weight」/);
  });
});

describe("configuration files", () => {
  it("reads a file from disk and names a missing one", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { readMetricsConfigFile } = await import("./config.js");
    const dir = mkdtempSync(join(tmpdir(), "qiyue-config-"));
    try {
      const file = join(dir, "scheme.yaml");
      writeFileSync(file, metricsConfigToYaml(builtinMetricsConfig("beijing-0.3-0.35-0.35")));
      expect(await readMetricsConfigFile(file)).toEqual(builtinMetricsConfig("beijing-0.3-0.35-0.35"));
      await expect(readMetricsConfigFile(join(dir, "none.yaml"))).rejects.toMatchObject({
        code: "config-unreadable",
        file: join(dir, "none.yaml"),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
