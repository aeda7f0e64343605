import { deflateRawSync } from "node:zlib";
import { Zip, ZipPassThrough } from "fflate";
import { setZipEntryTimesInBytes } from "./sample/zip-timestamps.js";

/** One worksheet of a table workbook: a header row, then the rows. */
export interface TableSheet {
  /** At most 31 characters, none of \ / ? * [ ] : (Excel's rule). */
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: Iterable<readonly (string | number)[]>;
  /** Column widths in characters, by column. */
  readonly widths?: readonly number[];
}

const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));
const ZIP_END = new Date(Date.UTC(2107, 11, 31, 23, 59, 58));

/** Excel's limits: rows per sheet, characters per cell, characters per sheet name. */
const MAX_ROWS = 1_048_576;
const MAX_CELL_CHARS = 32_767;
const MAX_SHEET_NAME = 31;
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;

/**
 * A text as SpreadsheetML holds it: XML escaped, characters XML cannot hold written as
 * `_xHHHH_`, and a literal `_xHHHH_` in the text protected so that it reads back as typed.
 */
function xmlText(text: string): string {
  let out = text.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`);
  out = out.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return out.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cell(value: string | number, ref: string, style: string): string {
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  const text = String(value);
  if (text.length > MAX_CELL_CHARS) throw new RangeError(`单元格 ${ref} 有 ${text.length} 个字符，Excel 每格最多 ${MAX_CELL_CHARS} 个`);
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function rowXml(values: readonly (string | number)[], index: number, columns: readonly string[], style: string): string {
  let xml = `<row r="${index}">`;
  for (let c = 0; c < values.length; c++) xml += cell(values[c]!, `${columns[c] ?? columnName(c)}${index}`, style);
  return `${xml}</row>`;
}

function sheetXml(table: TableSheet): string {
  const columns = Array.from({ length: Math.max(table.header.length, table.widths?.length ?? 0) }, (_, i) => columnName(i));
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    // the header row stays in view while the rows scroll
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (table.widths !== undefined && table.widths.length > 0) {
    parts.push(`<cols>${table.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`);
  }
  parts.push("<sheetData>", rowXml(table.header, 1, columns, ' s="1"'));
  let index = 1;
  for (const row of table.rows) {
    if (++index > MAX_ROWS) throw new RangeError(`工作表“${table.name}”超过 Excel 的 ${MAX_ROWS} 行`);
    parts.push(rowXml(row, index, columns, ""));
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

const CONTENT_TYPES = (count: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from(
    { length: count },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join(
    "",
  )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';

const APP =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>qiyue</Application></Properties>';

/** Two cell formats: the default, and bold for the header row. */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function core(timestamp: Date): string {
  const when = timestamp.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>qiyue</dc:creator><cp:lastModifiedBy>qiyue</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

function workbookXml(names: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${names
    .map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
}

function workbookRels(count: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from(
    { length: count },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("")}<Relationship Id="rId${count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
}

function checkSheetNames(sheets: readonly TableSheet[]): void {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (name.length === 0 || name.length > MAX_SHEET_NAME || SHEET_NAME_FORBIDDEN.test(name)) {
      throw new RangeError(`工作表名“${name}”不可用：Excel 要求 1 至 ${MAX_SHEET_NAME} 个字符，且不含 \\ / ? * [ ] :`);
    }
    const key = name.toLowerCase();
    if (seen.has(key)) throw new RangeError(`工作表名“${name}”重复`);
    seen.add(key);
  }
}

/**
 * An XLSX workbook of plain tables, in memory, one worksheet per table (header row in bold and
 * frozen, text as inline strings, numbers as numbers). The bytes depend only on the tables and
 * `timestamp`: the workbook's dates and every zip entry time are set from it, never from the
 * clock or the time zone.
 *
 * Written here rather than with a spreadsheet library: plain tables need a few fixed parts and
 * one XML element per cell, and the monthly report writes one on every run, where loading
 * exceljs (several hundred modules) cost a third of a second. Reading exports stays with exceljs.
 */
export async function tableWorkbookBytes(sheets: readonly TableSheet[], options: { timestamp: Date }): Promise<Uint8Array> {
  checkSheetNames(sheets);
  // ZIP holds dates from 1980 to 2107: an instant outside is written as the nearest end there.
  const mtime = new Date(Math.min(Math.max(options.timestamp.getTime(), ZIP_EPOCH.getTime()), ZIP_END.getTime()));
  const encoder = new TextEncoder();
  const parts: [string, string][] = [
    ["[Content_Types].xml", CONTENT_TYPES(sheets.length)],
    ["_rels/.rels", ROOT_RELS],
    ["docProps/app.xml", APP],
    ["docProps/core.xml", core(options.timestamp)],
    ["xl/workbook.xml", workbookXml(sheets.map((s) => s.name))],
    ["xl/_rels/workbook.xml.rels", workbookRels(sheets.length)],
    ["xl/styles.xml", STYLES],
  ];
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error !== null) throw error;
    chunks.push(chunk);
  });
  const add = (name: string, xml: string) => {
    const entry = new NativeDeflate(name);
    // a fixed local date, in range in every time zone; the entry times are set below
    entry.mtime = new Date(2000, 0, 1);
    zip.add(entry);
    entry.push(encoder.encode(xml), true);
  };
  for (const [name, xml] of parts) add(name, xml);
  for (const [i, table] of sheets.entries()) add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(table));
  zip.end();
  const bytes = Buffer.concat(chunks);
  setZipEntryTimesInBytes(bytes, mtime);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A zip entry deflated by Node's zlib, several times faster than fflate's own DEFLATE (fflate's
 * documented way: a ZipPassThrough whose process() compresses). Each entry is pushed whole.
 */
class NativeDeflate extends ZipPassThrough {
  constructor(name: string) {
    super(name);
    this.compression = 8;
  }

  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk, { level: 6 }), final);
  }
}
