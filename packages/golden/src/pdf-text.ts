import { runProgram } from "./tools.js";

/** Page files are numbered with three digits: pdf/page-001.txt. */
export const pageName = (page: number, extension: string) => `page-${String(page).padStart(3, "0")}.${extension}`;

const trimLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n*$/, "\n");

/**
 * The text of each page as `pdftotext -layout -f N -l N` prints it (one run over the whole
 * file, split at the form feeds that end each page: the same text), trailing spaces removed
 * from every line so that editors cannot change a golden file by saving it.
 */
export async function pdfPages(path: string): Promise<string[]> {
  const text = await runProgram("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]);
  const pages = text.split("\f");
  if (pages[pages.length - 1] === "") pages.pop();
  return pages.map(trimLines);
}

const INFO_FIELDS = ["Title", "Subject", "Author", "Creator", "Producer", "Pages", "Page size", "PDF version"] as const;

/**
 * pdf/info.txt: the document's properties and page count from `pdfinfo` (dates left out:
 * pdfinfo prints them in the local time zone; the bytes in hashes.txt cover them), and every
 * font from `pdffonts` with its type and whether it is embedded and subset.
 */
export async function pdfInfo(path: string): Promise<{ text: string; pages: number; fonts: PdfFont[] }> {
  const [info, fontTable] = await Promise.all([runProgram("pdfinfo", ["-enc", "UTF-8", path]), runProgram("pdffonts", [path])]);
  const fields = new Map<string, string>();
  for (const line of info.split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match !== null) fields.set(match[1]!.trim(), match[2]!.trim());
  }
  const fonts = parseFonts(fontTable);
  const lines = INFO_FIELDS.filter((f) => fields.has(f)).map((f) => `${f}: ${fields.get(f)}`);
  lines.push(`Fonts: ${fonts.length}`);
  for (const font of fonts) {
    lines.push(`  ${font.name} | ${font.type} | ${font.encoding} | emb ${yesNo(font.embedded)} | sub ${yesNo(font.subset)} | uni ${yesNo(font.unicode)}`);
  }
  return { text: `${lines.join("\n")}\n`, pages: Number(fields.get("Pages") ?? 0), fonts };
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

export interface PdfFont {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/**
 * Reads pdffonts' table from both ends: the name is the first word (a PDF name has no
 * spaces), the last five columns are emb, sub, uni, object and generation, the encoding comes
 * before them and the type (which may have spaces, "CID TrueType") fills the rest.
 */
export function parseFonts(table: string): PdfFont[] {
  return table
    .split("\n")
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 8)
    .map((cols) => {
      const n = cols.length;
      return {
        name: cols[0]!,
        type: cols.slice(1, n - 6).join(" "),
        encoding: cols[n - 6]!,
        embedded: cols[n - 5] === "yes",
        subset: cols[n - 4] === "yes",
        unicode: cols[n - 3] === "yes",
      };
    });
}
