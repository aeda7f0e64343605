/**
 * The table property that asks pdfmake to keep a table's last rows on one page: the number
 * of rows (counted with the header rows, as pdfmake counts them) that go to the next page
 * together when they do not all fit on this one, under the header repeated there. pdfmake keeps
 * the header with the first rows after it (`keepWithHeaderRows`) but has no such setting for
 * the end of a table, where a lone last row would otherwise stand on a page of its own.
 */
export const KEEP_LAST_ROWS = "qiyueKeepLastRows";

interface WriterLike {
  beginUnbreakableBlock(): void;
  commitUnbreakableBlock(): void;
}

interface TableProcessorLike {
  tableNode: { table: { body: unknown[]; [KEEP_LAST_ROWS]?: unknown } };
  beginRow(rowIndex: number, writer: WriterLike): void;
  endRow(rowIndex: number, writer: WriterLike, pageBreaks: unknown): void;
}

/** The first row of the ones kept together at the end of the table, if the table asks for it. */
function firstKept(processor: TableProcessorLike): number | undefined {
  const { table } = processor.tableNode;
  const keep = table[KEEP_LAST_ROWS];
  return typeof keep === "number" && keep > 1 && keep <= table.body.length ? table.body.length - keep : undefined;
}

/**
 * Teaches pdfmake's table processor `KEEP_LAST_ROWS`: the rows from the first of them to the
 * last are laid out in one unbreakable block, as pdfmake lays out the header rows and the rows
 * kept with them (each row's own unbreakable block nests inside it). Tables without the
 * property are laid out exactly as before. The kept rows must not overlap the rows kept with
 * the header, and together must fit on a page (pdfmake drops what fits on no page).
 */
export function teachKeepLastRows(processor: { prototype: TableProcessorLike }): void {
  const proto = processor.prototype as TableProcessorLike & { [KEEP_LAST_ROWS]?: true };
  if (proto[KEEP_LAST_ROWS] === true) return;
  const { beginRow, endRow } = proto;
  proto.beginRow = function (this: TableProcessorLike, rowIndex, writer) {
    if (rowIndex === firstKept(this)) writer.beginUnbreakableBlock();
    beginRow.call(this, rowIndex, writer);
  };
  proto.endRow = function (this: TableProcessorLike, rowIndex, writer, pageBreaks) {
    endRow.call(this, rowIndex, writer, pageBreaks);
    if (firstKept(this) !== undefined && rowIndex === this.tableNode.table.body.length - 1) writer.commitUnbreakableBlock();
  };
  proto[KEEP_LAST_ROWS] = true;
}
