export * from "./primitives.js";
export * from "./party.js";
export * from "./scope.js";
export * from "./fees.js";
export * from "./penalties.js";
export * from "./confidentiality.js";
export * from "./renewal.js";
export * from "./contract.js";
export { contractJsonSchema } from "./json-schema.js";
