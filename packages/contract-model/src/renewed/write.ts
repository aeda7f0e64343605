/**
 * Writes the renewed contract by editing the original YAML text, so that its comments and layout
 * survive: the new term and amount, the renewed model's figures and dates (see renewContract),
 * the renewal history, an unsigned signing block, and notes that say what changed and why.
 */
import { formatClause } from "../clauses/index.js";
import { ContractLoadError } from "../errors/index.js";
import { parseContract } from "../load/index.js";
import { fenToDecimal, formatYuan, type Ppm } from "../money/index.js";
import { describeChange } from "../renewal/checks.js";
import { describeShares } from "../renewal/choices.js";
import type { RenewalPlan } from "../renewal/plan.js";
import { describeTermLength, termLength } from "../renewal/term.js";
import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import { applyRenewed } from "./apply.js";
import type { MarkOpen, RenewalChange } from "./change.js";
import { renewContract } from "./renew-contract.js";
import { appendNotes, insertRenewal, policyValue, replaceValue, yuanValue } from "./yaml-edit.js";
import { parseYaml } from "../yaml/index.js";

export interface RenewYamlOptions {
  /** The file the renewal is made from, named in the note (a file name, not a path). */
  from?: string;
  /** The installments' shares the parties agreed (`--schedule`). */
  shares?: readonly Ppm[];
}

/** "sujiatuo-2026" → "sujiatuo-2026-r1"; "sujiatuo-2026-r1" → "sujiatuo-2026-r2". */
export function renewedId(id: string, renewalNumber: number): string {
  return `${id.replace(/-r\d+$/, "")}-r${renewalNumber}`;
}

/**
 * The YAML of the renewed contract. Throws a ContractLoadError when `source` is not a contract,
 * a RenewalRequestError when the plan fails a cap or was made for another contract, and a
 * RenewalScheduleError when the schedule cannot be carried over without the parties' shares.
 */
export function renewContractYaml(source: string, plan: RenewalPlan, options: RenewYamlOptions = {}): string {
  const from = options.from ?? "原合同";
  const { contract } = parseContract(source, from);
  const open: string[] = [];
  const mark: MarkOpen = (what, reason, clause) => {
    open.push(`${what}${clause === undefined ? "" : `（原合同${formatClause(clause)}）`}：${reason}`);
    return `【待确认：${reason}】`;
  };
  const renewed = renewContract(contract, plan, options.shares === undefined ? {} : { shares: options.shares }, mark);
  // parseContract read the same text: this parse succeeds, and keeps the comments to edit around
  const parsed = parseYaml(source, from);
  if ("issues" in parsed) throw new ContractLoadError(from, parsed.issues);
  const { doc } = parsed;
  const { next, original } = plan;

  replaceValue(doc, ["id"], renewedId(contract.id, plan.renewalNumber));
  replaceValue(doc, ["term", "start"], next.start);
  replaceValue(doc, ["term", "end"], next.end);
  doc.deleteIn(["term", "text"]);
  replaceValue(doc, ["fees", "total", "amount"], yuanValue(next.amount));
  replaceValue(doc, ["fees", "total", "capitals"], next.capitals);
  doc.deleteIn(["fees", "total", "text"]);
  const { place, effective } = contract.signing;
  doc.setIn(["signing"], doc.createNode({ ...(place !== undefined ? { place } : {}), ...(effective !== undefined ? { effective } : {}) }));
  const { printedRemoved } = applyRenewed(doc, contract, renewed.contract);
  // the original's text prints the original's term, amount, dates and signatures: the renewal
  // keeps none of it, and `render contract` writes the renewal's text from the model instead
  const bodyRemoved = contract.body.length > 0;
  if (bodyRemoved) doc.deleteIn(["body"]);

  const term = (t: { start: string; end: string; amount: number }) => ({ start: t.start, end: t.end, amount: fenToDecimal(t.amount) });
  const history = { original: term(original), renewals: [...(contract.renewal?.history?.renewals ?? []), next].map(term) };
  if (contract.renewal) doc.setIn(["renewal", "history"], doc.createNode(history));
  else insertRenewal(doc, doc.createNode({ stated: false, policy: policyValue(plan.policy), history }));

  appendNotes(doc, [renewalNote(contract, plan, from), ...(bodyRemoved ? [BODY_REMOVED] : []), ...changeNotes(renewed.changes, printedRemoved, options.shares), ...open.map((o) => `待确认：${o}`)]);
  return doc.toString({ lineWidth: 0 });
}

const BODY_REMOVED =
  "原合同正文（body）印的是原合同的服务期、金额、日期和签署，续签合同不沿用，已删除；qiyue render contract 按合同数据生成续签合同正文（标明为生成文本，签署前须核对），签署后可将签署文本录入 body。";

/** One note per line of the table of changes, after the removal of printed figures and the agreed shares. */
function changeNotes(changes: readonly RenewalChange[], printedRemoved: readonly number[], shares: readonly Ppm[] | undefined): string[] {
  const notes: string[] = [];
  if (printedRemoved.length > 0) {
    notes.push(`原合同所印第 ${printedRemoved.join("、")} 期的金额与大写按原合同金额计算，续签后不再适用，已删除；各期金额按约定比例以续签金额计算。`);
  }
  if (shares !== undefined) notes.push(`付款比例按甲乙双方约定调整为 ${describeShares(shares)}。`);
  for (const c of changes) {
    const clause = c.clause === undefined ? "" : `（原合同${formatClause(c.clause)}）`;
    notes.push(`续签变更：${c.item}${clause}由“${c.before}”改为“${c.after}”。`);
  }
  return notes;
}

function renewalNote(contract: Contract, plan: RenewalPlan, from: string): string {
  const { previous, original, next } = plan;
  const budget = plan.checks.find((c) => c.cap === "budget" && c.manual);
  const rules = plan.policyStated ? "合同约定的续签规则" : "默认续签规则（合同未约定续签规则）";
  const length = plan.term.chosen ? "，按双方约定" : "，与原合同相同";
  return [
    `续签草稿：由 ${from}（${contract.id}）第 ${plan.renewalNumber} 次续签生成，其他条款照原合同。`,
    `服务期${chineseDate(next.start)}至${chineseDate(next.end)}（${describeTermLength(termLength(next.start, next.end))}${length}）；`,
    `合同金额 ${formatYuan(next.amount)} 元（${next.capitals}），较本期金额 ${formatYuan(previous.amount)} 元${describeChange(previous.amount, next.amount)}，`,
    `较原合同金额 ${formatYuan(original.amount)} 元${describeChange(original.amount, next.amount)}；已按${rules}检查续签次数、总服务期限和金额增幅。`,
    budget ? "预算批复金额未录入，续签金额是否在预算内须人工核对。" : "",
    "续签合同尚未签署，签订日期与签署页待填。",
  ].join("");
}
