import { type MetricsConfig, type MetricsConfigInput, parseMetricsConfig } from "./config.js";

/**
 * The two published weightings of the Beijing 接诉即办 assessment (响应率 / 解决率 /
 * 满意率). Which one applies depends on the year and the unit type: pick it in the
 * contract's configuration, never in code.
 */
export const BUILTIN_METRICS_SCHEMES = {
  "beijing-0.1-0.5-0.4": {
    scheme: "北京市接诉即办考核（响应0.1/解决0.5/满意0.4）",
    source: "北京市接诉即办考评：综合成绩 = 响应率×0.1 + 解决率×0.5 + 满意率×0.4",
    weights: { response: "0.1", resolution: "0.5", satisfaction: "0.4" },
    satisfactionWeights: { 满意: "1", 基本满意: "0.9", 不满意: "0" },
    basis: "counted-valid-follow-ups",
    unratedSatisfaction: "zero",
    decimals: 2,
    topN: 10,
  },
  "beijing-0.3-0.35-0.35": {
    scheme: "北京市接诉即办考核（响应0.3/解决0.35/满意0.35）",
    source: "北京市接诉即办考评：综合成绩 = 响应率×0.3 + 解决率×0.35 + 满意率×0.35",
    weights: { response: "0.3", resolution: "0.35", satisfaction: "0.35" },
    satisfactionWeights: { 满意: "1", 基本满意: "0.9", 不满意: "0" },
    basis: "counted-valid-follow-ups",
    unratedSatisfaction: "zero",
    decimals: 2,
    topN: 10,
  },
} as const satisfies Record<string, MetricsConfigInput>;

export type BuiltinMetricsSchemeId = keyof typeof BUILTIN_METRICS_SCHEMES;

export function builtinMetricsConfig(id: BuiltinMetricsSchemeId): MetricsConfig {
  return parseMetricsConfig(BUILTIN_METRICS_SCHEMES[id], id);
}
