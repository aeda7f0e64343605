/**
 * The payment schedule: each installment (its share of the total, "支付至…的20%", the remainder, a
 * fixed sum or the month's fee), what it waits for, within how many days it is paid, the amount and
 * capitals printed for it; and the payment method, the days after a payment notice, and the words
 * that excuse a late payment. Installments are read from sentences ("合同生效后20日内，甲方支付合同总价的
 * 40%，即…元") and from payment tables (one row an installment).
 */
import { formatYuan, parsePercent, parseYuan } from "@qiyue/contract-model";
import { findFigures, printedSum } from "./text/amounts.js";
import { cellsOf } from "./text/labels.js";
import { NUMBER_PATTERN, parseSmallNumber } from "./text/numerals.js";
import { findOffsetAfter } from "./text/offsets.js";
import { lineAt, type Paragraph, paragraphsOf, sentencesOf, withoutNumber } from "./text/paragraphs.js";
import { findPercents } from "./text/percent.js";
import { findTriggers } from "./text/triggers.js";
import { type Confidence, type Extraction, type Extractor, type FoundField, refOf, type SourceRef, type ToConfirm } from "./types.js";

const OF_TOTAL = "(?:本)?(?:合同)?(?:总价款|总价|总额|总金额|价款|合同金额|合同款|服务费(?:用)?总额)";
const PCT = String.raw`(?:(\d{1,3}(?:\.\d{1,4})?)\s*[%％]|百分之([一二三四五六七八九十]{1,3}))`;

/** The share an anchor names: "50%" or "百分之五十". */
function shareOf(m: RegExpMatchArray): string {
  return m[1] !== undefined ? `${Number(m[1])}%` : `${parseSmallNumber(m[2]!) ?? 0}%`;
}
const CUMULATIVE = new RegExp(`支付至${OF_TOTAL}的?\\s*${PCT}`);
const SHARE = new RegExp(`(?:支付|预付|付清|付款|付)[^，,。；;]{0,6}?${OF_TOTAL}的?\\s*${PCT}`);
const REMAINDER = /(?:剩余|其余|余下)的?(?:全部)?(?:合同)?(?:款项|金额|价款|合同款|费用|服务费|部分)|尾款|余款/;
const MONTHLY = /(?:服务费|费用)[^。；]{0,6}按月(?:计算|支付|结算)|每月[^。；]{0,10}申请支付上月/;
const NOT_PAYMENT = /违约金|赔偿|罚款|扣除|扣减|退还|返还|乙方[^。；]{0,24}(?:缴纳|支付|提交|交纳)[^。；]{0,16}(?:保证金|押金)/;
const LABEL = new RegExp(`^(首付款|首期款|预付款|进度款|中期款|结算款|尾款|末期款|第(?:${NUMBER_PATTERN})(?:次|期|笔)(?:付款|支付|款)?)\\s*[。.:：,，]\\s*`);
const FINAL_PER_AUDIT = /以[^，,。；;]{0,24}(?:审计|评审|结算)[^，,。；;]{0,16}为准|依据审计金额|据实审减/;

type Basis =
  | { kind: "share"; share: string }
  | { kind: "cumulative-share"; upTo: string }
  | { kind: "remainder" }
  | { kind: "fixed"; amount: number | string }
  | { kind: "monthly" };

interface Segment {
  p: Paragraph;
  /** Offset of the segment in the paragraph's text. */
  index: number;
  text: string;
  label?: string;
  basis: Basis;
  /** Where the basis is named, relative to the segment. */
  at: number;
  end: number;
}

