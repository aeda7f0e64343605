/**
 * Penalty clauses of the renewed contract: a fixed sum that the contract states as a share of the
 * total ("353,300.00 元（或合同总额的 20%）") follows the new total, in figures and capitals, in the
 * model and in the clause's words; a sum that never matched its share is an open point.
 */
import { formatCapitals } from "../capitals/index.js";
import { formatClause } from "../clauses/index.js";
import { applyRate, type Fen, formatPercent, formatYuan, type Ppm } from "../money/index.js";
import type { Penalty } from "../schema/penalties.js";
import { type RenewContext, record } from "./change.js";
import { replaceAmountInText } from "./text.js";
import { renewText } from "./texts.js";

type FixedShare = Extract<Penalty, { kind: "fixed" }> & { statedShare: Ppm };

const isFixedShare = (p: Penalty): p is FixedShare =>
  p.kind === "fixed" && p.statedShare !== undefined && (p.base ?? "contract-total") === "contract-total";

/** The penalties of the next term. */
export function renewPenalties(ctx: RenewContext): Penalty[] {
  return ctx.contract.penalties.map((p) => {
    const text = renewText(ctx, p.text, `${formatClause(p.clause)}所写日期`, p.clause);
    return isFixedShare(p) ? renewFixedShare(ctx, { ...p, text }) : { ...p, text };
  });
}

function renewFixedShare(ctx: RenewContext, p: FixedShare): Penalty {
  const { previous, next } = ctx.plan;
  const share = formatPercent(p.statedShare);
  const item = p.title === undefined ? "违约金" : `违约金（${p.title}）`;
  const before = `${formatYuan(p.amount)} 元（合同总额的 ${share}）`;
  const clause = p.clause;
  if (p.amount !== applyRate(previous.amount, p.statedShare)) {
    const reason = `原合同写明 ${formatYuan(p.amount)} 元，又写合同总额的 ${share}（按原合同金额为 ${formatYuan(applyRate(previous.amount, p.statedShare))} 元），两者不一致，续签后的金额须双方确认`;
    const open = ctx.mark(`${formatClause(clause)}违约金`, reason, clause);
    record(ctx, { item, clause, before, after: open });
    return { ...p, text: replaceAmountInText(p.text, p.amount, open) ?? `${p.text}${open}` };
  }
  const amount: Fen = applyRate(next.amount, p.statedShare);
  if (amount === p.amount) return p;
  const words = `${formatYuan(amount)} 元（大写：${formatCapitals(amount)}）`;
  record(ctx, { item, clause, before, after: `${formatYuan(amount)} 元（${formatCapitals(amount)}；合同总额的 ${share}）` });
  const text = replaceAmountInText(p.text, p.amount, words) ?? `${p.text}（按本合同金额，违约金为 ${words}）`;
  return { ...p, amount, text };
}
