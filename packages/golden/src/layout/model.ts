import { type Block, type Document, type KeyValue, parseMarkdown, plainText, signOffParts } from "@qiyue/document";

/** Text without any white space (ASCII, ideographic, no-break): how lines are compared. */
export const squeeze = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, "");

export interface KnownHeading {
  /** The text, squeezed. */
  text: string;
  kind: "title" | "heading";
  /** 0 for a title; 1 for `##`, 2 for `###`, 3 deeper. */
  level: number;
}

export interface KnownTable {
  /** Header rows, then cells, squeezed. */
  header: string[][];
  body: string[][];
}

/**
 * What the layout checker needs to know of a document, taken from the model it was rendered
 * from: which texts are headings, tables and their header rows, the cells (table, key–value and
 * signature values) and every block's text, all squeezed.
 */
export interface LayoutModel {
  headings: KnownHeading[];
  tables: KnownTable[];
  /** Table cells, key–value labels and values, signature values: text set in a narrow box. */
  cells: string[];
  /** Each signature block: the text of all its parties, and how many parties it has. */
  signatures: { text: string; parties: number }[];
  /**
   * The signing part of the document (see `signOffParts` in @qiyue/document): each signature
   * block (with its seal placeholders) and table signed by hand (`signed`), and the end marker,
   * headings and lead-ins that go with them (not `signed`).
   */
  signOff: { text: string; signed: boolean }[];
  /** Every text of the document a line can belong to (headings, paragraphs, cells…). */
  texts: string[];
  /** The running header and footer, when the document has them. */
  pageTexts: string[];
}

/** The seal placeholder both backends print in each party's block. */
export const SEAL_TEXT = "（盖章处）";

const rowLabel = (row: KeyValue) => plainText(row.label);
const rowValue = (row: KeyValue) => plainText(row.value);

/** The layout model of a parsed document. */
export function layoutModel(doc: Document): LayoutModel {
  const model: LayoutModel = { headings: [], tables: [], cells: [], signatures: [], signOff: [], texts: [], pageTexts: [] };
  const text = (value: string) => {
    const squeezed = squeeze(value);
    if (squeezed !== "") model.texts.push(squeezed);
    return squeezed;
  };
  const cell = (value: string) => {
    const squeezed = text(value);
    if (squeezed !== "") model.cells.push(squeezed);
    return squeezed;
  };
  const visit = (blocks: readonly Block[]) => {
    const parts = signOffParts(blocks);
    for (const [i, b] of blocks.entries()) {
      const texts = model.texts.length;
      if (b.type === "title" || b.type === "heading") {
        const squeezed = text(plainText(b.runs));
        if (squeezed !== "") model.headings.push({ text: squeezed, kind: b.type, level: b.type === "title" ? 0 : b.level });
      } else if (b.type === "paragraph") text(plainText(b.runs));
      else if (b.type === "list") for (const item of b.items) visit(item);
      else if (b.type === "code") for (const line of b.text.split("\n")) text(line);
      else if (b.type === "table") {
        model.tables.push({
          header: b.header.map((row) => row.map((c) => cell(plainText(c.runs)))),
          body: b.body.map((row) => row.map((c) => cell(plainText(c.runs)))),
        });
      } else if (b.type === "kv") {
        for (const row of b.rows) {
          cell(rowLabel(row));
          cell(rowValue(row));
        }
      } else if (b.type === "signatures") {
        let all = "";
        for (const party of b.parties) {
          for (const row of party.rows) {
            const label = text(rowLabel(row));
            const value = cell(rowValue(row));
            // Both backends print the label with a colon after it.
            all += (label === "" ? "" : `${label}：`) + value;
          }
        }
        model.signatures.push({ text: all, parties: b.parties.length });
      } else if (b.type === "toc") text(b.title);
      if (parts[i] === true) {
        const signature = b.type === "signatures" ? model.signatures[model.signatures.length - 1]! : undefined;
        const own = signature === undefined ? model.texts.slice(texts).join("") : signature.text + SEAL_TEXT.repeat(signature.parties);
        model.signOff.push({ text: own, signed: b.type === "signatures" || b.type === "table" });
      }
    }
  };
  visit(doc.blocks);
  for (const page of [doc.header, doc.footer]) {
    if (page !== undefined) {
      const squeezed = squeeze(plainText(page.runs));
      if (squeezed !== "") model.pageTexts.push(squeezed);
    }
  }
  return model;
}

/** The layout model of a document's Markdown (the file a golden case keeps as document.md). */
export function layoutModelOfMarkdown(markdown: string): LayoutModel {
  return layoutModel(parseMarkdown(markdown));
}
