/**
 * The document model: plain, serialisable data that both backends read.
 * Markdown is parsed into it; DOCX and PDF are rendered from it.
 */

/** A piece of inline text with one set of marks. `text` may hold "\n" for a hard line break. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** A plain hyperlink target: written into the file as a link, never fetched. */
  link?: string;
  /**
   * An editor's note beside the document's own words (〔注：大写应为…〕), not part of them: set
   * apart in 楷体 a size smaller (see `EDITOR_NOTE`). Written `:note[…]` in the Markdown.
   */
  note?: boolean;
}

export type Align = "left" | "center" | "right" | "justify";

export type ThemeName = "formal" | "plain";

export interface Meta {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
}

/** Text repeated on every page above (header) or below (footer) the text block. */
export interface PageText {
  runs: Run[];
  align: Align;
}

/** The document title: the first `# ` heading and any later `# ` heading (e.g. an annex title). */
export interface TitleBlock {
  type: "title";
  runs: Run[];
}

/** Level 1 is `##` (styled like “一、”), level 2 is `###` (“（一）”), level 3 is `####` and deeper. */
export interface HeadingBlock {
  type: "heading";
  level: 1 | 2 | 3;
  runs: Run[];
}

export interface ParagraphBlock {
  type: "paragraph";
  runs: Run[];
  align: Align;
}

export interface ListBlock {
  type: "list";
  ordered: boolean;
  /** Number of the first item (1 for bullet lists). */
  start: number;
  items: Block[][];
}

export interface TableCell {
  runs: Run[];
}

export interface TableBlock {
  type: "table";
  header: TableCell[][];
  body: TableCell[][];
  /** Alignment of each column. */
  align: Align[];
  /** Relative column widths; when absent, both backends size the columns from their content. */
  widths?: number[];
  /** The header rows are repeated at the top of every page the table continues on. */
  repeatHeader: true;
}

export interface KeyValue {
  label: Run[];
  value: Run[];
}

/** A two-column key–value table (`:::kv`). */
export interface KvBlock {
  type: "kv";
  rows: KeyValue[];
}

/**
 * One side's signature block: its rows in order. A row is “标签：值” with a line to write on; a
 * row with an empty label is printed as its value alone (a date or “(盖章)” on its own line).
 */
export interface Party {
  rows: KeyValue[];
}

/** Parties side by side, each with a seal placeholder and signature lines (`::::signatures`). */
export interface SignaturesBlock {
  type: "signatures";
  parties: Party[];
}

export interface PageBreakBlock {
  type: "pagebreak";
}

export interface TocBlock {
  type: "toc";
  title: string;
}

/** A chart whose SVG is supplied at render time under `id`. Sizes are in points. */
export interface ChartBlock {
  type: "chart";
  id: string;
  width: number;
  height: number;
  /** 1-based Markdown line of the directive, for error messages. */
  line?: number;
}

export interface RuleBlock {
  type: "rule";
}

/** Preformatted text (fenced or indented code); lines are kept as written. */
export interface CodeBlock {
  type: "code";
  text: string;
}

export type Block =
  | TitleBlock
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | KvBlock
  | SignaturesBlock
  | PageBreakBlock
  | TocBlock
  | ChartBlock
  | RuleBlock
  | CodeBlock;

export interface Document {
  meta: Meta;
  theme: ThemeName;
  header?: PageText;
  footer?: PageText;
  blocks: Block[];
}
