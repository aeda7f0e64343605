import type { TextStyle, Theme } from "./types.js";
import { HAO, mmToPt } from "./units.js";

/**
 * GB/T 9704-2012 《党政机关公文格式》: A4, text block 156 × 225 mm, 22 lines of
 * 28 characters. The line pitch is the text block height divided by 22, rounded
 * down to Word's customary 28.95 pt (“固定值 28.95 磅”).
 */
const LINE_PITCH_PT = Math.floor((mmToPt(225) / 22) * 20) / 20;

const body: TextStyle = {
  font: "fangsong",
  sizePt: HAO.三号,
  bold: false,
  line: { exactPt: LINE_PITCH_PT },
  spaceBeforePt: 0,
  spaceAfterPt: 0,
  firstLineIndentChars: 2,
  align: "justify",
};

export const formal: Theme = {
  name: "formal",
  page: {
    widthMm: 210,
    heightMm: 297,
    margins: { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 },
    headerMm: 20,
    // The page number sits 7 mm below the text block: 35 − 7 = 28 mm from the bottom edge, minus its own height.
    footerMm: 23,
  },
  docxFonts: {
    song: { eastAsia: "宋体", latin: "宋体" },
    fangsong: { eastAsia: "仿宋", latin: "仿宋" },
    hei: { eastAsia: "黑体", latin: "黑体" },
    kai: { eastAsia: "楷体", latin: "楷体" },
  },
  title: {
    ...body,
    font: "song",
    sizePt: HAO.二号,
    bold: true,
    line: { exactPt: 36 },
    spaceAfterPt: LINE_PITCH_PT,
    firstLineIndentChars: 0,
    align: "center",
  },
  body,
  heading1: { ...body, font: "hei", align: "left" },
  heading2: { ...body, font: "kai", align: "left" },
  heading3: { ...body, bold: true, align: "left" },
  table: {
    ...body,
    sizePt: HAO.小四,
    line: { multiple: 1.2 },
    firstLineIndentChars: 0,
    align: "left",
    cellPaddingPt: 4,
    borderPt: 0.75,
    headerFill: undefined,
  },
  pageText: { ...body, font: "song", sizePt: HAO.五号, line: { multiple: 1 }, firstLineIndentChars: 0 },
  pageNumber: { prefix: "— ", suffix: " —", font: "song", sizePt: HAO.四号, position: "outer" },
  toc: {
    title: { ...body, font: "hei", sizePt: HAO.三号, align: "center", firstLineIndentChars: 0, spaceAfterPt: 12 },
    entry: { ...body, firstLineIndentChars: 0, align: "left" },
    indentChars: 2,
  },
  code: { ...body, sizePt: HAO.五号, line: { multiple: 1.2 }, firstLineIndentChars: 0, align: "left" },
};
