export { formatCapitals } from "./format.js";
export { type CapitalsParseResult, parseCapitals } from "./parse.js";
export { MAX_CAPITALS_FEN } from "./spelling.js";
export { allowedSpellings, CAPITALS_PREFIXES } from "./variants.js";
