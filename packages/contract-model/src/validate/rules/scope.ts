import { finding, type Rule, type RuleFinding } from "../finding.js";

export const staffing: Rule = ({ contract }) => {
  const s = contract.scope.staffing;
  if (!s || s.roles.length === 0) return [];
  const out: RuleFinding[] = [];
  const sum = s.roles.reduce((n, r) => n + r.count, 0);
  if (s.total !== undefined && sum !== s.total) {
    out.push(finding("STAFFING_SUM", "error", ["scope", "staffing", "roles"], `各岗位人数合计 ${sum} 人，与写明的总人数 ${s.total} 人不符`));
  }
  if (s.minimum !== undefined && sum < s.minimum) {
    out.push(finding("STAFFING_BELOW_MINIMUM", "error", ["scope", "staffing", "roles"], `各岗位人数合计 ${sum} 人，少于“不少于 ${s.minimum} 人”的要求`));
  }
  return out;
};

export const serviceLevels: Rule = ({ contract }) => {
  const out: RuleFinding[] = [];
  contract.serviceLevels.forEach((s, i) => {
    if (s.metric === "dispatch-within-minutes" && s.minutes === undefined) {
      out.push(finding("SERVICE_LEVEL_INCOMPLETE", "error", ["serviceLevels", i], `服务标准“${s.id}”是限时派单，但没有写分钟数`));
    }
    if (["sign-rate", "dispatch-rate", "on-time-close-rate", "feedback-rate", "response-rate"].includes(s.metric) && s.target === undefined) {
      out.push(finding("SERVICE_LEVEL_INCOMPLETE", "error", ["serviceLevels", i], `服务标准“${s.id}”是比率指标，但没有目标值`));
    }
  });
  return out;
};

export const monthlyFee: Rule = ({ contract, schedule }) => {
  if (contract.fees.pricing.kind !== "monthly") return [];
  const months = schedule.rows.filter((r) => r.month !== undefined);
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last || first.amount === last.amount) return [];
  return [
    finding(
      "MONTHLY_FEE_UNEVEN",
      "info",
      ["fees", "pricing"],
      `合同总价按 ${months.length} 个月平分不能精确到分：每月 ${(first.amount / 100).toFixed(2)} 元，最后一个月 ${(last.amount / 100).toFixed(2)} 元`,
    ),
  ];
};

export const confidentialityDuration: Rule = ({ contract }) => {
  const c = contract.confidentiality;
  if (c?.duration.kind !== "unspecified") return [];
  return [finding("CONFIDENTIALITY_DURATION_UNSPECIFIED", "info", ["confidentiality"], "保密条款未约定保密期限，合同终止后保密义务持续多久不明确")];
};
