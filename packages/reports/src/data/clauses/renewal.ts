import { chineseDate, formatPercent } from "@qiyue/contract-model";
import { type ClauseContext, type Paragraph, texts } from "./context.js";
import { cnNumber, yuanWords } from "./words.js";

/** 续签: the renewal this contract is (from its history), and the renewal rules the contract states. */
export function renewalParagraphs(ctx: ClauseContext): Paragraph[] {
  const renewal = ctx.contract.renewal;
  if (renewal === undefined) return [];
  const history = renewal.history;
  const count = history?.renewals.length ?? 0;
  const which =
    history === undefined || count === 0
      ? undefined
      : `本合同为原合同（服务期限${chineseDate(history.original.start)}至${chineseDate(history.original.end)}，合同金额${yuanWords(history.original.amount)}）的第${cnNumber(count)}次续签合同。`;
  if (!renewal.stated) return texts(which);
  const { policy } = renewal;
  if (!policy.allowed) return texts(which, "本合同期满后不再续签。");
  const budget = policy.withinBudget ? "续签合同金额须在预算批复金额内，且" : "续签合同金额";
  const rules = `本合同期满后，在不改变合同其他条款的情况下，经双方协商一致可以续签合同。续签次数不超过${cnNumber(policy.maxRenewals)}次，总服务期限不超过${policy.maxTotalYears}年；${budget}较原合同金额增加的部分不超过原合同金额的${formatPercent(policy.maxIncrease)}。`;
  return texts(which, rules);
}
