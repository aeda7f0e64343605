import { checkGlyphs, type GlyphReport, userFontError } from "../fonts/glyphs.js";
import { resolveFonts, withFonts } from "../fonts/roles.js";
import type { Document } from "../model/types.js";
import type { RenderOptions } from "../options.js";
import { getTheme, textBlock } from "../theme/index.js";
import { mmToPt } from "../theme/units.js";
import { convertAll } from "./blocks.js";
import type { PdfContext, PdfDefinition, PdfNode } from "./context.js";
import { dropSpaceBeforePageEnds } from "./page-ends.js";
import { GlyphFallback } from "./glyph-fallback.js";
import { footer, header } from "./page-furniture.js";
import { pdfStyle } from "./styles.js";

export interface PdfBuild {
  definition: PdfDefinition;
  context: PdfContext;
  /** Characters the PDF's fonts cannot print as written (missing ones, and invisible ones left out). */
  glyphs: GlyphReport;
}

/**
 * The pdfmake document definition of a document, in the fonts the options name (the shipped
 * ones by default). A user's font that lacks a character the document uses is a RenderError
 * naming the characters and where they are.
 */
export function buildDefinition(doc: Document, options: RenderOptions, tocScale = 1): PdfBuild {
  const fonts = resolveFonts(options.fonts);
  const theme = getTheme(doc.theme);
  const glyphs = checkGlyphs(doc, theme, fonts);
  const error = userFontError(glyphs);
  if (error !== undefined) throw error;
  return withFonts(fonts, () => {
    const { definition, context } = build(doc, options);
    // a table of contents drawn closer together to end on fewer pages (see pdf/toc-fit.ts)
    const entry = definition.styles.tocEntry as { lineHeight: number } | undefined;
    if (entry !== undefined) entry.lineHeight *= tocScale;
    // text in characters its font lacks goes to a fallback font, characters that print nothing are left out
    const fallback = new GlyphFallback(fonts, definition.styles);
    const base = { font: definition.defaultStyle.font as string, bold: false };
    fallback.node(definition.content, base);
    const { footer: foot, header: head } = definition;
    // called during layout, after this returns: in the same fonts
    definition.footer = (page) => withFonts(fonts, () => fallback.node(foot(page), base) as PdfNode);
    if (head !== undefined) definition.header = () => withFonts(fonts, () => fallback.node(head(), base) as PdfNode);
    return { definition, context, glyphs };
  });
}

function build(doc: Document, options: RenderOptions): { definition: PdfDefinition; context: PdfContext } {
  const theme = getTheme(doc.theme);
  const context: PdfContext = {
    theme,
    options,
    widthPt: textBlock(theme).widthPt,
    toc: doc.blocks.some((b) => b.type === "toc"),
    headings: [],
  };
  const { page } = theme;
  const body = pdfStyle(theme.body, { indent: false });
  const entry = pdfStyle(theme.toc.entry, { indent: false });
  const definition: PdfDefinition = {
    pageSize: { width: mmToPt(page.widthMm), height: mmToPt(page.heightMm) },
    pageMargins: [mmToPt(page.margins.leftMm), mmToPt(page.margins.topMm), mmToPt(page.margins.rightMm), mmToPt(page.margins.bottomMm)],
    language: "zh-CN",
    info: { title: doc.meta.title, creator: "qiyue", producer: "qiyue (pdfmake)" },
    defaultStyle: { font: body.font, fontSize: body.fontSize, lineHeight: body.lineHeight },
    styles: { tocEntry: { font: entry.font, fontSize: entry.fontSize, lineHeight: entry.lineHeight, margin: entry.margin } },
    content: dropSpaceBeforePageEnds(convertAll(doc.blocks, context)),
    footer: footer(theme, doc.footer),
  };
  if (doc.meta.author !== undefined) definition.info.author = doc.meta.author;
  if (doc.meta.subject !== undefined) definition.info.subject = doc.meta.subject;
  if (doc.meta.keywords !== undefined) definition.info.keywords = doc.meta.keywords.join(", ");
  if (doc.header !== undefined) definition.header = header(theme, doc.header);
  return { definition, context };
}
