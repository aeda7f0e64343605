import { stringify } from "yaml";
import { z } from "zod";
import { parseConfigValue, parseYamlConfig, readConfigText } from "../yaml-config.js";
import { parseDecimalUnits } from "./decimal.js";

/** Weights are exact to 4 decimals and kept as integer ten-thousandths. */
export const WEIGHT_PLACES = 4;
const ONE = 10 ** WEIGHT_PLACES;

/** A weight between 0 and 1 written as a number or a decimal string, at most 4 decimals. */
const Weight = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const units = parseDecimalUnits(value, WEIGHT_PLACES);
  if (units === undefined || units > ONE) {
    ctx.addIssue({ code: "custom", message: `权重应为 0 到 1 之间、最多 4 位小数的数，实际为 ${String(value)}` });
    return z.NEVER;
  }
  return units;
});

/** Orders whose follow-up answers form a rate's denominator. */
export const RateBasis = z.enum(["counted-valid-follow-ups", "counted-orders"]);
export type RateBasis = z.infer<typeof RateBasis>;

/**
 * How the assessment rates and the composite score are defined: a named scheme,
 * shown in the report. Weights are stored in ten-thousandths after parsing.
 */
export const MetricsConfig = z
  .object({
    /** Name printed in the report, e.g. 北京市接诉即办考核（响应0.1/解决0.5/满意0.4）. */
    scheme: z.string().min(1),
    /** Where the definitions come from (document, year). */
    source: z.string().min(1).optional(),
    /** Weights of 响应率 / 解决率 / 满意率 in the 综合成绩; they sum to 1. */
    weights: z.strictObject({ response: Weight, resolution: Weight, satisfaction: Weight }),
    /** Credit of each satisfaction answer in the 满意率 numerator. */
    satisfactionWeights: z.strictObject({ 满意: Weight, 基本满意: Weight, 不满意: Weight }),
    /** Denominator of the three rates; excluded (不纳入考核) orders never count. */
    basis: RateBasis.default("counted-valid-follow-ups"),
    /** A base order without a satisfaction answer: counts as 0 ("zero") or leaves the 满意率 denominator ("exclude"). */
    unratedSatisfaction: z.enum(["zero", "exclude"]).default("zero"),
    /** Decimals of percentages and scores. */
    decimals: z.number().int().min(0).max(6).default(2),
    /** Length of the category rankings. */
    topN: z.number().int().min(1).max(1000).default(10),
  })
  .strict()
  .superRefine((config, ctx) => {
    const { response, resolution, satisfaction } = config.weights;
    if (response + resolution + satisfaction !== ONE) {
      ctx.addIssue({
        code: "custom",
        path: ["weights"],
        message: `响应、解决、满意三项权重之和应为 1，实际为 ${(response + resolution + satisfaction) / ONE}`,
      });
    }
  });

/** Configuration after validation: weights in ten-thousandths, defaults filled. */
export type MetricsConfig = z.output<typeof MetricsConfig>;
/** Configuration as written (weights as decimals). */
export type MetricsConfigInput = z.input<typeof MetricsConfig>;

/** Reads a metrics configuration YAML file's text. */
export function loadMetricsConfig(yamlText: string, file: string): MetricsConfig {
  return parseYamlConfig(MetricsConfig, yamlText, file, "metrics-config-invalid", "考核口径配置");
}

/** Reads a metrics configuration file from disk. */
export async function readMetricsConfigFile(path: string): Promise<MetricsConfig> {
  return loadMetricsConfig(await readConfigText(path, "考核口径配置"), path);
}

/** Validates a configuration given as an object. */
export function parseMetricsConfig(input: MetricsConfigInput, name = "考核口径配置"): MetricsConfig {
  return parseConfigValue(MetricsConfig, input, name, "metrics-config-invalid", "考核口径配置");
}

/** A configuration as YAML, weights written as decimals. */
/** A configuration's weights written with `decimal` (a number for YAML, a decimal string for a report). */
export function configWeights<T>(config: MetricsConfig, decimal: (units: number) => T) {
  return {
    weights: {
      response: decimal(config.weights.response),
      resolution: decimal(config.weights.resolution),
      satisfaction: decimal(config.weights.satisfaction),
    },
    satisfactionWeights: {
      满意: decimal(config.satisfactionWeights.满意),
      基本满意: decimal(config.satisfactionWeights.基本满意),
      不满意: decimal(config.satisfactionWeights.不满意),
    },
  };
}

export function metricsConfigToYaml(config: MetricsConfig): string {
  return stringify({
    scheme: config.scheme,
    ...(config.source === undefined ? {} : { source: config.source }),
    ...configWeights(config, (units) => units / ONE),
    basis: config.basis,
    unratedSatisfaction: config.unratedSatisfaction,
    decimals: config.decimals,
    topN: config.topN,
  });
}
