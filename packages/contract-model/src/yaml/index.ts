export { excerpt, nameList, quoted } from "./excerpt.js";
export { MAX_ALIAS_EXPANSION } from "./aliases.js";
export { normalizeLineBreaks, type ParsedYaml, parseYaml } from "./parse.js";
