export { formatCapitals } from "./format.js";
export { type CapitalsParseResult, parseCapitals } from "./parse.js";
export { allowedSpellings } from "./variants.js";
