export { escapeMarkdown } from "./escape.js";
export { type ParseOptions, parseMarkdown } from "./parse.js";
