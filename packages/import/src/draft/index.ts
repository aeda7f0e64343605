export { type AttachmentText, attachmentTexts, type BodySection, bodyOf, escapeMarkdown, markdownOf } from "./body.js";
export { idFromFile, type ImportFinding, type ImportJson, type ImportOptions, type ImportResult, importContract, PLACEHOLDER_CODES } from "./import.js";
export { type Merged, mergeExtractions } from "./merge.js";
export { schemaReferenceFrom } from "./schema-ref.js";
export { DEFAULT_SCHEMA_REF, type Draft, type DraftInput, type Placeholder, placeholderText, writeDraft } from "./write.js";
