import type { Cell } from "./cell.js";
import { HotlineIngestError } from "./errors.js";
import type { RowBatch, RowSource } from "./row-source.js";
import { XmlEvents, type XmlHandler, XmlSyntaxError } from "./xml-events.js";
import { type EntryLimits, entryBytes, readZipEntries, type ZipEntry, ZipError } from "./zip-archive.js";

const BATCH = 512;
const MiB = 1 << 20;

/**
 * How far a spreadsheet's parts may inflate. The shared strings are held in memory, so they
 * are bounded tightly; the worksheet is streamed, so only its ratio matters in practice. A
 * real export compresses its XML about 5–20 to 1; a "zip bomb" by thousands.
 */
export const XLSX_LIMITS: Readonly<Record<"sharedStrings" | "worksheet" | "small", EntryLimits>> = {
  sharedStrings: { maxBytes: 256 * MiB, maxRatio: 200, ratioFrom: 8 * MiB },
  worksheet: { maxBytes: 4096 * MiB, maxRatio: 200, ratioFrom: 8 * MiB },
  small: { maxBytes: 16 * MiB, maxRatio: 200, ratioFrom: 1 * MiB },
};

/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;

/**
 * Reads the first worksheet of an XLSX file: its cells streamed from the archive, shared
 * strings first. Optional parts of the format are optional here too (a cell or row without
 * its `r` reference follows the one before). Every part is inflated within `XLSX_LIMITS`.
 */
export function openXlsxSource(file: string, displayName: string): RowSource {
  let compressedRead = 0;
  return {
    encoding: null,
    bytesRead: () => compressedRead,
    async *batches(): AsyncGenerator<RowBatch, void, undefined> {
      const fail = (detail: string, cause?: unknown, tooLarge = false): HotlineIngestError =>
        new HotlineIngestError(
          tooLarge ? "xlsx-too-large" : "xlsx-unreadable",
          `无法读取 Excel 文件 ${displayName}：${detail}${tooLarge ? "。如确为正常导出，请在 Excel 中另存为 CSV 后再读取" : ""}`,
          { file: displayName },
          cause === undefined ? undefined : { cause },
        );
      const count = (bytes: number): void => {
        compressedRead += bytes;
      };
      try {
        let archive: Awaited<ReturnType<typeof readZipEntries>>;
        try {
          archive = await readZipEntries(file);
        } catch (cause) {
          if (cause instanceof ZipError) throw cause;
          const code = (cause as NodeJS.ErrnoException).code;
          throw new HotlineIngestError("file-unreadable", `无法读取文件 ${displayName}${code ? `（${code}）` : ""}`, { file: displayName }, { cause });
        }
        const { entries } = archive;
        const sheet = await firstWorksheet(file, entries);
        if (sheet === undefined) throw new ZipError("找不到工作表（xl/worksheets/…），不是 Excel（XLSX）文件");
        const sharedEntry = entries.get("xl/sharedStrings.xml");
        const shared = sharedEntry === undefined ? [] : await readSharedStrings(file, sharedEntry, count);

        const reader = new SheetReader(shared);
        const xml = new XmlEvents(reader);
        const decoder = new TextDecoder("utf-8");
        for await (const bytes of entryBytes(file, sheet, XLSX_LIMITS.worksheet, count)) {
          xml.write(decoder.decode(bytes, { stream: true }));
          while (reader.rows.length >= BATCH) yield reader.take(BATCH);
        }
        xml.write(decoder.decode());
        xml.end();
        if (reader.rows.length > 0) yield reader.take(reader.rows.length);
      } catch (cause) {
        if (cause instanceof HotlineIngestError) throw cause;
        if (cause instanceof ZipError) throw fail(cause.message, undefined, cause.tooLarge);
        if (cause instanceof XmlSyntaxError || cause instanceof SheetError) throw fail(cause.message);
        throw fail(cause instanceof Error ? cause.message : String(cause), cause);
      }
    },
  };
}

class SheetError extends Error {
  override readonly name = "SheetError";
}

