import { createRequire } from "node:module";
import { fontPath, parseMarkdown, renderDocx, renderPdf, renderPdfLaidOut } from "@qiyue/document";
import { hasTool } from "@qiyue/testing";
import { describe, expect, it } from "vitest";
import { checkLayout, docxTocEntries, type LayoutRule, parseBboxLayout } from "./index.js";

const hasPoppler = hasTool("pdftotext");
const require = createRequire(import.meta.url);

/** A piece of text placed at an exact position (points from the top left) of a hand-made page. */
interface Placed {
  text: string;
  x: number;
  y: number;
  size?: number;
}

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;

/**
 * A PDF made by hand with pdfmake: every text placed where it is asked to be (so that the fault
 * is there whatever the document renderer does), in the project's serif face, A4, with the page
 * number printed as “— N —” at the foot of each page.
 */
async function handMade(pages: readonly (readonly Placed[])[]): Promise<Uint8Array> {
  if (pdfmake === undefined) {
    pdfmake = require("pdfmake") as PdfMake;
    const serif = fontPath("serif");
    pdfmake.setFonts({ Serif: { normal: serif, bold: serif, italics: serif, bolditalics: serif } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => path === serif);
  }
  const content = pages.flatMap((items, i) => [
    ...(i > 0 ? [{ text: "", pageBreak: "before" }] : []),
    ...items.map((item) => ({ text: item.text, fontSize: item.size ?? 16, absolutePosition: { x: item.x, y: item.y } })),
  ]);
  const definition = {
    pageSize: "A4",
    defaultStyle: { font: "Serif", fontSize: 16 },
    content,
    footer: (page: number) => ({ text: `— ${page} —`, alignment: "center", fontSize: 14 }),
  };
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}

/** Lines of text, one under the other, from `y` on. */
const lines = (texts: readonly string[], x = 80, y = 100, step = 26): Placed[] => texts.map((text, i) => ({ text, x, y: y + i * step }));

const rules = async (pdf: Uint8Array, markdown: string, docx?: Uint8Array) =>
  (await checkLayout({ pdf, markdown, ...(docx !== undefined ? { docx } : {}) })).map((f) => `${f.rule} p${f.page} ${f.text}`);

const only = (found: string[], rule: LayoutRule) => found.filter((f) => f.startsWith(`${rule} `));

describe("parseBboxLayout", () => {
  it("reads pages, blocks, lines and words with their boxes, unescaping the text", () => {
    const xhtml = `<doc><page width="595.28" height="841.89"><flow><block xMin="1" yMin="2" xMax="3" yMax="4">
      <line xMin="1" yMin="2" xMax="30" yMax="4"><word xMin="1" yMin="2" xMax="10" yMax="4">A&amp;B</word><word xMin="12" yMin="2" xMax="30" yMax="4">中文</word></line>
      </block></flow></page><page width="595.28" height="841.89"></page></doc>`;
    const pages = parseBboxLayout(xhtml);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.lines[0]).toMatchObject({ text: "A&B 中文", block: 0, xMin: 1, xMax: 30 });
    expect(pages[0]!.lines[0]!.words[1]).toEqual({ text: "中文", xMin: 12, yMin: 2, xMax: 30, yMax: 4 });
    expect(pages[1]!.lines).toEqual([]);
  });
});

describe("docxTocEntries", () => {
  it("reads the TOC paragraphs' text and the page number after the tab", () => {
    const xml =
      '<w:body><w:p><w:pPr><w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:pos="9025"/></w:tabs></w:pPr>' +
      '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>TOC \\o "1-2"</w:instrText></w:r>' +
      "<w:hyperlink><w:r><w:t>一、概况</w:t><w:tab/><w:t>4</w:t></w:r></w:hyperlink></w:p>" +
      '<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr><w:r><w:t xml:space="preserve">（一）A &amp; B</w:t><w:tab/><w:t>12</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>正文</w:t><w:tab/><w:t>3</w:t></w:r></w:p></w:body>';
    expect(docxTocEntries(xml)).toEqual([
      { text: "一、概况", page: 4, level: 1 },
      { text: "（一）A & B", page: 12, level: 2 },
    ]);
  });
});

