export * from "./draft/index.js";
export * from "./errors.js";
export { EXTRACTORS } from "./extract/index.js";
export * from "./extract/types.js";
export { type HeadingKind, type Outline, type OutlineAttachment, type OutlineHeading, outlineOf, plainLine } from "./source/outline.js";
export { type ReadSourceOptions, readSource } from "./source/read-source.js";
export type { SourceFormat, SourceLine, SourceText } from "./source/types.js";
