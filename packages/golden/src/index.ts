/**
 * Golden files for documents: a suite (`golden.yaml`) of template × contract cases, their
 * expected output as readable text (Markdown, normalised DOCX XML, PDF text page by page, the
 * bytes' hashes), and the check that fails in CI when a document changes; and the layout
 * checker that reads a rendered PDF for the faults a typesetter would send back.
 */
export { type CaseCheck, type CaseStatus, type CheckOptions, type CheckResult, checkSuite, suiteTemplateErrors } from "./check.js";
export { type Change, compareSnapshots, type FileDifference } from "./compare.js";
export { type DiffOptions, unifiedDiff } from "./diff.js";
export { GoldenError, type GoldenErrorCode, type GoldenPosition } from "./errors.js";
export { CHANGED_PIXEL_THRESHOLD, compareImages, IMAGE_RESOLUTION, type ImageComparison, PIXEL_TOLERANCE } from "./images.js";
export { exampleContractsDir, type InitOptions, type InitResult, initSuite } from "./init.js";
export {
  checkLayout,
  type DocxTocEntry,
  docxToc,
  findLayoutFaults,
  type KnownHeading,
  type KnownTable,
  LAYOUT_RULE_NAMES,
  LAYOUT_RULES,
  type LayoutFinding,
  type LayoutInput,
  type LayoutModel,
  type LayoutRule,
  layoutModelOfMarkdown,
  type PdfLine,
  type PdfPage,
  type PdfWord,
  pdfBoxes,
} from "./layout/index.js";
export { type PdfFont, parseFonts } from "./pdf-text.js";
export { decodePng, type GreyImage } from "./png.js";
export { CaseRenderer, type RenderedCase } from "./render-case.js";
export { HASHES_FILE, MARKDOWN_FILE, PDF_INFO_FILE, type Snapshot, snapshot } from "./snapshot.js";
export {
  DEFAULT_SOURCE_DATE_EPOCH,
  type GoldenCase,
  type GoldenOrders,
  type GoldenSuite,
  GoldenSuiteSchema,
  loadSuite,
  SUITE_FILE,
  type SuiteOverrides,
  suiteFile,
} from "./suite.js";
export { type CaseUpdate, type UpdateOptions, type UpdateResult, updateSuite } from "./update.js";
export { prettyXml } from "./xml.js";
