export type * from "./types.js";
export { columnWeights, scaleWidths, textEms } from "./column-widths.js";
export { sealRow } from "./seal.js";
export { mergeRuns, plainText, walkBlocks } from "./text.js";
