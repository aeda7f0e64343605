import { crc32 as zlibCrc32 } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { normalizePackage, partOrder } from "./normalize.js";
import { crc32, readZip, writeZip } from "./zip.js";

const encode = (s: string) => new TextEncoder().encode(s);

describe("zip", () => {
  it("computes CRC-32 as zlib does", () => {
    const data = encode("北京市12345热线".repeat(50));
    if (typeof zlibCrc32 === "function") expect(crc32(data)).toBe(zlibCrc32(data));
    expect(crc32(encode("123456789"))).toBe(0xcbf43926);
  });

  it("writes a package JSZip reads, with the given date and order, and reads it back", async () => {
    const entries: [string, Uint8Array][] = [
      ["[Content_Types].xml", encode("<Types/>")],
      ["word/document.xml", encode("<w:document>正文</w:document>")],
    ];
    const zip = writeZip(entries, new Date("2026-03-19T08:30:14Z"));
    const read = await JSZip.loadAsync(zip);
    expect(Object.keys(read.files)).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(await read.file("word/document.xml")!.async("string")).toBe("<w:document>正文</w:document>");
    expect(read.file("word/document.xml")!.date.toISOString()).toBe("2026-03-19T08:30:14.000Z");
    expect([...readZip(zip).keys()]).toEqual(["[Content_Types].xml", "word/document.xml"]);
    // Dates before 1980 cannot be written in a ZIP file.
    const early = await JSZip.loadAsync(writeZip(entries, new Date(0)));
    expect(early.file("word/document.xml")!.date.toISOString()).toBe("1980-01-01T00:00:00.000Z");
  });

  it("stores images as they are and deflates the rest; a part seen before gives the same bytes", async () => {
    const png = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
    const xml = encode("<w:p>正文</w:p>".repeat(400));
    const entries: [string, Uint8Array][] = [
      ["word/document.xml", xml],
      ["word/media/image1.png", png],
    ];
    const first = writeZip(entries, new Date("2026-03-19T00:00:00Z"));
    const read = await JSZip.loadAsync(first);
    expect(await read.file("word/media/image1.png")!.async("uint8array")).toEqual(png);
    expect(await read.file("word/document.xml")!.async("uint8array")).toEqual(xml);
    // the local header's method: 0 stored, 8 deflated
    const method = (name: string) => {
      const at = Buffer.from(first).indexOf(name) - 30;
      return Buffer.from(first).readUInt16LE(at + 8);
    };
    expect(method("word/media/image1.png")).toBe(0);
    expect(method("word/document.xml")).toBe(8);
    expect(first.length).toBeLessThan(xml.length);
    // the second time, the deflated part comes from the cache: the bytes are the same
    expect(Buffer.compare(writeZip(entries, new Date("2026-03-19T00:00:00Z")), first)).toBe(0);
    // a different part of the same name and size is deflated afresh
    const other = encode("<w:p>正本</w:p>".repeat(400));
    const changed = await JSZip.loadAsync(writeZip([["word/document.xml", other]], new Date("2026-03-19T00:00:00Z")));
    expect(await changed.file("word/document.xml")!.async("uint8array")).toEqual(other);
  });
});

describe("normalizePackage", () => {
  it("puts the content types and package relationships first", () => {
    expect(partOrder(["word/b.xml", "_rels/.rels", "a.xml", "[Content_Types].xml"])).toEqual(["[Content_Types].xml", "_rels/.rels", "a.xml", "word/b.xml"]);
  });

  it("renames random relationship ids and renumbers drawings and bookmarks in order", () => {
    const parts = new Map<string, string>([
      ["word/_rels/document.xml.rels", '<Relationship Id="rId1" Target="styles.xml"/><Relationship Id="x9k2ab_c-dq" Target="https://a"/>'],
      [
        "word/document.xml",
        '<w:hyperlink r:id="x9k2ab_c-dq"/><wp:docPr id="17" name="a"/><wp:docPr id="40"/><w:bookmarkStart w:name="_Toc1" w:id="7"/><w:bookmarkEnd w:id="7"/>',
      ],
      ["docProps/core.xml", '<dcterms:created xsi:type="dcterms:W3CDTF">2031-01-01T00:00:00Z</dcterms:created>'],
    ]);
    const out = new Map(normalizePackage(parts, new Date("2026-01-01T00:00:00Z")).map(([n, d]) => [n, new TextDecoder().decode(d)]));
    expect(out.get("word/_rels/document.xml.rels")).toBe('<Relationship Id="rId1" Target="styles.xml"/><Relationship Id="rIdQ1" Target="https://a"/>');
    expect(out.get("word/document.xml")).toBe(
      '<w:hyperlink r:id="rIdQ1"/><wp:docPr id="1" name="a"/><wp:docPr id="2"/><w:bookmarkStart w:name="_Toc1" w:id="0"/><w:bookmarkEnd w:id="0"/>',
    );
    expect(out.get("docProps/core.xml")).toContain(">2026-01-01T00:00:00Z<");
  });
});
