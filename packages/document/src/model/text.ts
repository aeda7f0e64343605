import type { Block, KeyValue, Run } from "./types.js";

/** The text of runs without marks. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join("");
}

/** Calls `visit` for every block, depth first, including blocks inside list items. */
export function walkBlocks(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.type === "list") {
      for (const item of block.items) walkBlocks(item, visit);
    }
  }
}

/**
 * Whether a paragraph is a block of printed lines (forced line breaks inside it), such as a
 * party's name, address and postal code: its lines start flush, without a first-line indent.
 */
export function isLineBlock(runs: readonly Run[]): boolean {
  return runs.some((run) => run.text.includes("\n"));
}

/** The longest paragraph taken for a lead-in: a line or two, not a paragraph of prose. */
const LEAD_IN_MAX_CHARS = 60;

/**
 * Whether a paragraph leads into what follows (“付款条件：”, “依据：”, “逐项核对如下：”): short,
 * ending with a colon. Like a heading, it stays on the page of what it introduces.
 */
export function isLeadIn(runs: readonly Run[]): boolean {
  const text = plainText(runs).trim();
  return text.length <= LEAD_IN_MAX_CHARS && /[：:]$/u.test(text);
}

/** A signature row as read: “标签：值”, or the value alone when the row has no label. */
function signatureLine(row: KeyValue): string {
  const label = plainText(row.label);
  return label.trim() === "" ? plainText(row.value) : `${label}：${plainText(row.value)}`;
}

/**
 * The reading text of a document, one line per paragraph, heading, list item, table row
 * ("a | b"), key-value row ("标签：值") and signature line: what a reader of either format sees.
 */
export function documentText(blocks: readonly Block[]): string {
  const out: string[] = [];
  walkBlocks(blocks, (b) => {
    if (b.type === "title" || b.type === "heading" || b.type === "paragraph") out.push(plainText(b.runs));
    else if (b.type === "table") for (const row of [...b.header, ...b.body]) out.push(row.map((c) => plainText(c.runs)).join(" | "));
    else if (b.type === "kv") for (const r of b.rows) out.push(`${plainText(r.label)}：${plainText(r.value)}`);
    else if (b.type === "signatures") for (const p of b.parties) for (const r of p.rows) out.push(signatureLine(r));
  });
  return out.join("\n");
}

/** The runs of every text of the blocks, as `documentText` reads them: paragraphs, headings, cells, rows. */
function textRuns(blocks: readonly Block[]): (readonly Run[])[] {
  const out: (readonly Run[])[] = [];
  walkBlocks(blocks, (b) => {
    if (b.type === "title" || b.type === "heading" || b.type === "paragraph") out.push(b.runs);
    else if (b.type === "table") for (const row of [...b.header, ...b.body]) for (const cell of row) out.push(cell.runs);
    else if (b.type === "kv") for (const r of b.rows) out.push(r.label, r.value);
    else if (b.type === "signatures") for (const p of b.parties) for (const r of p.rows) out.push(r.label, r.value);
  });
  return out;
}

/**
 * The editor's notes a document prints (`Run.note`: 〔注：大写应为…〕), each once in the order first
 * printed, with how often it is printed: what a command tells its user the document adds to the
 * words it reprints.
 */
export function editorNotes(blocks: readonly Block[]): { text: string; count: number }[] {
  const found = new Map<string, number>();
  for (const runs of textRuns(blocks)) {
    let note = "";
    for (const run of [...runs, { text: "" }]) {
      if (run.note === true) {
        note += run.text;
        continue;
      }
      if (note !== "") found.set(note, (found.get(note) ?? 0) + 1);
      note = "";
    }
  }
  return [...found].map(([text, count]) => ({ text, count }));
}

/** Joins neighbouring runs that carry the same marks. */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      prev.bold === run.bold &&
      prev.italic === run.italic &&
      prev.code === run.code &&
      prev.link === run.link &&
      prev.note === run.note
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + run.text };
    } else {
      out.push({ ...run });
    }
  }
  return out;
}
