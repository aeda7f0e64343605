/** Helpers shared by the packages' tests and benchmarks. Private: never published. */
export * from "./sample.js";
export * from "./tools.js";
