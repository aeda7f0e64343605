const MiB = 1 << 20;

/** How much `readSource` reads at most. A signed contract's text is well under 1 MiB. */
export const LIMITS = {
  /** A .txt or .md file. */
  textBytes: 8 * MiB,
  /** A .docx file (its pictures count too, though only the text is read). */
  docxBytes: 128 * MiB,
  /** word/document.xml once inflated, and the most bytes out per byte in past `ratioFrom`. */
  documentXml: { maxBytes: 64 * MiB, maxRatio: 200, ratioFrom: 8 * MiB },
  /** word/numbering.xml and word/styles.xml once inflated. */
  smallPart: { maxBytes: 16 * MiB, maxRatio: 200, ratioFrom: 1 * MiB },
  /** Members listed in a .docx's ZIP directory. */
  docxEntries: 10_000,
  /** A .pdf file. */
  pdfBytes: 128 * MiB,
  /** Pages of a PDF. */
  pdfPages: 2_000,
  /** Seconds spent reading a PDF's pages (a contract of 100 pages takes a few). */
  pdfSeconds: 120,
} as const;

export function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;
}
