import type { Contract } from "@qiyue/contract-model";
import { SERVICE_LEVEL_METRICS, type ServiceLevel } from "./service-levels.js";

/**
 * The contract's service levels that work-order data can measure, in the metrics' terms.
 * Commitments without a measurable metric ("other", response-rate of the assessment) are left to the report text.
 */
export function measurableServiceLevels(contract: Contract): ServiceLevel[] {
  const out: ServiceLevel[] = [];
  for (const level of contract.serviceLevels) {
    if (!(SERVICE_LEVEL_METRICS as readonly string[]).includes(level.metric)) continue;
    if (level.metric === "dispatch-within-minutes" && level.minutes === undefined) continue;
    out.push({
      id: level.id,
      metric: level.metric as ServiceLevel["metric"],
      ...(level.target !== undefined ? { target: level.target } : {}),
      ...(level.minutes !== undefined ? { minutes: level.minutes } : {}),
    });
  }
  return out;
}
