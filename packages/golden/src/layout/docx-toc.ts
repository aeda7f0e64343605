import { readZip } from "@qiyue/document";

/** An entry of a DOCX table of contents as printed: its text and the page number after the tab. */
export interface DocxTocEntry {
  text: string;
  page: number;
  /** 1 for a TOC1 paragraph, 2 for TOC2… */
  level: number;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, "&");

/**
 * The entries of the table of contents in word/document.xml: the paragraphs styled TOC1, TOC2…,
 * read as the text before the last tab and the page number after it. Entries without a number
 * are left out.
 */
export function docxTocEntries(documentXml: string): DocxTocEntry[] {
  const entries: DocxTocEntry[] = [];
  for (const match of documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const paragraph = match[1]!;
    const style = /<w:pStyle\s+w:val="TOC(\d+)"/.exec(paragraph);
    if (style === null) continue;
    const body = paragraph.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, "").replace(/<w:instrText\b[^>]*>[\s\S]*?<\/w:instrText>/g, "");
    let text = "";
    for (const piece of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:tab\s*\/>/g)) {
      text += piece[1] === undefined ? "\t" : unescapeXml(piece[1]);
    }
    const tab = text.lastIndexOf("\t");
    if (tab < 0) continue;
    const page = text.slice(tab + 1).trim();
    if (!/^\d+$/.test(page)) continue;
    entries.push({ text: text.slice(0, tab).trim(), page: Number(page), level: Number(style[1]) });
  }
  return entries;
}

/** The table of contents of a DOCX file (empty when it has none). */
export function docxToc(docx: Uint8Array): DocxTocEntry[] {
  const part = readZip(docx).get("word/document.xml");
  return part === undefined ? [] : docxTocEntries(new TextDecoder().decode(part));
}
