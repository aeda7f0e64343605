/**
 * What the contract says about invoices (payments.invoice): that one must be issued before each
 * payment, how many days before, which kind ("增值税专用发票", "增值税发票"), and the kinds a form
 * offers to tick ("发票类型（请选择）"), with the ticked one when a mark shows it.
 */
import { NUMBER_PATTERN, parseSmallNumber } from "./text/numerals.js";
import { lineAt, type Paragraph, paragraphsOf, sentencesOf, withoutNumber } from "./text/paragraphs.js";
import { type Extraction, type Extractor, refOf } from "./types.js";

/** The kinds of invoice of the contract model, longest first so "非增值税专用发票" is not read as "增值税专用发票". */
const TYPES = ["非增值税专用发票", "增值税专用发票", "增值税普通发票", "增值税发票"] as const;
type InvoiceType = (typeof TYPES)[number];

const REQUIRED = new RegExp(
  [
    "(?:支付|付款)(?:之|以)?前[^。；]{0,30}(?:开具|出具|提供)[^。；]{0,24}发票",
    "(?:开具|出具|提供)[^。；]{0,24}发票[^。；]{0,20}后[^。；]{0,12}(?:支付|付款)",
    "收到[^。；，,]{0,16}发票后",
    `付款日前\\s*${NUMBER_PATTERN}\\s*(?:个工作日|个自然日|日|天)[^。；]{0,20}发票`,
  ].join("|"),
);
const DAYS_BEFORE = new RegExp(`(?:付款日|支付日|付款|支付)(?:之|以)?前\\s*(${NUMBER_PATTERN})\\s*(?:个工作日|个自然日|日|天)`);
const MARK = /^(?:[/／√✓✔☑■▣●]|\[\s*[xX√]\s*\]|[(（]\s*[√xX✓]\s*[)）])\s*/;
const BLANK = /^(?:[□☐○]|\[\s*\]|[(（]\s*[)）])\s*/;

function typeIn(text: string): InvoiceType | undefined {
  for (const t of TYPES) {
    const i = text.indexOf(t);
    if (i < 0) continue;
    if (t !== "非增值税专用发票" && text.slice(Math.max(0, i - 1), i) === "非") continue;
    return t;
  }
  return undefined;
}

interface Choices {
  choices: InvoiceType[];
  marked: InvoiceType[];
  p: Paragraph;
  text: string[];
}

/** A line offering kinds of invoice to tick ("发票类型（请选择）：") and the options printed on the lines after it. */
function choicesOf(paragraphs: Paragraph[]): Choices | undefined {
  for (const [k, p] of paragraphs.entries()) {
    if (!/发票/.test(p.text) || !/请选择|选择其一|勾选/.test(p.text)) continue;
    const choices: InvoiceType[] = [];
    const marked: InvoiceType[] = [];
    const text = [p.text];
    for (const q of paragraphs.slice(k + 1, k + 6)) {
      const t = q.text.trim();
      const body = t.replace(MARK, "").replace(BLANK, "");
      const type = TYPES.find((x) => body === x);
      if (type === undefined) break;
      choices.push(type);
      if (MARK.test(t)) marked.push(type);
      text.push(t);
    }
    if (choices.length >= 2) return { choices, marked, p, text };
  }
  return undefined;
}

export const extractInvoice: Extractor = (ctx) => {
  const out: Extraction = { found: [], toConfirm: [] };
  const paragraphs = paragraphsOf(ctx.source);
  let required: { p: Paragraph; index: number; text: string } | undefined;
  for (const p of paragraphs) {
    const s = sentencesOf(p.text).find((x) => REQUIRED.test(x.text));
    if (s) {
      required = { p, index: s.index, text: s.text };
      break;
    }
  }
  const choices = choicesOf(paragraphs);
  if (required === undefined && choices === undefined) return out;

  const at = required ?? { p: choices!.p, index: 0, text: choices!.p.text };
  const line = lineAt(at.p, at.index);
  const source = refOf(line, "发票");
  const value: Record<string, unknown> = {};
  const clause = ctx.clauseAt(line.no);
  if (clause !== undefined) value.clause = clause;
  value.required = required !== undefined;
  const days = required ? DAYS_BEFORE.exec(required.text) : null;
  if (days) {
    const n = parseSmallNumber(days[1]!);
    if (n !== undefined) value.daysBeforePayment = n;
  }
  if (choices) {
    value.choices = choices.choices;
    if (choices.marked.length === 1) value.type = choices.marked[0];
    else if (choices.marked.length > 1) {
      out.toConfirm.push({ path: ["payments", "invoice", "type"], reason: `发票类型勾选了不止一项：${choices.marked.join("、")}`, source });
    }
  } else if (required) {
    const type = typeIn(required.text);
    if (type !== undefined) value.type = type;
  }
  value.text = withoutNumber(at.text);
  out.found.push({ path: ["payments", "invoice"], value, source, confidence: "medium" });
  return out;
};
