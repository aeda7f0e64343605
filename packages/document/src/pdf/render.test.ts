import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleContractMarkdown, hasTool, pdfFonts, pdfInfo, pdfPages, pdfText, run, withFile } from "@qiyue/testing";
import { parseMarkdown } from "../markdown/parse.js";
import { RenderError } from "../errors.js";
import { renderPdf, renderPdfLaidOut } from "./index.js";

const poppler = hasTool("pdftotext") && hasTool("pdffonts") && hasTool("pdfinfo");

function longTable(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `| ${i + 1} | 第${i + 1}号工单：朝阳路与建国路交叉口路灯不亮，居民夜间出行不便，请求尽快维修并反馈处理结果 | 已办结 |`);
  return ["# 工单明细", "", "| 序号 | 诉求内容 | 状态 |", "|:---:|--------|:---:|", ...body].join("\n");
}

const CHART_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">' +
  '<rect x="10" y="50" width="60" height="140" fill="#4c78a8"/><text x="200" y="30" text-anchor="middle" font-size="16">每日工单趋势</text></svg>';

describe.skipIf(!poppler)("renderPdf, read with poppler", () => {
  it("writes the Chinese text in order, with “— n —” page numbers", async () => {
    const pdf = await renderPdf(parseMarkdown(sampleContractMarkdown()));
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const text = pages.join("\n");
    const order = ["北京市平谷区12345市民服务热线接诉即办服务合同", "一、服务内容", "（三）人员配置", "项目经理", "二、服务标准", "三、合同价款与支付", "（二）支付方式", "六、其他", "甲方（盖章）"];
    const positions = order.map((s) => text.replace(/\s+/g, "").indexOf(s));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    pages.forEach((page, i) => {
      expect(page).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`));
    });
  });

  it("embeds subsets of the shipped fonts, one face per role", async () => {
    const pdf = await renderPdf(parseMarkdown(sampleContractMarkdown()));
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
      "LXGWWenKai-Regular",
      "NotoSansSC-Regular",
      "NotoSerifSC-Bold",
      "NotoSerifSC-Light",
      "NotoSerifSC-Regular",
    ]);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true });
    }
  });

  it("continues a long table across pages with its header row on every page", async () => {
    const short = pdfPages(await renderPdf(parseMarkdown(longTable(5))));
    const pages = pdfPages(await renderPdf(parseMarkdown(longTable(80))));
    expect(short).toHaveLength(1);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      expect(page.replace(/\s+/g, "")).toContain("序号诉求内容状态");
    }
    const text = pages.join("").replace(/\s+/g, "");
    // Long cell text wraps inside its cell; every row is there.
    for (let i = 1; i <= 80; i++) expect(text).toContain(`第${i}号工单`);
  });

  it("never leaves a blank page after a table that ends at the foot of a page", async () => {
    // A box of growing height above the table moves the table's end down the first page across
    // two rows' height, in steps smaller than the space below a table: one of these layouts
    // ends it at the foot of the page.
    const blank = (page: string) => page.replace(/—\s*\d+\s*—/, "").trim() === "";
    const rows = Array.from({ length: 20 }, (_, i) => `| ${i + 1} | 第${i + 1}号工单 | 已办结 |`);
    const table = ["| 序号 | 诉求内容 | 状态 |", "|:---:|--------|:---:|", ...rows].join("\n");
    const box = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="10"><rect width="100" height="10"/></svg>';
    for (let height = 30; height <= 80; height += 5) {
      const top = `# 工单明细\n\n::chart{id="box" width=100 height=${height}}\n\n${table}\n`;
      const options = { charts: { box: { svg: box } } };
      const atEnd = pdfPages(await renderPdf(parseMarkdown(top), options));
      const beforeBreak = pdfPages(await renderPdf(parseMarkdown(`${top}\n::pagebreak\n\n附件。\n`), options));
      expect(atEnd.filter(blank), `box ${height} pt`).toEqual([]);
      expect(beforeBreak.filter(blank), `box ${height} pt, before a page break`).toEqual([]);
    }
  });

  it("lays out both themes on A4 with their own margins and sizes", async () => {
    const md = sampleContractMarkdown();
    const formal = await renderPdf(parseMarkdown(md, { theme: "formal" }));
    const plain = await renderPdf(parseMarkdown(md, { theme: "plain" }));
    expect(pdfInfo(formal)["Page size"]).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(pdfInfo(plain)["Page size"]).toMatch(/\(A4\)/);
    // 16 pt 仿宋 at 22 lines a page takes more pages than 12 pt 宋体 at 1.5 lines.
    expect(pdfPages(formal).length).toBeGreaterThan(pdfPages(plain).length);
  });

  it("fills in a table of contents with page numbers", async () => {
    const md = sampleContractMarkdown().replace(/^(# .*)$/m, "$1\n\n::toc\n\n::pagebreak");
    const pages = pdfPages(await renderPdf(parseMarkdown(md)));
    // The contents would leave a few entries on a second page: drawn closer, they end on the
    // first, and the text starts on the second.
    const toc = pages[0]!;
    expect(toc).toContain("目录");
    expect(toc).toContain("六、其他");
    expect(toc).toMatch(/一、服务内容\s+2\n/);
    for (const heading of ["一、服务内容", "（一）工作范围", "三、合同价款与支付", "（二）甲方违约", "六、其他"]) {
      const entry = new RegExp(`${heading}\\s+(\\d+)\\n`).exec(toc);
      expect(entry, heading).not.toBeNull();
      expect(pages[Number(entry![1]) - 1], heading).toContain(heading);
    }
  });

  it("writes the metadata and the source date", async () => {
    const pdf = await renderPdf(parseMarkdown("# 验收单\n\n正文", { meta: { author: "北京市某单位", subject: "验收" } }), {
      sourceDateEpoch: 1_767_225_600,
    });
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ Title: "验收单", Author: "北京市某单位", Subject: "验收", Creator: "qiyue" });
    expect(info.CreationDate).toBe("2026-01-01T00:00:00Z");
    expect(info.ModDate).toBe("2026-01-01T00:00:00Z");
  });

  it("embeds a chart's SVG as vector graphics, with its title", async () => {
    const pdf = await renderPdf(parseMarkdown('## 趋势\n\n::chart{id="daily" width=400 height=200}'), {
      charts: { daily: { svg: CHART_SVG, title: "图1 每日工单量" } },
    });
    const text = pdfText(pdf);
    expect(text).toContain("每日工单趋势");
    expect(text).toContain("图1 每日工单量");
    expect(Buffer.from(pdf).toString("latin1")).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it("prints a signature row without a label as its value alone, and the seal under the row that names it", async () => {
    const text = pdfText(await renderPdf(parseMarkdown("::::signatures\n:::party\n- 甲方：北京市海淀区苏家坨镇人民政府\n- ：(盖章)\n- ：2020年3月30日\n:::\n:::party\n- 乙方（公章）：北京政信1890智能科技有限公司\n- 负责人（签章）：\n:::\n::::\n")));
    expect(text).toMatch(/\(盖章\)[\s\S]*（盖章处）[\s\S]*2020年3月30日/);
    expect(text).not.toMatch(/：[ \t]*\(盖章\)|：[ \t]*2020年3月30日/);
    // a label with a bracketed part may go on two lines, broken before the bracket
    expect(text).toMatch(/负责人\s*(?:\S.*\n\s*)?（签章）：/);
  });

  it("lines the parties' rows up when it costs no height: the seals level, each row beside its fellow", async () => {
    const party = (...rows: string[]) => `:::party\n${rows.map((r) => `- ${r}`).join("\n")}\n:::\n`;
    const md = `::::signatures\n${party("甲方（盖章）：北京市平谷区城市管理指挥中心", "法定代表人/授权代表（签字）：", "日期：2026年3月19日")}${party("乙方（盖章）：", "法定代表人/授权代表（签字）：", "日期：2026年3月19日")}::::\n`;
    // poppler's words with their boxes
    const bbox = withFile(await renderPdf(parseMarkdown(md)), "seals.pdf", (path) => run("pdftotext", ["-bbox", path, "-"]));
    const words = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ yMin: Number(m[1]), text: m[2]! }));
    const tops = (text: string) => words.filter((w) => w.text.includes(text)).map((w) => Math.round(w.yMin));
    // the second party's seal and rows come down by the line the first party's name takes
    expect(tops("盖章处")).toHaveLength(2);
    expect(new Set(tops("盖章处")).size).toBe(1);
    expect(new Set(tops("2026年3月19日")).size).toBe(1);
    expect(new Set(tops("（盖章）")).size).toBe(1);
  });

  it("gives every heading in the table of contents the page it is printed on, also when kept with what follows", async () => {
    // headings kept with a short table or a first line go into unbreakable stacks, some moved by the page-break hook
    const section = (i: number) =>
      `## 第${i}节 标题${i}\n\n${"甲方委托乙方承担热线接诉即办工作，按约定的服务标准提供服务。".repeat(1 + (i % 4) * 3)}\n\n### （${i}）小节\n\n${i % 2 === 0 ? "| 项目 | 说明 |\n|---|---|\n| 一 | 二 |\n| 三 | 四 |" : "1. 第一项工作。\n2. 第二项工作。"}\n`;
    const md = `# 报告\n\n::toc\n\n${Array.from({ length: 14 }, (_, i) => section(i + 1)).join("\n")}`;
    const { bytes, headings } = await renderPdfLaidOut(parseMarkdown(md));
    const pages = pdfPages(bytes);
    // the page a heading is printed on: its line with nothing after it (a contents line ends in a number)
    const printedOn = (title: string) => pages.findIndex((p) => new RegExp(`(^|\\n)\\s*${title}[ \\t]*(\\n|$)`).test(p)) + 1;
    const listed = headings.filter((h) => h.level <= 2);
    expect(listed).toHaveLength(28);
    for (let i = 1; i <= 14; i++) {
      expect(listed[2 * i - 2]!.page, `第${i}节`).toBe(printedOn(`第${i}节 标题${i}`));
      expect(listed[2 * i - 1]!.page, `（${i}）小节`).toBe(printedOn(`（${i}）小节`));
    }
  });

  it("never leaves the seals alone on a page: the paragraph before them goes along", async () => {
    const seals = "::::signatures\n:::party\n- 申请单位（盖章）：北京某某科技有限公司\n- 经办人：\n- 日期：\n:::\n:::party\n- 签收单位（盖章）：北京市某某区城市管理指挥中心\n- 签收人（签字）：\n- 日期：\n:::\n::::\n";
    // enough text that the seals, taller than what is left, must go to the next page
    for (const paragraphs of [14, 15, 16, 17, 18]) {
      const body = Array.from({ length: paragraphs }, (_, i) => `第${i + 1}段。甲方委托乙方承担市民服务热线接诉即办工作，乙方按照合同约定的服务标准提供服务。`).join("\n\n");
      const pages = pdfPages(await renderPdf(parseMarkdown(`${body}\n\n特此申请。\n\n${seals}`)));
      const withSeals = pages.find((p) => p.includes("申请单位"))!;
      expect(withSeals, `${paragraphs} paragraphs`).toContain("特此申请。");
      expect(pages.join("")).toContain(`第${paragraphs}段`);
    }
  });

  it("prints a signature block taller than a page across pages rather than dropping it", async () => {
    // pdfmake drops the content of a block kept on one page that fits on no page at all
    for (const rows of [20, 24, 28, 40]) {
      const party = (side: string) => [":::party", ...Array.from({ length: rows }, (_, i) => `- ${side}第${i + 1}栏：第${i + 1}行`), ":::"].join("\n");
      const md = `# 签署页\n\n## 合同签署页\n\n::::signatures\n${party("甲方")}\n${party("乙方")}\n::::\n`;
      const text = pdfPages(await renderPdf(parseMarkdown(md))).join("").replace(/\s+/g, "");
      expect(text, `${rows} rows`).toContain(`甲方第${rows}栏：第${rows}行`);
      expect(text, `${rows} rows`).toContain(`乙方第${rows}栏：第${rows}行`);
      expect(text).toContain("合同签署页");
    }
  });

  it("keeps a heading on the page of the signature block that follows it", async () => {
    // more and more text above moves the heading down to the foot of the first page
    const party = (side: string) => [":::party", ...Array.from({ length: 8 }, (_, i) => `- ${side}第${i + 1}栏：`), ":::"].join("\n");
    for (let paragraphs = 8; paragraphs <= 20; paragraphs += 2) {
      const filler = Array.from({ length: paragraphs }, (_, i) => `第${i + 1}段。`).join("\n\n");
      const md = `# 合同\n\n${filler}\n\n## 合同签署页\n\n::::signatures\n${party("甲方")}\n${party("乙方")}\n::::\n`;
      const pages = pdfPages(await renderPdf(parseMarkdown(md)));
      const heading = pages.findIndex((p) => p.includes("合同签署页"));
      expect(pages[heading], `${paragraphs} paragraphs`).toContain("甲方第1栏");
    }
  });

  it("sets a paragraph of printed lines flush, and indents a paragraph of prose", async () => {
    const text = pdfText(await renderPdf(parseMarkdown("甲方: 北京市海淀区城市管理指挥中心\\\n地址: 北京市海淀区长春桥路 17 号\n\n根据有关法律法规的规定，甲乙双方达成如下合同。")));
    const indent = (word: string) => /^ */.exec(text.split("\n").find((l) => l.includes(word)) ?? "")![0].length;
    expect(indent("甲方")).toBe(indent("地址"));
    expect(indent("根据")).toBeGreaterThan(indent("甲方"));
  });

  it("lays out the signature block with both parties and seal placeholders", async () => {
    const text = pdfText(await renderPdf(parseMarkdown(sampleContractMarkdown())));
    expect(text.match(/（盖章处）/g)).toHaveLength(2);
    expect(text).toMatch(/甲方（盖章）：.*乙方（盖章）：/);
  });
});

