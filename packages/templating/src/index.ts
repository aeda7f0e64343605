/**
 * Templating: a template and typed data to Markdown. Manifests, helpers, the template catalogue
 * (built-in template packages, the user's folders and packages) and the template type checker.
 *
 * @packageDocumentation
 */
export {
  type CatalogOptions,
  describeOrigin,
  TemplateCatalog,
  type TemplateEntry,
  type TemplateOrigin,
  type TemplatePackageRef,
} from "./catalog.js";
export * from "./check/index.js";
export { type CompiledTemplate, compileTemplate, type RenderContext, type TemplateSource } from "./engine.js";
export { HelperError, TemplateError, type TemplateErrorCode, type TemplatePosition } from "./errors.js";
export { type ArgKind, type ArgSpec, BLANK_DATE, HELPERS, type HelperSpec } from "./helpers/index.js";
export { INPUT_FLAGS, INPUT_NAMES, type InputName, parseInput, parseInputs, TemplateInputs } from "./inputs.js";
export { MAX_BLOCK_DEPTH, MAX_EXPRESSION_DEPTH, MAX_TEMPLATE_BYTES } from "./limits.js";
export { type LoadedTemplate, listTemplateFolders, loadTemplateDir, loadTemplateFromFolder, readTemplateFile } from "./load.js";
export { locateGeneratedLine } from "./locate.js";
export { type InputDeclaration, inputDeclaration, Manifest, parseManifest } from "./manifest.js";
export { FenValue, PpmValue } from "./units.js";
