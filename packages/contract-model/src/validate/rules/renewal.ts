import { compareDates } from "../../calendar/index.js";
import { formatPercent, formatYuan } from "../../money/index.js";
import { increaseCeiling } from "../../renewal/checks.js";
import { STATUTORY_RENEWAL_POLICY } from "../../renewal/policy.js";
import { describeTermLength, termEndAfterYears, termLength } from "../../renewal/term.js";
import { finding, type Rule, type RuleFinding } from "../finding.js";

export const renewalPolicy: Rule = ({ contract }) => {
  const r = contract.renewal;
  if (!r) return [];
  const out: RuleFinding[] = [];
  const p = r.policy;
  const statutory = STATUTORY_RENEWAL_POLICY;
  if (!p.allowed) return out;
  if (p.maxIncrease > statutory.maxIncrease) {
    out.push(
      finding(
        "RENEWAL_INCREASE_ABOVE_STATUTE",
        "warning",
        ["renewal", "policy", "maxIncrease"],
        `续签增幅上限 ${formatPercent(p.maxIncrease)} 高于${statutory.sources[0]?.title ?? "法定上限"}的 ${formatPercent(statutory.maxIncrease)}`,
      ),
    );
  }
  if (p.maxTotalYears > statutory.maxTotalYears) {
    out.push(
      finding("RENEWAL_YEARS_ABOVE_STATUTE", "warning", ["renewal", "policy", "maxTotalYears"], `总服务期限上限 ${p.maxTotalYears} 年超过一般规定的 ${statutory.maxTotalYears} 年`),
    );
  }
  const term = termLength(contract.term.start, contract.term.end);
  const possibleMonths = (term.months + (term.days > 0 ? 1 : 0)) * (1 + p.maxRenewals);
  if (possibleMonths > p.maxTotalYears * 12) {
    out.push(
      finding(
        "RENEWAL_POLICY_INCOHERENT",
        "warning",
        ["renewal", "policy"],
        `本期服务期 ${describeTermLength(term)}，按同样期限最多续签 ${p.maxRenewals} 次，总期限将超过总服务期限上限 ${p.maxTotalYears} 年；续签次数与年限上限不能同时用足`,
      ),
    );
  }
  if (p.withinBudget && contract.fees.budget === undefined) {
    out.push(finding("RENEWAL_BUDGET_UNKNOWN", "info", ["fees"], "续签金额须在预算批复金额内，但模型中没有预算金额（fees.budget）；续签时请核对预算"));
  }
  const h = r.history;
  if (h) {
    if (h.renewals.length > p.maxRenewals) {
      out.push(finding("RENEWAL_COUNT_EXCEEDED", "error", ["renewal", "history", "renewals"], `已续签 ${h.renewals.length} 次，超过上限 ${p.maxRenewals} 次`));
    }
    const cap = increaseCeiling(h.original.amount, p.maxIncrease);
    h.renewals.forEach((t, i) => {
      if (t.amount > cap) {
        out.push(
          finding(
            "RENEWAL_AMOUNT_EXCEEDED",
            "error",
            ["renewal", "history", "renewals", i, "amount"],
            `第 ${i + 1} 次续签金额 ${formatYuan(t.amount)} 元超过原合同金额 ${formatYuan(h.original.amount)} 元的 ${formatPercent(p.maxIncrease)} 增幅上限（${formatYuan(cap)} 元）`,
          ),
        );
      }
    });
    const lastEnd = h.renewals.at(-1)?.end ?? h.original.end;
    const limit = termEndAfterYears(h.original.start, p.maxTotalYears);
    if (compareDates(lastEnd, limit) > 0) {
      out.push(
        finding(
          "RENEWAL_YEARS_EXCEEDED",
          "error",
          ["renewal", "history"],
          `总服务期限 ${describeTermLength(termLength(h.original.start, lastEnd))}，超过上限 ${p.maxTotalYears} 年（最晚应于 ${limit} 结束）`,
        ),
      );
    }
  }
  return out;
};
