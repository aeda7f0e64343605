import { describe, expect, it } from "vitest";
import { prettyXml } from "./xml.js";

describe("prettyXml", () => {
  it("puts one element on a line, indented, with text elements on one line and their spaces kept", () => {
    const xml = '<?xml version="1.0"?><w:p><w:r><w:t xml:space="preserve">  两个空格 </w:t></w:r><w:r><w:br/></w:r></w:p>';
    expect(prettyXml(xml)).toBe(
      [
        '<?xml version="1.0"?>',
        "<w:p>",
        "  <w:r>",
        '    <w:t xml:space="preserve">  两个空格 </w:t>',
        "  </w:r>",
        "  <w:r>",
        "    <w:br/>",
        "  </w:r>",
        "</w:p>",
        "",
      ].join("\n"),
    );
  });

  it("orders attributes: namespace declarations first, then by name, so the order written does not matter", () => {
    const a = prettyXml('<a z="1" xmlns:w="u" b="2" xmlns="v"/>');
    const b = prettyXml('<a xmlns="v" b="2" z="1" xmlns:w="u"/>');
    expect(a).toBe('<a xmlns="v" xmlns:w="u" b="2" z="1"/>\n');
    expect(b).toBe(a);
  });

  it("breaks a long tag into one attribute a line", () => {
    const attributes = Array.from({ length: 8 }, (_, i) => `xmlns:n${i}="http://schemas.example.org/namespace/${i}"`).join(" ");
    const lines = prettyXml(`<root ${attributes}><x/></root>`).split("\n");
    expect(lines[0]).toBe("<root");
    expect(lines[1]).toBe('    xmlns:n0="http://schemas.example.org/namespace/0"');
    expect(lines[9]).toBe(">");
    expect(lines[10]).toBe("  <x/>");
  });

  it("replaces random revision and paragraph ids by their order of appearance, the same value the same way", () => {
    const xml = '<b><p w14:paraId="3F2A11BC" w:rsidR="00AB12CD"/><p w14:paraId="0012FFAA" w:rsidR="00AB12CD" w:rsidRPr="00FF0000"/></b>';
    expect(prettyXml(xml)).toBe(
      ["<b>", '  <p w14:paraId="para-1" w:rsidR="rsid-1"/>', '  <p w14:paraId="para-2" w:rsidR="rsid-1" w:rsidRPr="rsid-2"/>', "</b>", ""].join("\n"),
    );
  });

  it("keeps comments, processing instructions, CDATA, entities and single-quoted values", () => {
    const out = prettyXml("<a><!-- 注释 --><?pi x?><b c='say \"hi\"'>&amp;&lt;</b><![CDATA[<raw>]]></a>");
    expect(out).toContain("  <!-- 注释 -->");
    expect(out).toContain("  <?pi x?>");
    expect(out).toContain('<b c="say &quot;hi&quot;">&amp;&lt;</b>');
    expect(out).toContain("  <![CDATA[<raw>]]>");
  });

  it("refuses broken XML", () => {
    expect(() => prettyXml("<a><b></a>")).toThrow(/XML/);
    expect(() => prettyXml("<a>")).toThrow(/没有结束/);
  });
});
