import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ImportError } from "../../errors.js";
import { makeDocx, makeZip, p } from "../../testing/files.test-support.js";
import { readSource } from "../read-source.js";

const dir = mkdtempSync(join(tmpdir(), "qiyue-docx-"));
let count = 0;
async function read(bytes: Buffer) {
  const file = join(dir, `t${++count}.docx`);
  writeFileSync(file, bytes);
  return readSource(file, { name: "合同.docx" });
}
const texts = (s: { lines: { text: string }[] }) => s.lines.map((l) => l.text);

const NUMBERING = `
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%3）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>`;
const num = (id: number, level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`;

describe("reading a Word file", () => {
  it("leaves out the marks of no width that only steer line breaking (as qiyue's own DOCX files carry)", async () => {
    const J = "\u2060";
    const source = await read(makeDocx(p(`服务期自2024${J}年${J}12${J}月${J}31${J}日止，工单2026040600001、\u200b2026041000003，合同金额壹佰万元${J}整`)));
    expect(texts(source)).toEqual(["服务期自2024年12月31日止，工单2026040600001、2026041000003，合同金额壹佰万元整"]);
  });

  it("reads a file LibreOffice wrote: paragraphs in order, list numbers, a table's rows as cells", async () => {
    const fixture = fileURLToPath(new URL("../__fixtures__/service-contract.docx", import.meta.url));
    const source = await readSource(fixture, { name: "service-contract.docx" });
    expect(source.format).toBe("docx");
    expect(source.lines.map((l) => l.no)).toEqual(source.lines.map((_, i) => i + 1));
    expect(texts(source)).toEqual([
      "东城区示例街道办公楼物业服务合同",
      "合同编号：DC-WY-2025-017",
      "甲方：北京市东城区示例街道办事处",
      "乙方：北京示例物业管理有限公司",
      "服务内容",
      "1. 办公楼日常保洁，每日两次。",
      "2. 安保巡逻：",
      "a. 白天每两小时一次；",
      "b. 夜间每小时一次。",
      "3. 设备设施维护。",
      "合同价款",
      "本合同总价款为人民币 360000.00 元（大写：叁拾陆万元整），按季度支付。",
      "期次\t支付时间\t金额（元）",
      "第一期\t2025年4月10日前\t90000.00",
      "第二期\t2025年7月10日前\t90000.00",
      "服务期限自2025年4月1日起至2026年3月31日止。",
      "Service hours: 08:00-18:00, Monday to Friday.",
    ]);
    expect(source.lines[13]?.cells).toEqual(["第一期", "2025年4月10日前", "90000.00"]);
    expect(source.warnings).toBeUndefined();
  });

  it("prints automatic numbers as Word does: Chinese articles, levels restarting, an override, legal numbering, no bullets", async () => {
    const body = [
      p("项目内容", num(1, 0)),
      p("服务范围", num(1, 1)),
      p("值守", num(1, 2)),
      p("分析", num(1, 2)),
      p("服务要求", num(1, 1)),
      p("重新编号的一项", num(2, 2)),
      p("合同价款", num(1, 0)),
      p("付款", num(1, 1)),
      p("一个圆点", num(3, 0)),
      p("节", num(4, 0)),
      p("小节", num(4, 1)),
    ].join("");
    const source = await read(makeDocx(body, { numbering: NUMBERING }));
    expect(texts(source)).toEqual([
      "一、项目内容",
      "1. 服务范围",
      "（1）值守",
      "（2）分析",
      "2. 服务要求",
      "（1）重新编号的一项",
      "二、合同价款",
      "1. 付款",
      "一个圆点",
      "1.1 节",
      "1.1 小节",
    ]);
  });

  it("numbers paragraphs whose style carries the list (heading styles)", async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="Article"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="ArticleChild"><w:basedOn w:val="Article"/></w:style>`;
    const source = await read(makeDocx(p("总则", '<w:pStyle w:val="Article"/>') + p("价款", '<w:pStyle w:val="ArticleChild"/>'), { numbering: NUMBERING, styles }));
    expect(texts(source)).toEqual(["一、总则", "二、价款"]);
  });

  it("follows a list that takes its levels from a numbering style (w:numStyleLink)", async () => {
    const numbering = `${NUMBERING}
      <w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="ContractList"/></w:abstractNum>
      <w:num w:numId="8"><w:abstractNumId w:val="7"/></w:num>`;
    const styles = `<w:style w:type="numbering" w:styleId="ContractList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const source = await read(makeDocx(p("总则", num(8, 0)) + p("适用范围", num(8, 1)), { numbering, styles }));
    expect(texts(source)).toEqual(["一、总则", "1. 适用范围"]);
    expect(source.warnings).toBeUndefined();
  });

  it("says so when a numbered paragraph's list is not defined, instead of losing the number silently", async () => {
    const source = await read(makeDocx(p("付款方式", num(9, 0)), { numbering: NUMBERING }));
    expect(texts(source)).toEqual(["付款方式"]);
    expect(source.warnings?.[0]).toContain("自动编号（列表 9）在 numbering.xml 中找不到定义");
  });

  it("leaves out hidden text, deleted revisions, field codes and the fallback copy of a text box", async () => {
    const body = `
      <w:p><w:r><w:t>合同总价：</w:t></w:r><w:del><w:r><w:delText>100</w:delText></w:r></w:del><w:ins><w:r><w:t>200</w:t></w:r></w:ins><w:r><w:t>元</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>
      <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
      <w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p("框内文字")}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p("框内文字")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const source = await read(makeDocx(body));
    expect(texts(source)).toEqual(["合同总价：200元", "可见", "3", "框内文字", "锚"]);
  });

  it("splits a paragraph at its line breaks, keeps tabs, and keeps empty paragraphs as empty lines", async () => {
    const body = `<w:p><w:r><w:t>甲方（盖章）：</w:t><w:tab/><w:t>乙方（盖章）：</w:t><w:br/><w:t>日期：</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>${p("以下无正文")}`;
    expect(texts(await read(makeDocx(body)))).toEqual(["甲方（盖章）：\t乙方（盖章）：", "日期：", "", "", "以下无正文"]);
  });

  it("reads a table row as one line with cells; a nested table's text stays in its cell", async () => {
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;
    const body = `<w:tbl>
      <w:tr>${cell(p("名称"))}${cell(p("北京市海淀区") + p("城市管理指挥中心"))}${cell(p(""))}</w:tr>
      <w:tr>${cell(p("开户行"))}${cell(`<w:tbl><w:tr>${cell(p("工商银行"))}${cell(p("海淀支行"))}</w:tr></w:tbl>`)}</w:tr>
      <w:tr>${cell(p(""))}${cell(p(""))}</w:tr>
    </w:tbl>${p("正文")}`;
    const source = await read(makeDocx(body));
    expect(source.lines).toEqual([
      { no: 1, text: "名称\t北京市海淀区 城市管理指挥中心", cells: ["名称", "北京市海淀区 城市管理指挥中心"] },
      { no: 2, text: "开户行\t工商银行 海淀支行", cells: ["开户行", "工商银行 海淀支行"] },
      { no: 3, text: "正文" },
    ]);
  });

  it("writes the check boxes of forms (symbol-font characters)", async () => {
    const body = `<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>是</w:t><w:sym w:font="Wingdings" w:char="F0A8"/><w:t>否</w:t></w:r></w:p>`;
    expect(texts(await read(makeDocx(body)))).toEqual(["☑是□否"]);
  });

  it("refuses a document.xml with a DOCTYPE (no entity is ever expanded), and a malformed one, with the part and line", async () => {
    const members = (xml: string) => makeZip([{ name: "word/document.xml", data: xml }]);
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    await expect(read(members(doctype))).rejects.toMatchObject({ code: "IMPORT_DOCX_INVALID", message: expect.stringContaining("DOCTYPE") });
    const broken = '<?xml version="1.0"?>\n<w:document xmlns:w="w"><w:body>\n<w:p><w:r><w:t>半截</w:r></w:p>';
    const error = await read(members(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^合同\.docx: 其中的 word\/document\.xml 第 3 行无法读取/);
  });

  it("finds a main part of another name through the package's relationships", async () => {
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>';
    const body = `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${p("正文")}</w:body></w:document>`;
    const source = await read(makeZip([{ name: "_rels/.rels", data: rels }, { name: "word/document2.xml", data: body }]));
    expect(texts(source)).toEqual(["正文"]);
  });

  it("refuses a ZIP archive without word/document.xml", async () => {
    await expect(read(makeZip([{ name: "xl/workbook.xml", data: "<workbook/>" }]))).rejects.toMatchObject({
      code: "IMPORT_DOCX_INVALID",
      message: "合同.docx: 不是 Word（.docx）文件：ZIP 压缩包中没有 word/document.xml",
    });
  });
});
