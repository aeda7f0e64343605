/** The file formats `qiyue import` reads. */
export type SourceFormat = "txt" | "md" | "docx" | "pdf";

/** One line of the contract's text as read from the file, numbered from 1 in reading order. */
export interface SourceLine {
  /** 1-based line number in the text the reader produced (the number a source comment cites). */
  no: number;
  /** The line's text with surrounding whitespace trimmed; never contains a line break. */
  text: string;
  /** 1-based page, for PDFs. */
  page?: number;
  /** A DOCX or PDF table cell row: the cells of the row this line came from, in order. */
  cells?: string[];
}

/** A contract's text, as lines, whatever file it came from. */
export interface SourceText {
  file: string;
  format: SourceFormat;
  lines: SourceLine[];
  /** What the reader could read only in part (a PDF page without text, a list number it could not work out), in Chinese, for the user. */
  warnings?: string[];
}
