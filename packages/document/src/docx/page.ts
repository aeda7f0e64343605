import { AlignmentType, Footer, Header, type ISectionOptions, PageNumber, Paragraph, TextRun } from "docx";
import type { PageText } from "../model/types.js";
import type { Theme } from "../theme/types.js";
import { mmToTwip, ptToTwip } from "../theme/units.js";
import { docxRuns } from "./runs.js";
import { docxAlign, STYLE } from "./styles.js";

/** The page number paragraph, “— PAGE —”, on the outer side (one character in) or centered. */
function pageNumberParagraph(theme: Theme, side: "odd" | "even"): Paragraph | undefined {
  const style = theme.pageNumber;
  if (style === undefined) return undefined;
  const inset = ptToTwip(style.sizePt);
  const outer = style.position === "outer";
  return new Paragraph({
    style: STYLE.pageNumber,
    alignment: !outer ? AlignmentType.CENTER : side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: outer ? (side === "odd" ? { right: inset, firstLine: 0 } : { left: inset, firstLine: 0 }) : { firstLine: 0 },
    children: [new TextRun({ children: [style.prefix, PageNumber.CURRENT, style.suffix] })],
  });
}

function footer(theme: Theme, text: PageText | undefined, side: "odd" | "even"): Footer {
  const children: Paragraph[] = [];
  const number = pageNumberParagraph(theme, side);
  if (number !== undefined) children.push(number);
  if (text !== undefined) {
    children.push(new Paragraph({ style: STYLE.pageText, alignment: docxAlign(text.align), children: docxRuns(text.runs, theme, { sizePt: theme.pageText.sizePt }) }));
  }
  if (children.length === 0) children.push(new Paragraph({ style: STYLE.pageText }));
  return new Footer({ children });
}

function header(theme: Theme, text: PageText): Header {
  return new Header({
    children: [new Paragraph({ style: STYLE.pageText, alignment: docxAlign(text.align), children: docxRuns(text.runs, theme, { sizePt: theme.pageText.sizePt }) })],
  });
}

/** Page size, margins, headers and footers; odd and even pages differ when the page number sits on the outer side. */
export function sectionPage(theme: Theme, headerText: PageText | undefined, footerText: PageText | undefined): Omit<ISectionOptions, "children"> {
  const { page } = theme;
  const outer = theme.pageNumber?.position === "outer";
  const headers =
    headerText === undefined
      ? {}
      : { headers: outer ? { default: header(theme, headerText), even: header(theme, headerText) } : { default: header(theme, headerText) } };
  return {
    properties: {
      page: {
        size: { width: mmToTwip(page.widthMm), height: mmToTwip(page.heightMm) },
        margin: {
          top: mmToTwip(page.margins.topMm),
          bottom: mmToTwip(page.margins.bottomMm),
          left: mmToTwip(page.margins.leftMm),
          right: mmToTwip(page.margins.rightMm),
          header: mmToTwip(page.headerMm),
          footer: mmToTwip(page.footerMm),
          gutter: 0,
        },
      },
    },
    ...headers,
    footers: outer
      ? { default: footer(theme, footerText, "odd"), even: footer(theme, footerText, "even") }
      : { default: footer(theme, footerText, "odd") },
  };
}

export function usesEvenFooters(theme: Theme): boolean {
  return theme.pageNumber?.position === "outer";
}