/** The part of the workbook's first sheet: from workbook.xml and its relationships, else the lowest-numbered sheet. */
async function firstWorksheet(file: string, entries: Map<string, ZipEntry>): Promise<ZipEntry | undefined> {
  const workbook = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (workbook !== undefined && rels !== undefined) {
    let firstId: string | undefined;
    await parsePart(file, workbook, {
      open(name, attributes) {
        if (name !== "sheet" || firstId !== undefined) return;
        firstId = Object.entries(attributes).find(([k]) => k === "id" || k.endsWith(":id"))?.[1];
      },
      close() {},
      text() {},
    });
    let target: string | undefined;
    await parsePart(file, rels, {
      open(name, attributes) {
        if (name === "Relationship" && attributes.Id === firstId) target = attributes.Target;
      },
      close() {},
      text() {},
    });
    if (target !== undefined) {
      const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
      const normal = path.split("/").reduce<string[]>((parts, part) => {
        if (part === "..") parts.pop();
        else if (part !== "." && part !== "") parts.push(part);
        return parts;
      }, []);
      const found = entries.get(normal.join("/"));
      if (found !== undefined) return found;
    }
  }
  const sheets = [...entries.values()]
    .map((e) => ({ e, n: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(e.name)?.[1] }))
    .filter((s) => s.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  return sheets[0]?.e;
}

async function parsePart(file: string, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const xml = new XmlEvents(handler);
  const decoder = new TextDecoder("utf-8");
  for await (const bytes of entryBytes(file, entry, XLSX_LIMITS.small)) xml.write(decoder.decode(bytes, { stream: true }));
  xml.write(decoder.decode());
  xml.end();
}

/** The shared strings: each `<si>`'s text, its runs joined, phonetic guides (`<rPh>`) left out. */
async function readSharedStrings(file: string, entry: ZipEntry, count: (bytes: number) => void): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const xml = new XmlEvents({
    open(name) {
      if (name === "si") current = [];
      else if (name === "t" && current !== null && phonetic === 0) inText = true;
      else if (name === "rPh") phonetic++;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current !== null) {
        strings.push(current.join(""));
        current = null;
      }
    },
    text(text) {
      if (inText) current?.push(text);
    },
  });
  const decoder = new TextDecoder("utf-8");
  for await (const bytes of entryBytes(file, entry, XLSX_LIMITS.sharedStrings, count)) xml.write(decoder.decode(bytes, { stream: true }));
  xml.write(decoder.decode());
  xml.end();
  return strings;
}

/** Column index (0-based) of a cell reference such as `AB12`; -1 when it has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/** Turns the worksheet's XML events into rows of cells. */
class SheetReader implements XmlHandler {
  rows: Cell[][] = [];
  rowNumbers: number[] = [];
  private row: Cell[] | null = null;
  private rowNumber = 0;
  private column = -1;
  private type = "";
  private value = "";
  private capture = false;
  private inInline = false;
  private phonetic = 0;
  private inCell = false;

  constructor(private readonly shared: readonly string[]) {}

  take(n: number): RowBatch {
    const batch = { rowNumbers: this.rowNumbers.splice(0, n), rows: this.rows.splice(0, n) };
    return batch;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    switch (name) {
      case "row": {
        const r = attributes.r === undefined ? Number.NaN : Number.parseInt(attributes.r, 10);
        this.rowNumber = Number.isInteger(r) && r > this.rowNumber ? r : this.rowNumber + 1;
        this.row = [];
        this.column = -1;
        return;
      }
      case "c": {
        const at = attributes.r === undefined ? -1 : columnOf(attributes.r);
        this.column = at > this.column ? at : this.column + 1;
        if (this.column >= MAX_COLUMNS) throw new SheetError(`第 ${this.rowNumber} 行的单元格超出 Excel 的最大列数`);
        this.type = attributes.t ?? "n";
        this.value = "";
        this.inCell = true;
        return;
      }
      case "v":
        this.capture = this.inCell;
        return;
      case "is":
        this.inInline = this.inCell;
        return;
      case "t":
        if (this.inInline && this.phonetic === 0) this.capture = true;
        return;
      case "rPh":
        this.phonetic++;
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case "v":
      case "t":
        this.capture = false;
        return;
      case "is":
        this.inInline = false;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "c":
        if (this.row !== null) {
          const cell = this.cell();
          if (cell !== null) this.row[this.column] = cell;
        }
        this.inCell = false;
        return;
      case "row":
        if (this.row !== null) {
          this.rows.push(this.row);
          this.rowNumbers.push(this.rowNumber);
          this.row = null;
        }
        return;
    }
  }

  text(text: string): void {
    if (this.capture) this.value += text;
  }

  private cell(): Cell {
    const text = this.value;
    switch (this.type) {
      case "s": {
        if (text === "") return null;
        const index = Number(text);
        const found = Number.isInteger(index) ? this.shared[index] : undefined;
        if (found === undefined) throw new SheetError(`第 ${this.rowNumber} 行引用了不存在的共享字符串（${text}）`);
        return found;
      }
      case "inlineStr":
      case "str":
        return text;
      case "b":
        return text === "" ? null : text === "1" || text === "true";
      case "e":
        return null;
      case "d":
        return text === "" ? null : text.replace("T", " ").replace(/(\.\d+)?Z?$/, "");
      default: {
        if (text.trim() === "") return null;
        const n = Number(text);
        return Number.isFinite(n) ? n : text;
      }
    }
  }
}
