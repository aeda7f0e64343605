import type { Document } from "../model/types.js";
import type { RenderOptions } from "../options.js";
import { getTheme, textBlock } from "../theme/index.js";
import { mmToPt } from "../theme/units.js";
import { convertAll } from "./blocks.js";
import type { PdfContext, PdfDefinition } from "./context.js";
import { dropSpaceBeforePageEnds } from "./page-ends.js";
import { footer, header } from "./page-furniture.js";
import { pdfStyle } from "./styles.js";

export interface PdfBuild {
  definition: PdfDefinition;
  context: PdfContext;
}

/** The pdfmake document definition of a document. */
export function buildDefinition(doc: Document, options: RenderOptions): PdfBuild {
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
