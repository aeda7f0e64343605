export * from "./confidentiality.js";
export * from "./contract.js";
export * from "./fees.js";
export { contractJsonSchema } from "./json-schema.js";
export * from "./party.js";
export * from "./penalties.js";
export * from "./primitives.js";
export * from "./renewal.js";
export * from "./scope.js";
