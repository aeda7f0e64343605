import type { ListCounter, NumPr } from "./numbering.js";
import { attr, type XmlHandler } from "./xml.js";

/** A line of a Word document: a paragraph (or a line of one broken by a line break), or a table row. */
export interface DocxLine {
  text: string;
  cells?: string[];
}

interface Paragraph {
  parts: string[];
  numPr: NumPr;
  style: string | undefined;
}

/** Characters of no width that only steer line breaking: WORD JOINER, ZERO WIDTH SPACE, ZERO WIDTH NO-BREAK SPACE. */
const LINE_BREAKING_MARKS = /[\u2060\u200b\ufeff]/g;

/** Symbol-font characters Word writes as w:sym (check boxes of forms), by font and code. */
const SYMBOLS: Readonly<Record<string, string>> = {
  F0A8: "□",
  F06F: "□",
  F0FE: "☑",
  F0FD: "☒",
  F078: "☒",
  F0FC: "✓",
  F052: "☑",
  F0A3: "□",
  F054: "☒",
};

/** Elements whose content is not printed text: deleted or moved-away revisions, the old formatting of a change, the duplicate fallback of a drawing. */
const SKIPPED = new Set(["del", "moveFrom", "pPrChange", "rPrChange", "Fallback", "instrText", "delText"]);

/**
 * Reads word/document.xml in document order: each paragraph becomes a line, its automatic
 * number (from numbering.xml) put in front of it as Word prints it; a line break (w:br, w:cr)
 * starts another line; a table row becomes one line with `cells` (a cell's paragraphs joined by
 * a space; a nested table's text goes into the cell that holds it). Hidden text, deleted
 * revisions and field codes are left out. An empty paragraph is an empty line (as a blank line
 * of a text file: several of them mark a page break or a gap). Paragraphs inside a
 * text box come out as lines of their own, before the paragraph that anchors the box.
 */
export class DocumentReader implements XmlHandler {
  readonly lines: DocxLine[] = [];
  /** Things that were read only in part, for the user (Chinese). */
  readonly warnings: string[] = [];
  private readonly paragraphs: Paragraph[] = [];
  private skipDepth = 0;
  private inText = false;
  private inPPr = 0;
  private hidden = false;
  private inRPr = false;
  private tableDepth = 0;
  private row: string[] | undefined;
  private cell: string[] | undefined;
  private readonly problems = new Map<string, number>();

  constructor(private readonly lists: ListCounter | undefined) {}

  open(name: string, a: Readonly<Record<string, string>>): void {
    if (this.skipDepth > 0 || SKIPPED.has(name)) {
      this.skipDepth++;
      return;
    }
    const paragraph = this.paragraphs[this.paragraphs.length - 1];
    switch (name) {
      case "p":
        this.paragraphs.push({ parts: [], numPr: {}, style: undefined });
        break;
      case "pPr":
        this.inPPr++;
        break;
      case "pStyle":
        if (paragraph !== undefined && this.inPPr > 0) paragraph.style = attr(a, "val");
        break;
      case "numId":
        if (paragraph !== undefined && this.inPPr > 0) paragraph.numPr.numId = attr(a, "val") ?? "0";
        break;
      case "ilvl":
        if (paragraph !== undefined && this.inPPr > 0) paragraph.numPr.ilvl = Number(attr(a, "val") ?? 0);
        break;
      case "r":
        this.hidden = false;
        break;
      case "rPr":
        this.inRPr = true;
        break;
      case "vanish":
      case "webHidden":
        if (this.inRPr && this.inPPr === 0) {
          const val = attr(a, "val");
          this.hidden = val !== "0" && val !== "false" && val !== "off";
        }
        break;
      case "t":
        this.inText = true;
        break;
      case "tab":
      case "ptab":
        if (this.inPPr === 0 && !this.hidden) paragraph?.parts.push("\t");
        break;
      case "br":
      case "cr":
        if (!this.hidden) paragraph?.parts.push("\n");
        break;
      case "noBreakHyphen":
        if (!this.hidden) paragraph?.parts.push("-");
        break;
      case "sym": {
        const char = (attr(a, "char") ?? "").toUpperCase();
        const known = SYMBOLS[char.length === 4 && char.startsWith("00") ? `F0${char.slice(2)}` : char];
        if (known !== undefined) paragraph?.parts.push(known);
        else this.problem(`符号字体字符（${attr(a, "font") ?? "?"} ${char}）无法转成文字，已略去`);
        break;
      }
      case "tbl":
        this.tableDepth++;
        break;
      case "tr":
        if (this.tableDepth === 1) this.row = [];
        break;
      case "tc":
        if (this.tableDepth === 1) this.cell = [];
        break;
    }
  }

  close(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    switch (name) {
      case "t":
        this.inText = false;
        break;
      case "pPr":
        this.inPPr--;
        break;
      case "rPr":
        this.inRPr = false;
        break;
      case "p":
        this.endParagraph();
        break;
      case "tc":
        if (this.tableDepth === 1 && this.cell !== undefined) {
          this.row?.push(this.cell.join(" ").replace(/\s+/g, " ").trim());
          this.cell = undefined;
        }
        break;
      case "tr":
        if (this.tableDepth === 1 && this.row !== undefined) {
          const cells = this.row;
          while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
          if (cells.some((c) => c !== "")) this.lines.push({ text: cells.join("\t"), cells });
          this.row = undefined;
        }
        break;
      case "tbl":
        this.tableDepth--;
        break;
    }
  }

  text(text: string): void {
    if (this.skipDepth > 0 || !this.inText || this.hidden) return;
    // the characters that only steer line breaking (WORD JOINER, ZERO WIDTH SPACE, U+FEFF) are not text
    this.paragraphs[this.paragraphs.length - 1]?.parts.push(text.replace(LINE_BREAKING_MARKS, ""));
  }

  /** Called once the XML has been read: the warnings about what could not be read in full. */
  finish(): void {
    for (const [problem, count] of this.problems) this.warnings.push(count > 1 ? `${problem}（共 ${count} 处）` : problem);
  }

  private problem(message: string): void {
    this.problems.set(message, (this.problems.get(message) ?? 0) + 1);
  }

  private endParagraph(): void {
    const paragraph = this.paragraphs.pop();
    if (paragraph === undefined) return;
    const words = paragraph.parts.join("");
    let label = "";
    if (this.lists !== undefined && (paragraph.numPr.numId !== undefined || paragraph.style !== undefined)) {
      const numbered = this.lists.next(paragraph.numPr, paragraph.style);
      label = numbered.label;
      if (numbered.problem !== undefined) this.problem(numbered.problem);
    } else if (paragraph.numPr.numId !== undefined && paragraph.numPr.numId !== "0") {
      this.problem("文件中没有 numbering.xml，自动编号未读出");
    }
    // An empty numbered paragraph still takes its number (Word counts it) but prints nothing worth a line.
    const text = words.trim() === "" ? "" : `${label}${words}`;
    if (this.tableDepth > 0 && this.cell !== undefined) {
      if (text.trim() !== "") this.cell.push(text.replace(/\s+/g, " ").trim());
      return;
    }
    for (const piece of text.split("\n")) this.lines.push({ text: piece.replace(/[ \u00a0\u3000]+$/g, "").trim() });
  }
}