function anchorsIn(text: string): { basis: Basis; index: number; end: number }[] {
  const out: { basis: Basis; index: number; end: number }[] = [];
  const masked: [number, number][] = [];
  const free = (i: number, j: number) => !masked.some(([a, b]) => i < b && j > a);
  for (const m of text.matchAll(new RegExp(CUMULATIVE.source, "g"))) {
    out.push({ basis: { kind: "cumulative-share", upTo: shareOf(m) }, index: m.index, end: m.index + m[0].length });
    masked.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(new RegExp(SHARE.source, "g"))) {
    if (!free(m.index, m.index + m[0].length)) continue;
    out.push({ basis: { kind: "share", share: shareOf(m) }, index: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(new RegExp(REMAINDER.source, "g"))) {
    if (!/支付|付清|付款|结清/.test(text)) continue;
    out.push({ basis: { kind: "remainder" }, index: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A sentence with two installments ("…支付至合同总价的70%，验收合格后…支付余款") is cut after the first one's comma. */
function segmentsOf(p: Paragraph): Segment[] {
  const out: Segment[] = [];
  const plain = p.text;
  const stripped = withoutNumber(plain);
  let offset = plain.length - stripped.length;
  let body = stripped;
  let label: string | undefined;
  const l = LABEL.exec(body);
  if (l) {
    label = l[1];
    offset += l[0].length;
    body = body.slice(l[0].length);
  }
  for (const s of sentencesOf(body)) {
    if (NOT_PAYMENT.test(s.text)) continue;
    const anchors = anchorsIn(s.text);
    let start = 0;
    for (const [k, a] of anchors.entries()) {
      const next = anchors[k + 1];
      let stop = s.text.length;
      if (next) stop = lastCommaBefore(s.text, a.end, next.index) ?? next.index;
      const text = s.text.slice(start, stop).trim();
      const lead = s.text.slice(start, stop).length - s.text.slice(start, stop).trimStart().length;
      out.push({
        p,
        index: offset + s.index + start + lead,
        text,
        ...(label === undefined || out.length > 0 ? {} : { label }),
        basis: a.basis,
        at: a.index - start - lead,
        end: a.end - start - lead,
      });
      start = stop;
    }
  }
  return out;
}

/** The last comma between two installments' anchors: the second one's conditions start after it. */
function lastCommaBefore(text: string, from: number, to: number): number | undefined {
  const between = text.slice(from, to);
  // the first comma after the first anchor that is followed by a new condition (not by "即…元")
  const re = /[，,]/g;
  for (const m of between.matchAll(re)) {
    const after = between.slice(m.index + 1);
    if (/^\s*(?:即|为|计|大写|人民币|[¥￥])/.test(after)) continue;
    return from + m.index + 1;
  }
  return undefined;
}

function monthlySegments(paragraphs: Paragraph[]): Segment[] {
  for (const p of paragraphs) {
    const m = MONTHLY.exec(p.text);
    if (!m || NOT_PAYMENT.test(p.text.slice(0, m.index))) continue;
    const text = withoutNumber(p.text);
    const offset = p.text.length - text.length;
    return [{ p, index: offset, text, basis: { kind: "monthly" }, at: m.index - offset, end: m.index - offset + m[0].length }];
  }
  return [];
}

interface Built {
  value: Record<string, unknown>;
  source: SourceRef;
  confidence: Confidence;
  toConfirm: ToConfirm[];
}

const P = (i: number, ...rest: (string | number)[]) => ["payments", "installments", i, ...rest];

function build(ctx: Parameters<Extractor>[0], seg: Segment, i: number): Built {
  const toConfirm: ToConfirm[] = [];
  const line = lineAt(seg.p, seg.index + Math.max(0, seg.at));
  const source = refOf(line, seg.text.slice(Math.max(0, seg.at), seg.at + 12));
  let confidence: Confidence = "high";
  const value: Record<string, unknown> = { id: i + 1 };
  if (seg.label !== undefined) value.label = seg.label;
  const clause = ctx.clauseAt(line.no);
  if (clause !== undefined) value.clause = clause;
  value.basis = seg.basis;

  // what the installment waits for is printed before its share ("2025年10月支付合同总价的25%"), not after
  const triggerText = seg.basis.kind === "monthly" ? seg.text : seg.text.slice(0, Math.max(0, seg.at));
  const known = findTriggers(seg.text).filter((t) => seg.basis.kind === "monthly" || t.index < seg.at);
  const triggers = seg.basis.kind === "monthly" ? known : withUnknownConditions(triggerText, known);
  if (triggers.length > known.length) confidence = "medium";
  if (triggers.length > 0) value.trigger = triggers.map((t) => t.trigger);
  else toConfirm.push({ path: P(i, "trigger"), reason: `未能识别第 ${i + 1} 期的付款条件：“${seg.text.slice(0, 40)}”`, source });

  const offset = findOffsetAfter(seg.basis.kind === "monthly" ? seg.text : triggerText || seg.text);
  if (offset) {
    value.offset = { days: offset.days, unit: offset.unit, text: offset.text.trim() };
    if (!offset.explicit) confidence = "medium";
  }
  if (FINAL_PER_AUDIT.test(seg.text)) value.finalPerAudit = true;

  const after = seg.text.slice(seg.end);
  const figure = findFigures(after).find((f) => f.index <= 16 && !/违约金/.test(after.slice(0, f.index)));
  if (figure) {
    const sum = printedSum(after, figure);
    if (sum.agree === false) {
      toConfirm.push({
        path: P(i, "printed"),
        reason: `第 ${i + 1} 期大写与小写金额不一致：小写 ${formatYuan(figure.fen)} 元，大写“${sum.capitals?.text ?? ""}”`,
        source,
      });
    } else {
      const startAt = Math.max(0, after.slice(0, figure.index).search(/即|为|计/));
      const endAt = sum.capitals ? sum.capitals.index + sum.capitals.text.length : figure.index + figure.text.length;
      const printed: Record<string, unknown> = { amount: figure.value };
      if (sum.capitals) printed.capitals = sum.capitals.text;
      printed.text = after.slice(startAt, endAt).replace(/[）)]*$/, "").trim();
      value.printed = printed;
      if (figure.spaced) confidence = "medium";
    }
  }
  value.text = seg.text;
  return { value, source, confidence, toConfirm };
}

/**
 * Conditions joined by 且 / 并 that name no known event ("合同签订且乙方进场后"): kept as event "other"
 * with their words, so that no condition of the payment is lost. Only the conditions before the first 后.
 */
function withUnknownConditions(text: string, known: ReturnType<typeof findTriggers>): ReturnType<typeof findTriggers> {
  const end = text.search(/后/);
  if (end < 0) return known;
  const out = [...known];
  let at = 0;
  for (const part of text.slice(0, end).split(/并且|且|并/)) {
    const words = part.replace(/^[\s，,]*(?:待|在|经|于|当)?/, "").trim();
    const index = text.indexOf(part, at);
    at = index + part.length;
    if (words.length < 2 || /^(?:甲方|乙方|本合同|合同)$/.test(words)) continue;
    if (findTriggers(`${words}后`).length > 0) continue;
    if (out.some((t) => t.index >= index && t.index < index + part.length)) continue;
    out.push({ trigger: { event: "other", text: words }, index, text: words });
  }
  return out.sort((a, b) => a.index - b.index);
}

// ---- tables -------------------------------------------------------------------------------

function rowCells(p: Paragraph): string[] | undefined {
  const cells = cellsOf(p.line);
  if (cells) return cells;
  const t = p.line.text.trim();
  if (!t.startsWith("|")) return undefined;
  return t
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());
}

interface TableInstallment {
  p: Paragraph;
  cells: string[];
  cols: { label?: number; cond?: number; share?: number; amount?: number; capitals?: number; days?: number };
}

function tableRows(paragraphs: Paragraph[]): TableInstallment[] {
  const out: TableInstallment[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const head = rowCells(paragraphs[i]!);
    if (!head) continue;
    const find = (re: RegExp) => {
      const k = head.findIndex((c) => re.test(c));
      return k < 0 ? undefined : k;
    };
    const cols = {
      label: find(/期次|期数|付款期|阶段|批次/),
      cond: find(/条件|节点|时间|依据/),
      share: find(/比例|百分比/),
      amount: find(/金额(?!.*大写)|小写/),
      capitals: find(/大写/),
      days: find(/期限/),
    };
    if (cols.label === undefined || (cols.share === undefined && cols.amount === undefined) || cols.cond === undefined) continue;
    const clean = Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined)) as TableInstallment["cols"];
    for (let j = i + 1; j < paragraphs.length; j++) {
      const cells = rowCells(paragraphs[j]!);
      if (!cells) break;
      if (cells.every((c) => /^:?-{3,}:?$/.test(c) || c === "")) continue;
      out.push({ p: paragraphs[j]!, cells, cols: clean });
    }
    if (out.length > 0) return out;
  }
  return out;
}

function fromRow(ctx: Parameters<Extractor>[0], row: TableInstallment, i: number): Built {
  const toConfirm: ToConfirm[] = [];
  const cell = (k: number | undefined) => (k === undefined ? "" : (row.cells[k] ?? ""));
  const source = refOf(row.p.line);
  const value: Record<string, unknown> = { id: i + 1 };
  let confidence: Confidence = "medium";
  const label = cell(row.cols.label);
  if (label !== "" && !/^\d+$/.test(label)) value.label = label;
  const clause = ctx.clauseAt(row.p.line.no);
  if (clause !== undefined) value.clause = clause;

  const shareText = cell(row.cols.share);
  const pct = findPercents(shareText)[0];
  const figure = findFigures(cell(row.cols.amount))[0] ?? findAmountCell(cell(row.cols.amount));
  if (REMAINDER.test(shareText) || REMAINDER.test(cell(row.cols.cond))) value.basis = { kind: "remainder" };
  else if (pct && /至/.test(shareText)) value.basis = { kind: "cumulative-share", upTo: pct.value };
  else if (pct) value.basis = { kind: "share", share: pct.value };
  else if (figure) value.basis = { kind: "fixed", amount: figure.value };
  else toConfirm.push({ path: P(i, "basis"), reason: `未能读出第 ${i + 1} 期的支付比例或金额`, source });

  const cond = cell(row.cols.cond);
  const triggers = withUnknownConditions(cond, findTriggers(cond));
  if (triggers.length > 0) value.trigger = triggers.map((t) => t.trigger);
  else toConfirm.push({ path: P(i, "trigger"), reason: `未能识别第 ${i + 1} 期的付款条件：“${cond}”`, source });
  const offset = findOffsetAfter(`${cond}${row.cols.days === undefined ? "" : `后${cell(row.cols.days)}`}`);
  if (offset) {
    value.offset = { days: offset.days, unit: offset.unit, text: offset.text.replace(/^后/, "").trim() };
    if (offset.explicit) confidence = "high";
  }
  if (figure && value.basis !== undefined && (value.basis as Basis).kind !== "fixed") {
    const printed: Record<string, unknown> = { amount: figure.value };
    const capitals = cell(row.cols.capitals);
    if (capitals !== "") printed.capitals = capitals;
    printed.text = cell(row.cols.amount);
    value.printed = printed;
  }
  value.text = row.cells.filter((c) => c !== "").join(" ");
  return { value, source, confidence, toConfirm };
}

/** A table cell holding only a sum ("360,000.00", "¥90,000.00"). */
function findAmountCell(text: string) {
  const t = text.replace(/^[¥￥]\s*/, "").replace(/\s*元$/, "");
  const r = parseYuan(t);
  if (!r.ok || t === "") return undefined;
  return { fen: r.value, value: /,/.test(t) ? t : Number(t), text, index: 0, spaced: false };
}

// ---- the extractor ------------------------------------------------------------------------

const COUNT = new RegExp(`分\\s*(${NUMBER_PATTERN})\\s*(?:次|期|笔)(?:向乙方)?(?:支付|付款|付清)`);

export const extractPayments: Extractor = (ctx) => {
  const found: FoundField[] = [];
  const toConfirm: ToConfirm[] = [];
  const out: Extraction = { found, toConfirm };
  const paragraphs = paragraphsOf(ctx.source);

  let built: Built[] = [];
  const rows = tableRows(paragraphs);
  if (rows.length > 0) built = rows.map((r, i) => fromRow(ctx, r, i));
  else {
    const segments = paragraphs.flatMap((p) => segmentsOf(p));
    const all = segments.length > 0 ? segments : monthlySegments(paragraphs);
    built = all.map((s, i) => build(ctx, s, i));
  }

  for (const [i, b] of built.entries()) {
    found.push({ path: ["payments", "installments", i], value: b.value, source: b.source, confidence: b.confidence });
    toConfirm.push(...b.toConfirm);
  }
  if (built.length === 0) {
    const periodic = paragraphs.find((p) => /按(?:季度?|半年|年)(?:度)?(?:支付|结算|付款)|每(?:季度?|半年|年)(?:末|初)?[^。；]{0,24}支付/.test(p.text));
    toConfirm.push(
      periodic
        ? {
            path: ["payments", "installments"],
            reason: "合同按季度（或按期）支付，未写明各期的比例和付款条件，请逐期填写",
            source: refOf(periodic.line, "支付"),
          }
        : { path: ["payments", "installments"], reason: "未找到付款安排（各期付款的比例、金额和条件）" },
    );
  }
  checkShares(built, out);

  const countAt = paragraphs.find((p) => COUNT.test(p.text));
  if (countAt) {
    const n = parseSmallNumber(COUNT.exec(countAt.text)![1]!);
    if (n !== undefined && built.length > 0 && n !== built.length) {
      toConfirm.push({
        path: ["payments", "installments"],
        reason: `合同写明分 ${n} 次支付，识别出 ${built.length} 期，请核对`,
        source: refOf(countAt.line, "分"),
      });
    }
  }
  // the clause that lays out the schedule: the one saying how many times or how it is paid, just before the first installment
  const lead = countAt ?? paragraphs.find((p) => /付款方式[:：]|支付方式[:：]/.test(p.text) && !/[¥￥]|账号|账户/.test(p.text));
  const firstLine = built[0]?.source.line;
  const near = (p: Paragraph | undefined, lines: number) =>
    p !== undefined && firstLine !== undefined && p.line.no <= firstLine && firstLine - p.line.no < lines;
  // else the heading of the section the schedule is in ("3.2 费用支付", "六、付款方式")
  // — the one that also holds the payment method, when that is printed under its own number
  method(paragraphs, out);
  const methodLine = found.find((f) => f.path[1] === "method")?.source.line;
  const methodClause = methodLine === undefined ? undefined : ctx.clauseAt(methodLine);
  const heading = paragraphs
    .filter((p) => near(p, 30) && p.text.length <= 24 && !/[。；;，,:：]/.test(p.text) && /支付|付款/.test(p.text))
    .filter((p) => {
      const c = ctx.clauseAt(p.line.no);
      return methodClause === undefined || (c !== undefined && methodClause.startsWith(c));
    })
    .at(-1);
  const clauseLine = near(lead, 12) ? lead!.line.no : heading?.line.no;
  if (clauseLine !== undefined) {
    const clause = ctx.clauseAt(clauseLine);
    const line = ctx.source.lines.find((l) => l.no === clauseLine);
    if (clause !== undefined && line) found.push({ path: ["payments", "clause"], value: clause, source: refOf(line), confidence: "medium" });
  }

  afterNotice(paragraphs, out);
  delayExcused(paragraphs, out);
  return out;
};

/** Shares that add up to more than the whole, or a schedule of shares that leaves part unpaid, are flagged. */
function checkShares(built: Built[], out: Extraction): void {
  let total = 0;
  let open = false;
  for (const b of built) {
    const basis = b.value.basis as Basis | undefined;
    if (basis?.kind === "share") {
      const r = parsePercent(basis.share);
      if (r.ok) total += r.value;
    } else if (basis?.kind === "cumulative-share") {
      const r = parsePercent(basis.upTo);
      if (r.ok) total = Math.max(total, r.value);
    } else open = true;
  }
  if (total > 1_000_000) {
    out.toConfirm.push({ path: ["payments", "installments"], reason: `各期比例合计超过 100%，请核对` });
  } else if (!open && built.length > 0 && total !== 1_000_000) {
    out.toConfirm.push({ path: ["payments", "installments"], reason: `各期比例合计不足 100%，且未写剩余款项如何支付，请核对` });
  }
}

const METHODS = ["国库集中支付", "银行转账", "电汇", "汇款", "转账", "支票", "现金"];

function method(paragraphs: Paragraph[], out: Extraction): void {
  for (const p of paragraphs) {
    const m = /(?:支付|付款|结算)方式\s*[:：]?\s*(?:为|采用|采取)?\s*(?:按|以)?/.exec(p.text);
    if (!m) continue;
    const rest = p.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    const word = METHODS.find((w) => rest.startsWith(w) || new RegExp(`^[^，,。；;]{0,4}${w}`).test(rest));
    if (word) {
      out.found.push({ path: ["payments", "method"], value: word, source: refOf(lineAt(p, m.index), m[0]), confidence: "high" });
      return;
    }
  }
}

function afterNotice(paragraphs: Paragraph[], out: Extraction): void {
  for (const p of paragraphs) {
    for (const s of sentencesOf(p.text)) {
      const m = /收到[^，,。；;]{0,12}付款通知(?:书|单)?后/.exec(s.text);
      if (!m) continue;
      const offset = findOffsetAfter(s.text.slice(m.index).replace(/后[^0-9一二三四五六七八九十]{0,4}?在\s*/, "后"));
      if (!offset) continue;
      out.found.push({
        path: ["payments", "payWithinAfterNotice"],
        value: { days: offset.days, unit: offset.unit, text: withoutNumber(s.text) },
        source: refOf(lineAt(p, s.index + m.index), m[0]),
        confidence: offset.explicit ? "high" : "medium",
      });
      return;
    }
  }
}

const EXCUSED = /不视为(?:甲方)?违约|(?:甲方)?不承担(?:违约)?责任|无需(?:因此)?承担[^。；]{0,8}责任|(?:付款|支付)(?:时间|期限)(?:相应)?顺延/;
const CAUSE = /财政|拨款|资金|国库|审批|发票|账户/;

function delayExcused(paragraphs: Paragraph[], out: Extraction): void {
  for (const p of paragraphs) {
    for (const s of sentencesOf(p.text)) {
      const m = EXCUSED.exec(s.text);
      if (!m || !CAUSE.test(s.text) || !/支付|付款/.test(s.text) || /乙方(?:不|无需)承担/.test(s.text)) continue;
      if (/违约金/.test(s.text)) continue;
      // the sentences after it that go on about the delay belong to it ("乙方不得因此停止服务。")
      const rest = sentencesOf(p.text.slice(s.index + s.text.length));
      let text = withoutNumber(s.text);
      for (const r of rest) {
        if (!/因此|逾期付款|延迟|迟延|顺延|障碍/.test(r.text) || /发票/.test(r.text)) break;
        text += r.text;
      }
      const cut = text.search(/但是|但(?=甲方)/);
      out.found.push({
        path: ["payments", "delayExcused"],
        value: cut > 0 ? text.slice(cut) : text,
        source: refOf(lineAt(p, s.index), m[0]),
        confidence: "medium",
      });
      return;
    }
  }
}