describe.skipIf(!hasPoppler)("checkLayout: each rule catches a hand-made fault and passes its fixed twin", () => {
  it("overlap: glyphs drawn over each other on a line", async () => {
    const markdown = "# 检查\n\n负责管理工单的分转派单工作。\n";
    const broken = await handMade([[...lines(["检查", "负责", "的分转派单工作。"]), { text: "管理", x: 112, y: 126 }, { text: "工单", x: 135, y: 126 }]]);
    const found = only(await rules(broken, markdown), "overlap");
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^overlap p1 .*管理/);
    const fixed = await handMade([[...lines(["检查", "负责", "的分转派单工作。"]), { text: "管理", x: 112, y: 126 }, { text: "工单", x: 144, y: 126 }]]);
    expect(only(await rules(fixed, markdown), "overlap")).toEqual([]);
  });

  it("heading-at-page-end: a heading as the last line of a page, its text on the next", async () => {
    const markdown = "# 合同\n\n第一条内容。\n\n## 二、服务内容\n\n服务内容见附件。\n";
    const broken = await handMade([[...lines(["合同", "第一条内容。"]), { text: "二、服务内容", x: 80, y: 720 }], lines(["服务内容见附件。"])]);
    expect(await rules(broken, markdown)).toEqual(["heading-at-page-end p1 二、服务内容"]);
    const fixed = await handMade([lines(["合同", "第一条内容。"]), lines(["二、服务内容", "服务内容见附件。"])]);
    expect(await rules(fixed, markdown)).toEqual([]);
  });

  const SIGNED = [
    "# 付款申请书",
    "",
    "特此申请。",
    "",
    "::::signatures",
    ":::party",
    "- 申请单位（盖章）：某某通信公司",
    "- 申请日期：　　年　　月　　日",
    ":::",
    ":::party",
    "- 签收单位（盖章）：某某指挥中心",
    ":::",
    "::::",
    "",
  ].join("\n");
  const SIGNATURES: Placed[] = [
    { text: "申请单位（盖章）：", x: 80, y: 100 },
    { text: "某某通信公司", x: 230, y: 100 },
    { text: "签收单位（盖章）：", x: 320, y: 100 },
    { text: "某某指挥中心", x: 470, y: 100 },
    { text: "（盖章处）", x: 120, y: 180 },
    { text: "（盖章处）", x: 360, y: 180 },
    { text: "申请日期：", x: 80, y: 260 },
    { text: "年　　月　　日", x: 170, y: 260 },
  ];

  const APPROVAL = [
    SIGNED,
    "## 七、甲方审批",
    "",
    "以下由甲方逐级填写：",
    "",
    "| 审批环节 | 签字 | 日期 |",
    "|---|---|---|",
    "| 经办人 |  | 年　月　日 |",
    "| 财务 |  | 年　月　日 |",
    "",
  ].join("\n");
  const APPROVAL_TABLE = (y: number): Placed[] => [
    ...lines(["七、甲方审批", "以下由甲方逐级填写："], 80, y),
    ...["审批环节", "经办人", "财务"].flatMap((step, i) => [
      { text: step, x: 80, y: y + 60 + 26 * i },
      { text: i === 0 ? "签字" : "", x: 200, y: y + 60 + 26 * i },
      { text: i === 0 ? "日期" : "年　月　日", x: 320, y: y + 60 + 26 * i },
    ]),
  ];

  it("signature-alone: a page holding only an approval table and its heading, or the end marker and the seals", async () => {
    const broken = await handMade([[...lines(["付款申请书", "特此申请。"]), ...SIGNATURES.map((s) => ({ ...s, y: s.y + 100 }))], APPROVAL_TABLE(100)]);
    expect(await rules(broken, APPROVAL)).toEqual(["signature-alone p2 七、甲方审批"]);
    // the approval table on the page of the seals and the text above them
    const fixed = await handMade([[...lines(["付款申请书", "特此申请。"]), ...SIGNATURES.map((s) => ({ ...s, y: s.y + 100 })), ...APPROVAL_TABLE(400)]]);
    expect(await rules(fixed, APPROVAL)).toEqual([]);

    const ENDED = SIGNED.replace("特此申请。", "本协议一式两份。\n\n（以下无正文）");
    const alone = await handMade([lines(["付款申请书", "本协议一式两份。"]), [...lines(["（以下无正文）"]), ...SIGNATURES.map((s) => ({ ...s, y: s.y + 40 }))]]);
    expect(await rules(alone, ENDED)).toEqual(["signature-alone p2 （以下无正文）"]);
    const kept = await handMade([[...lines(["付款申请书", "本协议一式两份。", "（以下无正文）"]), ...SIGNATURES.map((s) => ({ ...s, y: s.y + 100 }))]]);
    expect(await rules(kept, ENDED)).toEqual([]);
  });

  it("signature-alone: a page holding only the signatures", async () => {
    const broken = await handMade([lines(["付款申请书", "特此申请。"]), SIGNATURES]);
    const found = await rules(broken, SIGNED);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^signature-alone p2 申请单位（盖章）：/);
    const fixed = await handMade([[...lines(["付款申请书", "特此申请。"]), ...SIGNATURES.map((s) => ({ ...s, y: s.y + 100 }))]]);
    expect(await rules(fixed, SIGNED)).toEqual([]);
    // The renderer keeps them on the page of the text before them.
    expect(only(await rules(await renderPdf(parseMarkdown(SIGNED)), SIGNED), "signature-alone")).toEqual([]);
  });

  const TABLE = ["# 名单", "", "说明如下。", "", "| 序号 | 承办单位 |", "|---|---|", "| 1 | 北京市交通委员会 |", "| 2 | 北京市水务局 |", ""].join("\n");
  const header = (y: number): Placed[] => [
    { text: "序号", x: 80, y },
    { text: "承办单位", x: 160, y },
  ];
  const row = (n: string, name: string, y: number): Placed[] => [
    { text: n, x: 88, y },
    { text: name, x: 160, y },
  ];

  it("header-alone: a table header as the last row of a page, or alone on a page", async () => {
    const atFoot = await handMade([
      [...lines(["名单", "说明如下。"]), ...header(720)],
      [...header(100), ...row("1", "北京市交通委员会", 126), ...row("2", "北京市水务局", 152)],
    ]);
    expect(await rules(atFoot, TABLE)).toEqual(["header-alone p1 序号 | 承办单位"]);
    const alone = await handMade([lines(["名单", "说明如下。"]), header(100), [...header(100), ...row("1", "北京市交通委员会", 126), ...row("2", "北京市水务局", 152)]]);
    const found = await checkLayout({ pdf: alone, markdown: TABLE });
    expect(found.map((f) => `${f.rule} p${f.page}`)).toEqual(["header-alone p2"]);
    expect(found[0]!.detail).toContain("只有表头");
    // (a table of two rows is not broken at all: one row alone on a page is a fault too, see lone-row)
    const fixed = await handMade([[...lines(["名单", "说明如下。"]), ...header(674), ...row("1", "北京市交通委员会", 700), ...row("2", "北京市水务局", 726)]]);
    expect(await rules(fixed, TABLE)).toEqual([]);
  });

  it("row-split: a table row that continues on the next page", async () => {
    const broken = await handMade([
      [...lines(["名单", "说明如下。"]), ...header(700), ...row("1", "北京市交通委员", 726)],
      [...header(100), { text: "会", x: 160, y: 126 }, ...row("2", "北京市水务局", 152)],
    ]);
    expect(await rules(broken, TABLE)).toEqual(["row-split p1 北京市交通委员会"]);
    // the row goes to the next page whole (with the other, so that neither stands alone there)
    const fixed = await handMade([lines(["名单", "说明如下。"]), [...header(100), ...row("1", "北京市交通委员会", 126), ...row("2", "北京市水务局", 152)]]);
    expect(await rules(fixed, TABLE)).toEqual([]);
  });

  const LONG = ["# 名单", "", "说明如下。", "", "| 序号 | 承办单位 |", "|---|---|", "| 1 | 北京市交通委员会 |", "| 2 | 北京市水务局 |", "| 3 | 北京市园林绿化局 |", "| 4 | 北京市民政局 |", ""].join("\n");
  const NAMES = ["北京市交通委员会", "北京市水务局", "北京市园林绿化局", "北京市民政局"];
  /** Rows `from` to `to` (1-based) of LONG, one under the other from `y`. */
  const rows = (from: number, to: number, y: number): Placed[] => NAMES.slice(from - 1, to).flatMap((name, i) => row(String(from + i), name, y + 26 * i));

  it("lone-row: one body row of a table alone at the foot of a page, or at the head of the next", async () => {
    const first = await handMade([
      [...lines(["名单", "说明如下。"]), ...header(700), ...rows(1, 1, 726)],
      [...header(100), ...rows(2, 4, 126)],
    ]);
    const found = await checkLayout({ pdf: first, markdown: LONG });
    expect(found.map((f) => `${f.rule} p${f.page} ${f.text}`)).toEqual(["lone-row p1 1 | 北京市交通委员会"]);
    expect(found[0]!.detail).toBe("表格在第 1 页只有 1 行，下面的行在第 2 页");
    const last = await handMade([
      [...lines(["名单", "说明如下。"]), ...header(648), ...rows(1, 3, 674)],
      [...header(100), ...rows(4, 4, 126), ...lines(["以上共四个单位。"], 80, 190)],
    ]);
    expect(await rules(last, LONG)).toEqual(["lone-row p2 4 | 北京市民政局"]);
    // two rows on each side of the break, the header repeated on the next page or not
    const fixed = await handMade([
      [...lines(["名单", "说明如下。"]), ...header(674), ...rows(1, 2, 700)],
      [...header(100), ...rows(3, 4, 126)],
    ]);
    expect(await rules(fixed, LONG)).toEqual([]);
    const bare = await handMade([[...lines(["名单", "说明如下。"]), ...header(674), ...rows(1, 2, 700)], rows(3, 4, 100)]);
    expect(await rules(bare, LONG)).toEqual([]);
  });

  const BREAKS = "# 说明\n\n本合同自2026年3月19日起生效，账号为020000331921，满意率为86.21%，以上各项，均已完成。\n";

  it("break-in-date, break-in-number, break-in-percent, break-before-punctuation: a line broken inside them", async () => {
    const cases: [string[], LayoutRule][] = [
      [["本合同自2026年3", "月19日起生效，"], "break-in-date"],
      [["账号为0200003", "31921，满意率"], "break-in-number"],
      [["满意率为86.21", "%，以上各项"], "break-in-percent"],
      [["满意率为86.21%，以上各项", "，均已完成。"], "break-before-punctuation"],
    ];
    for (const [text, rule] of cases) {
      const found = await rules(await handMade([[...lines(["说明"]), ...lines(text, 80, 140)]]), BREAKS);
      expect(found, text.join("⏎")).toEqual([`${rule} p1 ${text[0]!.slice(-10)} ⏎ ${text[1]!.slice(0, 10)}`]);
    }
    const fixed = await handMade([[...lines(["说明"]), ...lines(["本合同自", "2026年3月19日起生效，账号为", "020000331921，满意率为", "86.21%，以上各项，均已完", "成。"], 80, 140)]]);
    expect(await rules(fixed, BREAKS)).toEqual([]);
  });

  it("break-in-date: also across a page break", async () => {
    const broken = await handMade([[...lines(["说明"]), { text: "本合同自2026年3", x: 80, y: 740 }], lines(["月19日起生效，"])]);
    expect(only(await rules(broken, BREAKS), "break-in-date")).toEqual(["break-in-date p1 本合同自2026年3 ⏎ 月19日起生效，"]);
  });

  it("lone-character: a title or a cell whose last line is one character", async () => {
    const markdown = "# 服务项目续签合同\n\n| 序号 | 承办单位 |\n|---|---|\n| 1 | 平谷区人力资源和社会保障局 |\n";
    const broken = await handMade([[...lines(["服务项目续签合", "同"]), ...header(200), ...row("1", "平谷区人力资源和社会保障", 226), { text: "局", x: 160, y: 252 }]]);
    expect(await rules(broken, markdown)).toEqual(["lone-character p1 服务项目续签合同", "lone-character p1 平谷区人力资源和社会保障局"]);
    const fixed = await handMade([[...lines(["服务项目", "续签合同"]), ...header(200), ...row("1", "平谷区人力资源和", 226), { text: "社会保障局", x: 160, y: 252 }]]);
    expect(await rules(fixed, markdown)).toEqual([]);
  });

  it("toc-page: DOCX table-of-contents numbers that differ from the PDF's pages", async () => {
    const markdown = "# 月报\n\n::toc\n\n::pagebreak\n\n## 一、概况\n\n本月概况。\n\n::pagebreak\n\n## 二、诉求结构\n\n### （一）诉求类型\n\n本月诉求。\n";
    const doc = parseMarkdown(markdown);
    const laidOut = await renderPdfLaidOut(doc);
    const right = await renderDocx(doc, {}, { headings: laidOut.headings });
    expect(await rules(laidOut.bytes, markdown, right)).toEqual([]);
    const wrong = await renderDocx(doc, {}, { headings: laidOut.headings.map((h, i) => (i === 1 ? { ...h, page: 1 } : h)) });
    const found = await checkLayout({ pdf: laidOut.bytes, markdown, docx: wrong });
    expect(found.map((f) => `${f.rule} ${f.text}`)).toEqual(["toc-page 二、诉求结构"]);
    expect(found[0]!.detail).toMatch(/第 1 页，PDF 中在第 3 页/);
  });

  it("finds nothing in a short document the renderer lays out", async () => {
    const markdown = `${TABLE}\n## 二、说明\n\n以上名单自2026年3月19日起执行。\n`;
    expect(await rules(await renderPdf(parseMarkdown(markdown)), markdown)).toEqual([]);
  });
});
