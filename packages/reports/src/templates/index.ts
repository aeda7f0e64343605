export { type LoadedTemplate, listTemplates, loadTemplate, templatesDir } from "./catalog.js";
export { type CompiledTemplate, compileTemplate, type TemplateSource } from "./engine.js";
export { HelperError, TemplateError, type TemplateErrorCode, type TemplatePosition } from "./errors.js";
export { HELPERS } from "./helpers/index.js";
export { INPUT_NAMES, type InputName, parseInput, parseInputs, type TemplateInputs } from "./inputs.js";
export { Manifest, parseManifest } from "./manifest.js";
export { buildTemplateData, splitTax, type TemplateData } from "./data/index.js";
export {
  type DocumentOptions,
  OUTPUT_FORMATS,
  type OutputFormat,
  type RenderDocumentRequest,
  type RenderedMarkdown,
  type RenderMarkdownRequest,
  parseRendered,
  renderDocument,
  renderTemplateMarkdown,
} from "./render-document.js";