describe("renderPdf: determinism", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("gives the same bytes whatever the clock and time zone", async () => {
    const doc = parseMarkdown(sampleContractMarkdown().replace(/^(# .*)$/m, "$1\n\n::toc"));
    vi.stubEnv("TZ", "Asia/Shanghai");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-05-06T07:08:09Z"));
    const a = await renderPdf(doc, { sourceDateEpoch: 1_700_000_000 });
    vi.stubEnv("TZ", "America/Los_Angeles");
    vi.setSystemTime(new Date("1999-12-31T23:59:59Z"));
    const b = await renderPdf(doc, { sourceDateEpoch: 1_700_000_000 });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it("derives the file identifier from the content", async () => {
    const id = (pdf: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(pdf).toString("latin1"))?.[1];
    const one = id(await renderPdf(parseMarkdown("# 甲")));
    expect(one).toMatch(/^[0-9a-f]{32}$/);
    expect(id(await renderPdf(parseMarkdown("# 甲")))).toBe(one);
    expect(id(await renderPdf(parseMarkdown("# 乙")))).not.toBe(one);
    expect(id(await renderPdf(parseMarkdown("# 甲"), { sourceDateEpoch: 1 }))).not.toBe(one);
  });
});

describe("renderPdf: nothing a document names is read", () => {
  const fs = createRequire(import.meta.url)("node:fs") as typeof import("node:fs");

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("renders Markdown images as their alt text without opening the file or URL", async () => {
    const read = vi.spyOn(fs, "readFileSync");
    const open = vi.spyOn(fs, "openSync");
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const pdf = await renderPdf(parseMarkdown("见![机密文件](/etc/passwd)和![内网](http://127.0.0.1/x)。"));
    const named = (calls: unknown[][]) => calls.filter((args) => /passwd|127\.0\.0\.1/.test(String(args[0])));
    expect(named(read.mock.calls)).toEqual([]);
    expect(named(open.mock.calls)).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    if (poppler) expect(pdfText(pdf)).toContain("见机密文件和内网。");
  });

  it("refuses a chart SVG that refers to a file or URL", async () => {
    const doc = parseMarkdown("::chart{id=x}");
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="/etc/passwd" width="5" height="5"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image xlink:href="http://127.0.0.1/x.png"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect style="fill:url(http://127.0.0.1/p)"/></svg>',
      '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
    ]) {
      await expect(renderPdf(doc, { charts: { x: { svg } } }), svg).rejects.toMatchObject({ code: "RENDER_BAD_CHART", line: 1 });
    }
  });

  it("reports an unknown chart id with its line", async () => {
    const error = await renderPdf(parseMarkdown("正文\n\n::chart{id=missing}"), { charts: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect(error).toMatchObject({ code: "RENDER_UNKNOWN_CHART", line: 3 });
  });
});
