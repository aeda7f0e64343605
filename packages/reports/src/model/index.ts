export type * from "./types.js";
export { columnWeights, scaleWidths, textEms } from "./column-widths.js";
export { mergeRuns, plainText, walkBlocks } from "./text.js";
