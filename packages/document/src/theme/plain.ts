import type { TextStyle, Theme } from "./types.js";
import { HAO } from "./units.js";

/** A plain business layout: A4, 25 mm margins, 宋体 小四 (12 pt) body at 1.5 line spacing. */
const body: TextStyle = {
  font: "song",
  sizePt: HAO.小四,
  bold: false,
  line: { multiple: 1.5 },
  spaceBeforePt: 0,
  spaceAfterPt: 6,
  firstLineIndentChars: 2,
  align: "justify",
};

export const plain: Theme = {
  name: "plain",
  page: {
    widthMm: 210,
    heightMm: 297,
    margins: { topMm: 25, bottomMm: 25, leftMm: 25, rightMm: 25 },
    headerMm: 12,
    footerMm: 12,
  },
  docxFonts: {
    song: { eastAsia: "宋体", latin: "Times New Roman" },
    fangsong: { eastAsia: "仿宋", latin: "Times New Roman" },
    hei: { eastAsia: "黑体", latin: "Arial" },
    kai: { eastAsia: "楷体", latin: "Times New Roman" },
  },
  title: {
    ...body,
    sizePt: HAO.小二,
    bold: true,
    line: { multiple: 1.2 },
    spaceAfterPt: 18,
    firstLineIndentChars: 0,
    align: "center",
  },
  body,
  heading1: { ...body, font: "hei", sizePt: HAO.四号, spaceBeforePt: 12, spaceAfterPt: 6, firstLineIndentChars: 0, align: "left" },
  heading2: { ...body, font: "hei", bold: false, spaceBeforePt: 6, spaceAfterPt: 6, firstLineIndentChars: 0, align: "left" },
  heading3: { ...body, bold: true, spaceBeforePt: 6, firstLineIndentChars: 0, align: "left" },
  table: {
    ...body,
    sizePt: HAO.五号,
    line: { multiple: 1.2 },
    spaceAfterPt: 0,
    firstLineIndentChars: 0,
    align: "left",
    cellPaddingPt: 4,
    borderPt: 0.5,
    headerFill: "F2F2F2",
  },
  pageText: { ...body, sizePt: HAO.小五, line: { multiple: 1 }, spaceAfterPt: 0, firstLineIndentChars: 0 },
  pageNumber: { prefix: "— ", suffix: " —", font: "song", sizePt: HAO.四号, position: "center" },
  toc: {
    title: { ...body, font: "hei", sizePt: HAO.小三, align: "center", firstLineIndentChars: 0, spaceAfterPt: 12 },
    entry: { ...body, firstLineIndentChars: 0, spaceAfterPt: 2, align: "left" },
    indentChars: 2,
  },
  code: { ...body, sizePt: HAO.五号, line: { multiple: 1.2 }, firstLineIndentChars: 0, align: "left" },
};
