/**
 * A contract whose body is not recorded (a new contract, a renewal before it is signed) gets its
 * text written from the model by `render contract`. Each example contract, its body removed, is
 * rendered to DOCX and PDF; the PDF's text (poppler) and the DOCX's (mammoth) must carry the
 * figures, dates, names and accounts of the model, and the Markdown the marks that say which text
 * is generated.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Contract,
  chineseDate,
  computeSchedule,
  formatCapitals,
  formatPercent,
  formatYuan,
  parseCapitals,
  parseContract,
  planRenewal,
  renewContractYaml,
} from "@qiyue/contract-model";
import { type DocumentBytes, renderDocumentBytes } from "@qiyue/reports";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/qiyue.js";
import { hasTool } from "../support/tools.js";

const EXAMPLES = ["pinggu-2026", "haidian-2024", "yuetan-2026", "sujiatuo-2026", "bda-2024"] as const;
const source = (id: string) => readFileSync(join(ROOT, "examples", "contracts", `${id}.yaml`), "utf8");
const withoutBody = (id: string): Contract => ({ ...parseContract(source(id), `${id}.yaml`).contract, body: [] });

/** The text of a PDF in drawing order (pdftotext -raw), page numbers (“— 3 —”) and whitespace left out. */
function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-generated-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
      .split("\f")
      .map((page) => page.replace(/—\s*\d+\s*—\s*$/u, ""))
      .join("")
      .replace(/[\s\u2060\u200b]+/g, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const squeeze = (text: string) => text.replace(/[\s\u2060\u200b]+/g, "");

/** What the text of the generated contract must hold: each item and why. */
function expectations(contract: Contract): [why: string, text: string][] {
  const out: [string, string][] = [];
  const total = contract.fees.total.amount;
  out.push(["合同总价", formatYuan(total)], ["合同总价大写", formatCapitals(total)]);
  out.push(["服务期开始", chineseDate(contract.term.start)], ["服务期结束", chineseDate(contract.term.end)]);
  for (const [side, party] of [
    ["甲方", contract.parties.client],
    ["乙方", contract.parties.vendor],
  ] as const) {
    out.push([`${side}名称`, party.name]);
    const bank = party.bank;
    if (bank !== undefined && !/^[/／]$/.test(bank.bank.trim())) out.push([`${side}开户银行`, bank.bank], [`${side}账号`, bank.accountNumber]);
  }
  const schedule = computeSchedule(contract);
  const monthly = schedule.rows.some((r) => r.month !== undefined);
  schedule.rows.forEach((row, i) => {
    if (row.problem !== undefined) return; // printed as 【待确认】, checked below
    if (monthly && i > 0 && row.amount === schedule.rows[i - 1]!.amount) return; // a run of equal months is written once
    out.push([`第 ${row.key} 期金额`, formatYuan(row.amount)], [`第 ${row.key} 期大写`, row.capitals]);
  });
  // the signed contracts' own printed installments, where their capitals are the figure's
  for (const inst of contract.payments.installments) {
    const printed = inst.printed;
    if (printed?.amount === undefined || printed.capitals === undefined) continue;
    const parsed = parseCapitals(printed.capitals);
    if (parsed.ok && parsed.fen === printed.amount && formatCapitals(printed.amount) === printed.capitals.replace(/^人民币/, "")) {
      out.push([`第 ${inst.id} 期原文大写`, printed.capitals.replace(/^人民币/, "")]);
    }
    out.push([`第 ${inst.id} 期原文金额`, formatYuan(printed.amount)]);
  }
  for (const p of contract.penalties) {
    const what = `违约金（${p.title ?? p.clause}）`;
    if (p.kind === "per-day" || p.kind === "share" || p.kind === "per-occurrence-share") out.push([what, `${formatPercent(p.rate)}`]);
    if (p.kind === "share-range") out.push([what, `${formatPercent(p.min)}至${formatPercent(p.max)}`]);
    if (p.kind === "fixed" || p.kind === "per-occurrence") out.push([what, formatYuan(p.amount)], [`${what}大写`, formatCapitals(p.amount)]);
  }
  if (contract.dispute?.court !== undefined) out.push(["管辖法院", contract.dispute.court]);
  else if (contract.dispute !== undefined) out.push(["争议解决（原文）", contract.dispute.text.replace(/[。.]\s*$/, "")]);
  return out;
}

const rendered = new Map<string, Promise<DocumentBytes>>();
function render(id: string, contract: Contract): Promise<DocumentBytes> {
  let bytes = rendered.get(id);
  if (bytes === undefined) {
    bytes = renderDocumentBytes({ template: "contract", contract, formats: ["md", "docx", "pdf"] });
    rendered.set(id, bytes);
  }
  return bytes;
}

const tools = hasTool("pdftotext");

describe.skipIf(!tools)("render contract writes the text of a contract without a body from its model", () => {
  it.each(EXAMPLES)("%s: total, installments in figures and capitals, term, parties, accounts, penalties and court in the PDF and the DOCX", async (id) => {
    const contract = withoutBody(id);
    const out = await render(id, contract);
    const pdf = pdfText(out.pdf!);
    const docx = squeeze((await mammoth.extractRawText({ buffer: Buffer.from(out.docx!) })).value);
    const wanted = expectations(contract);
    expect(wanted.length).toBeGreaterThan(10);
    for (const [why, text] of wanted) {
      expect(pdf, `${id} PDF: ${why}“${text}”`).toContain(squeeze(text));
      expect(docx, `${id} DOCX: ${why}“${text}”`).toContain(squeeze(text));
    }
    // what the contract leaves open is printed as such, and reported
    const open = computeSchedule(contract).rows.filter((r) => r.problem !== undefined);
    if (open.length > 0) expect(pdf).toContain("【待确认：");
    for (const p of out.pending) expect(pdf, `${p.what}`).toContain(squeeze(`【待确认：${p.reason}】`));
  });

  it.each(EXAMPLES)("%s: the Markdown marks the generated text, the document says it is generated, and the marks print nowhere", async (id) => {
    const contract = withoutBody(id);
    const out = await render(id, contract);
    const md = out.md!;
    const begin = md.indexOf('[//]: # "qiyue:generated-begin');
    const end = md.indexOf('[//]: # "qiyue:generated-end"');
    expect(begin).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(begin);
    // every article of the generated text carries its mark
    const generated = md.slice(begin, end);
    const articles = generated.match(/^## 第.+条　/gm) ?? [];
    expect(articles.length).toBeGreaterThanOrEqual(8);
    expect(generated.match(/^\[\/\/\]: # "qiyue:generated 第.+条"$/gm)).toHaveLength(articles.length);
    const pdf = pdfText(out.pdf!);
    expect(pdf).toContain("说明：本合同正文由qiyue根据合同数据生成");
    expect(pdf).not.toContain("qiyue:generated");
    expect(pdf).not.toContain("[//]");
  });

  it("a contract with a body is reprinted as signed, with no generated text", async () => {
    const { contract } = parseContract(source("haidian-2024"), "haidian-2024.yaml");
    const out = await renderDocumentBytes({ template: "contract", contract, formats: ["md"] });
    expect(out.md).not.toContain("qiyue:generated");
    expect(out.md).not.toContain("本合同正文由 qiyue 根据合同数据生成");
  });

  it("a renewal written by `qiyue renew` drops the old body, and its text is written with the new term and amount", async () => {
    const original = parseContract(source("sujiatuo-2026"), "sujiatuo-2026.yaml").contract;
    const plan = planRenewal(original, { increase: 100_000 });
    const renewed = parseContract(renewContractYaml(source("sujiatuo-2026"), plan, { from: "sujiatuo-2026.yaml" }), "renewed.yaml").contract;
    expect(renewed.body).toEqual([]);
    const out = await render("sujiatuo-2026-r1", renewed);
    const pdf = pdfText(out.pdf!);
    for (const text of ["1,943,150.00", "壹佰玖拾肆万叁仟壹佰伍拾元整", "2027年4月2日", "2028年4月1日", "第一次续签合同", "388,630.00"]) {
      expect(pdf, text).toContain(squeeze(text));
    }
    // the price is the renewal's; the original's amount is named only as the original's
    expect(pdf).toContain("本合同总价款为人民币1,943,150.00元");
    expect(pdf).not.toContain("总价款为人民币1,766,500.00元");
  });
});
