import { ContractLoadError, type Issue } from "../errors/index.js";
import { parseContract } from "../load/load-contract.js";

/** The issues a contract source fails to load with (as c.yaml); a source that loads fails the test. */
export function issuesOf(source: string): Issue[] {
  try {
    parseContract(source, "c.yaml");
  } catch (e) {
    if (e instanceof ContractLoadError) return [...e.issues];
    throw e;
  }
  throw new Error("expected a ContractLoadError");
}
