// Writes the hostile XLSX fixtures beside it: `node make-xlsx.mjs`. Deterministic bytes.
import { writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A ZIP of deflated members; `declare` overrides the uncompressed size written in the headers. */
export function zip(members) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, declare } of members) {
    const raw = Buffer.isBuffer(data) ? data : Buffer.from(data);
    const packed = deflateRawSync(raw, { level: 9 });
    const nameBytes = Buffer.from(name);
    const size = declare ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="工单" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const parts = (sheet, shared) => [
  { name: "xl/workbook.xml", data: workbook },
  { name: "xl/_rels/workbook.xml.rels", data: rels },
  ...(shared === undefined ? [] : [shared]),
  { name: "xl/worksheets/sheet1.xml", data: sheet },
];
const sheetXml = (rows) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const sharedXml = (strings) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`;

// A valid sheet whose rows and cells carry no r= reference (the attribute is optional), shared and inline strings mixed.
const strings = ["工单编号", "受理时间", "诉求类型", "满意度", "投诉", "满意", "主办单位"];
const noRef = sheetXml(
  [
    `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c t="s"><v>6</v></c></row>`,
    `<row><c t="inlineStr"><is><t>N1</t></is></c><c t="inlineStr"><is><t>2026-04-01 08:00</t></is></c><c t="s"><v>4</v></c><c t="s"><v>5</v></c></row>`,
    `<row><c t="inlineStr"><is><t>N2</t></is></c><c><v>46113.5</v></c><c t="s"><v>4</v></c></row>`,
    // a row with a gap: the cell after it says where it is
    `<row><c t="inlineStr"><is><t>N3</t></is></c><c><v>46113.25</v></c><c t="s"><v>4</v></c><c r="E4" t="inlineStr"><is><t>滨河街道办事处</t></is></c></row>`,
  ].join(""),
);
writeFileSync(new URL("no-cell-references.xlsx", import.meta.url), zip(parts(noRef, { name: "xl/sharedStrings.xml", data: sharedXml(strings) })));

// Shared strings that inflate 64 MiB from ~64 KiB; the sheet is an ordinary one.
const bomb = Buffer.concat([Buffer.from(sharedXml(["工单编号"]).replace("</sst>", "<si><t>")), Buffer.alloc(64 << 20, 0x61), Buffer.from("</t></si></sst>")]);
const header = sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
writeFileSync(new URL("bomb-declared.xlsx", import.meta.url), zip(parts(header, { name: "xl/sharedStrings.xml", data: bomb })));
// The same, its headers claiming 2 KiB: only counting the inflated bytes catches it.
writeFileSync(new URL("bomb-understated.xlsx", import.meta.url), zip(parts(header, { name: "xl/sharedStrings.xml", data: bomb, declare: 2048 })));
