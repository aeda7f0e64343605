/**
 * Writes the renewed contract by editing the original YAML text, so that its comments and layout
 * survive: the new term and amount, the renewal history, an unsigned signing block, and notes
 * that say what was changed and why.
 */
import { parseDocument } from "yaml";
import { fenToDecimal, formatYuan } from "../money/index.js";
import { parseContract } from "../load/index.js";
import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import { describeChange } from "./checks.js";
import { type RenewalPlan, RenewalRequestError } from "./plan.js";
import { replaceStale } from "./stale.js";
import { describeTermLength, termLength } from "./term.js";
import { appendNotes, insertRenewal, policyValue, replaceValue, yuanValue } from "./yaml-edit.js";

export interface RenewYamlOptions {
  /** The file the renewal is made from, named in the note (a file name, not a path). */
  from?: string;
}

/** "sujiatuo-2026" → "sujiatuo-2026-r1"; "sujiatuo-2026-r1" → "sujiatuo-2026-r2". */
export function renewedId(id: string, renewalNumber: number): string {
  return `${id.replace(/-r\d+$/, "")}-r${renewalNumber}`;
}

/**
 * The YAML of the renewed contract. Throws a ContractLoadError when `source` is not a contract,
 * and a RenewalRequestError when the plan fails a cap or was made for another contract.
 */
export function renewContractYaml(source: string, plan: RenewalPlan, options: RenewYamlOptions = {}): string {
  const from = options.from ?? "原合同";
  const { contract } = parseContract(source, from);
  assertPlanFits(contract, plan);
  const doc = parseDocument(source, { version: "1.2", uniqueKeys: true });
  const { previous, next, original } = plan;
  const years = termLength(next.start, next.end).months / 12;

  replaceValue(doc, ["id"], renewedId(contract.id, plan.renewalNumber));
  replaceValue(doc, ["term", "start"], next.start);
  replaceValue(doc, ["term", "end"], next.end);
  doc.deleteIn(["term", "text"]);
  replaceValue(doc, ["fees", "total", "amount"], yuanValue(next.amount));
  replaceValue(doc, ["fees", "total", "capitals"], next.capitals);
  doc.deleteIn(["fees", "total", "text"]);
  const { place, effective } = contract.signing;
  doc.setIn(["signing"], doc.createNode({ ...(place !== undefined ? { place } : {}), ...(effective !== undefined ? { effective } : {}) }));

  const term = (t: { start: string; end: string; amount: number }) => ({ start: t.start, end: t.end, amount: fenToDecimal(t.amount) });
  const history = { original: term(original), renewals: [...(contract.renewal?.history?.renewals ?? []), next].map(term) };
  if (contract.renewal) doc.setIn(["renewal", "history"], doc.createNode(history));
  else insertRenewal(doc, doc.createNode({ stated: false, policy: policyValue(plan.policy), history }));

  const stale = replaceStale({ doc, contract, previous, next, years });
  appendNotes(doc, [renewalNote(contract, plan, from), ...stale]);
  return doc.toString({ lineWidth: 0 });
}

function assertPlanFits(contract: Contract, plan: RenewalPlan): void {
  const { previous } = plan;
  if (contract.term.start !== previous.start || contract.term.end !== previous.end || contract.fees.total.amount !== previous.amount) {
    throw new RenewalRequestError("RENEWAL_PLAN_MISMATCH", "续签计划不是根据这份合同的本期服务期和金额做出的，请重新计算");
  }
  const failed = plan.checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    throw new RenewalRequestError("RENEWAL_CAP_EXCEEDED", `续签未通过上限检查，不能写出续签合同：${failed.map((c) => c.message).join("")}`);
  }
}

function renewalNote(contract: Contract, plan: RenewalPlan, from: string): string {
  const { previous, original, next } = plan;
  const budget = plan.checks.find((c) => c.cap === "budget" && c.manual);
  const rules = plan.policyStated ? "合同约定的续签规则" : "默认续签规则（合同未约定续签规则）";
  return [
    `续签草稿：由 ${from}（${contract.id}）第 ${plan.renewalNumber} 次续签生成，其他条款照原合同。`,
    `服务期${chineseDate(next.start)}至${chineseDate(next.end)}（${describeTermLength(termLength(next.start, next.end))}）；`,
    `合同金额 ${formatYuan(next.amount)} 元（${next.capitals}），较本期金额 ${formatYuan(previous.amount)} 元${describeChange(previous.amount, next.amount)}，`,
    `较原合同金额 ${formatYuan(original.amount)} 元${describeChange(original.amount, next.amount)}；已按${rules}检查续签次数、总服务期限和金额增幅。`,
    budget ? "预算批复金额未录入，续签金额是否在预算内须人工核对。" : "",
    "续签合同尚未签署，签订日期与签署页待填。",
  ].join("");
}
