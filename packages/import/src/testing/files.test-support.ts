/**
 * Test support: small ZIP archives, Word files and PDFs written byte by byte, so that a test
 * can hold exactly the structure it checks (a numbering part, a lying size, a broken xref).
 */
import { deflateRawSync } from "node:zlib";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipMember {
  name: string;
  data: string | Uint8Array;
  /** 0 stored, 8 deflated (the default). */
  method?: 0 | 8;
  /** The uncompressed size to declare, when it should differ from the truth (a lying archive). */
  declaredSize?: number;
}

/** A ZIP archive of the members, in order. */
export function makeZip(members: readonly ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const raw = typeof m.data === "string" ? Buffer.from(m.data, "utf8") : Buffer.from(m.data);
    const method = m.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw, { level: 9 }) : raw;
    const name = Buffer.from(m.name, "utf8");
    const size = m.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** A Word file whose body is `body` (the XML inside w:body), with numbering.xml and styles.xml when given. */
export function makeDocx(body: string, parts: { numbering?: string; styles?: string; extra?: ZipMember[] } = {}): Buffer {
  const members: ZipMember[] = [
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>` },
  ];
  if (parts.numbering !== undefined) members.push({ name: "word/numbering.xml", data: `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${parts.numbering}</w:numbering>` });
  if (parts.styles !== undefined) members.push({ name: "word/styles.xml", data: `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${parts.styles}</w:styles>` });
  members.push(...(parts.extra ?? []));
  return makeZip(members);
}

/** A paragraph of runs; `props` goes into w:pPr. */
export function p(text: string, props = ""): string {
  return `<w:p>${props === "" ? "" : `<w:pPr>${props}</w:pPr>`}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A PDF object body, by number from 1. */
export type PdfObjects = readonly string[];

/**
 * A PDF of the given objects (1 is the catalog), with a correct xref table unless `xref` says
 * otherwise: "wrong-offsets" points every entry at byte 0, "missing" leaves the table out.
 */
export function makePdf(objects: PdfObjects, xref: "ok" | "wrong-offsets" | "missing" = "ok"): Buffer {
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const start = Buffer.byteLength(out, "latin1");
  if (xref !== "missing") {
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) out += `${String(xref === "ok" ? o : 0).padStart(10, "0")} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${start}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A one-page PDF that prints `lines` (ASCII) in Helvetica, one under the other. */
export function textPdf(lines: readonly string[], xref: "ok" | "wrong-offsets" | "missing" = "ok"): Buffer {
  const ops = lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 20} Td (${l.replace(/[()\\]/g, "\\$&")}) Tj ET`).join("\n");
  return makePdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
    ],
    xref,
  );
}

/** A PDF of `pages` pages that each show only an image (a scan): no text at all. */
export function scannedPdf(pages = 2): Buffer {
  const gray = "\x80".repeat(16 * 16);
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const kids: string[] = [];
  const image = 3;
  objects.push(`<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${gray.length} >>\nstream\n${gray}\nendstream`);
  for (let i = 0; i < pages; i++) {
    const ops = "q 500 0 0 700 50 50 cm /Im1 Do Q";
    const content = objects.length + 1;
    objects.push(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
    const page = objects.length + 1;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 ${image} 0 R >> >> /Contents ${content} 0 R >>`);
    kids.push(`${page} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${pages} >>`;
  return makePdf(objects);
}
