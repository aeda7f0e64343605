import { z } from "zod";
import { Contract } from "./contract.js";

/** The JSON Schema editors use to complete and check contract YAML (what a user writes: the input side). */
export function contractJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Contract, { io: "input", target: "draft-7", unrepresentable: "any" }) as Record<string, unknown>;
}
