import { formatCapitals, formatPercent, formatYuan } from "@qiyue/contract-model";
import { requireFen, requirePpm } from "./args.js";

/** 分 → "1,979,100.00". */
export function yuan(fen: unknown): string {
  return formatYuan(requireFen("yuan", fen));
}

/** 分 → 壹佰玖拾柒万玖仟壹佰元整 (the canonical form of 人民币大写). */
export function capitals(fen: unknown): string {
  return formatCapitals(requireFen("capitals", fen));
}

/** Parts per million → "50%", "0.3%". */
export function percent(ppm: unknown): string {
  return formatPercent(requirePpm("percent", ppm));
}
