/**
 * The document engine: Markdown (CommonMark + GFM tables + qiyue directives) in, one document
 * model, DOCX and PDF bytes out; themes and the embedded Chinese fonts.
 *
 * @packageDocumentation
 */

export { chartFor } from "./charts.js";
export type { ChartRasters } from "./docx/chart.js";
export type { DocxLayout } from "./docx/index.js";
export { loadDocxBackend, renderDocx } from "./docx-backend.js";
export { readZip } from "./docx/zip.js";
export { RenderError, type RenderErrorCode } from "./errors.js";
export { lineHeightEm, parsedFace, textWidth } from "./fonts/cache.js";
export { type FaceKey, type FontFace, fontBytes, fontPath } from "./fonts/files.js";
export type { GlyphGap } from "./fonts/glyphs.js";
export { FONT_SLOT_NAMES, type FontFileOption, type FontFiles, type FontSlot } from "./fonts/roles.js";
export { type DocumentFormat, renderFormats } from "./formats.js";
export { escapeMarkdown } from "./markdown/escape.js";
export { keepLineBreaks } from "./markdown/line-breaks.js";
export { noteMarkdown } from "./markdown/note.js";
export { type ParseOptions, parseMarkdown } from "./markdown/parse.js";
export { documentText, editorNotes, plainText } from "./model/text.js";
export { isEndMarker, isSignOffBlock, isSignOffTable, signOffParts } from "./model/sign-off.js";
export type * from "./model/types.js";
export type { ChartInput, RenderOptions, RenderWarning } from "./options.js";
export { type HeadingPage, headingPages, type LaidOutPdf, renderPdf, renderPdfLaidOut } from "./pdf/index.js";
export type { FontkitFontLike } from "./pdfmake/internals.js";
export { getTheme, isThemeName, themeNames, themes } from "./theme/index.js";
export type { FontRole, LineSpacing, PageNumberStyle, TextStyle, Theme } from "./theme/types.js";
export { HAO } from "./theme/units.js";
export { type WarmUpOptions, warmUp, warmUpAhead, warmUpFaces } from "./warm-up.js";
