import { readZip } from "@qiyue/document";

/**
 * The text of a DOCX as a reader sees it, for comparing with the PDF's: word/document.xml's
 * paragraphs in order, with the numbers Word puts before numbered list items (from
 * numbering.xml: decimal levels; bullets print no text), and a mark where a picture stands.
 * Whitespace, WORD JOINERs (U+2060) and ZERO WIDTH SPACEs (U+200B), which have no width, are left out. Also the text of every table
 * header row, which the PDF repeats on each page a table runs onto.
 */
export interface DocxReading {
  text: string;
  headerRows: string[];
  /** Where list numbers stand in `text`: [start, end) offsets. */
  markers: [number, number][];
}

/** Stands for a picture (a chart) in `DocxReading.text`. */
export const PICTURE = "\u{F8FF}";

interface Level {
  format: string;
  text: string;
  start: number;
}

const attr = (xml: string, tag: string): string | undefined => new RegExp(`<w:${tag}\\s+w:val="([^"]*)"`).exec(xml)?.[1];

function levelsOf(numbering: string): (numId: string, ilvl: number) => Level | undefined {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of numbering.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), { format: attr(l[2]!, "numFmt") ?? "decimal", text: attr(l[2]!, "lvlText") ?? "", start: Number(attr(l[2]!, "start") ?? 1) });
    }
    abstracts.set(m[1]!, levels);
  }
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const m of numbering.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const starts = new Map<number, number>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2]!, "startOverride");
      if (start !== undefined) starts.set(Number(o[1]), Number(start));
    }
    nums.set(m[1]!, { abstract: attr(m[2]!, "abstractNumId") ?? "", starts });
  }
  return (numId, ilvl) => {
    const num = nums.get(numId);
    const level = num === undefined ? undefined : abstracts.get(num.abstract)?.get(ilvl);
    if (num === undefined || level === undefined) return undefined;
    return { ...level, start: num.starts.get(ilvl) ?? level.start };
  };
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[e] !== undefined) return named[e];
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

const runText = (xml: string): string =>
  decodeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:drawing>/g)].map((m) => (m[0] === "<w:drawing>" ? PICTURE : m[1]!)).join(""));

const squeeze = (text: string): string => text.replace(/[\s\u2060\u200b]+/g, "");

export function readDocx(docx: Uint8Array): DocxReading {
  const parts = readZip(docx);
  const xml = new TextDecoder().decode(parts.get("word/document.xml"));
  const numbering = parts.get("word/numbering.xml");
  const level = levelsOf(numbering === undefined ? "" : new TextDecoder().decode(numbering));
  const counters = new Map<string, number[]>();
  let text = "";
  const markers: [number, number][] = [];
  for (const p of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/g)) {
    const body = p[1] ?? "";
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body)?.[1];
    let marker = "";
    if (numPr !== undefined) {
      const numId = attr(numPr, "numId") ?? "";
      const ilvl = Number(attr(numPr, "ilvl") ?? 0);
      const counts = counters.get(numId) ?? [];
      counters.set(numId, counts);
      const lvl = level(numId, ilvl);
      if (lvl === undefined) throw new Error(`numbering.xml has no level ${ilvl} of list ${numId}`);
      counts[ilvl] = (counts[ilvl] ?? lvl.start - 1) + 1;
      counts.length = ilvl + 1;
      if (lvl.format === "decimal") marker = lvl.text.replace(/%(\d)/g, (_, k: string) => String(counts[Number(k) - 1] ?? 1));
      else if (lvl.format !== "bullet") throw new Error(`list number format ${lvl.format} is not read here`);
    }
    const m = squeeze(marker);
    if (m !== "") markers.push([text.length, text.length + m.length]);
    text += m + squeeze(runText(body));
  }
  const headerRows: string[] = [];
  for (const row of xml.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)) {
    if (/<w:tblHeader\s*\/>|<w:tblHeader\s+w:val="(?:on|true|1)"\s*\/>/.test(row[1]!)) headerRows.push(squeeze(runText(row[1]!)));
  }
  return { text, headerRows, markers };
}
