export type * from "./types.js";
export { mergeRuns, plainText, walkBlocks } from "./text.js";
