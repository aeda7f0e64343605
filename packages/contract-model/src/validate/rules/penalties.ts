import { formatClause } from "../../clauses/index.js";
import { applyRate, formatPercent, formatYuan, PPM_100_PERCENT } from "../../money/index.js";
import { finding, type Rule, type RuleFinding } from "../finding.js";

/** 民法典第五百八十五条: a penalty far above the loss may be reduced; a per-day rate this high is worth flagging. */
const HIGH_DAILY_RATE = 5_000; // 0.5 % a day, 182.5 % a year

export const penalties: Rule = ({ contract }) => {
  const out: RuleFinding[] = [];
  const total = contract.fees.total.amount;
  const clauses = new Map<string, number>();
  contract.penalties.forEach((p, i) => {
    const path = ["penalties", i] as const;
    clauses.set(p.clause, (clauses.get(p.clause) ?? 0) + 1);
    if (p.kind === "fixed" && p.statedShare !== undefined) {
      const base = p.base ?? "contract-total";
      if (base === "contract-total") {
        const expected = applyRate(total, p.statedShare);
        if (expected !== p.amount) {
          out.push(
            finding(
              "PENALTY_FIXED_SHARE_MISMATCH",
              "error",
              [...path, "amount"],
              `${formatClause(p.clause)}违约金 ${formatYuan(p.amount)} 元，写明为合同总额的 ${formatPercent(p.statedShare)}，但 ${formatPercent(p.statedShare)} × ${formatYuan(total)} = ${formatYuan(expected)} 元`,
            ),
          );
        }
      }
    }
    if (p.kind === "share-range") {
      if (p.min > p.max) {
        out.push(finding("PENALTY_RANGE_ORDER", "error", [...path, "min"], `${formatClause(p.clause)}违约金区间下限 ${formatPercent(p.min)} 高于上限 ${formatPercent(p.max)}`));
      } else {
        out.push(
          finding(
            "PENALTY_RANGE_DISCRETIONARY",
            "warning",
            path,
            `${formatClause(p.clause)}违约金为合同金额的 ${formatPercent(p.min)}–${formatPercent(p.max)}（${formatYuan(applyRate(total, p.min))}–${formatYuan(applyRate(total, p.max))} 元），具体比例由一方酌定，金额不确定，建议写明适用标准`,
          ),
        );
      }
    }
    if (p.kind === "per-day" && p.rate >= HIGH_DAILY_RATE) {
      const days = Math.ceil(PPM_100_PERCENT / p.rate);
      out.push(
        finding(
          "PENALTY_DAILY_RATE_HIGH",
          "warning",
          [...path, "rate"],
          `${formatClause(p.clause)}按日 ${formatPercent(p.rate)} 计违约金，折合每年 ${formatPercent(p.rate * 365)}，${days} 天即达基数全额；过高的违约金可能被法院调低（《民法典》第五百八十五条）`,
        ),
      );
    }
    if (p.cap && p.cap.rate > PPM_100_PERCENT) {
      out.push(finding("PENALTY_CAP_ABOVE_TOTAL", "warning", [...path, "cap"], `${formatClause(p.clause)}违约金上限超过基数的 100%`));
    }
  });
  const cap = contract.liabilityCap;
  if (cap) {
    contract.penalties.forEach((p, i) => {
      if ((p.kind === "share" || p.kind === "share-range") && p.base === cap.base) {
        const rate = p.kind === "share" ? p.rate : p.max;
        if (rate > cap.rate) {
          out.push(
            finding(
              "PENALTY_ABOVE_LIABILITY_CAP",
              "warning",
              ["penalties", i],
              `${formatClause(p.clause)}违约金 ${formatPercent(rate)} 超过${formatClause(cap.clause)}的责任上限 ${formatPercent(cap.rate)}`,
            ),
          );
        }
      }
    });
  }
  return out;
};

export const references: Rule = ({ contract }) => {
  const out: RuleFinding[] = [];
  const clauses = new Set(contract.penalties.map((p) => p.clause));
  const conf = contract.confidentiality;
  if (conf?.penaltyClause && !clauses.has(conf.penaltyClause)) {
    out.push(finding("REF_PENALTY_CLAUSE", "error", ["confidentiality", "penaltyClause"], `保密条款引用的违约条款“${conf.penaltyClause}”不在 penalties 中`));
  }
  contract.serviceLevels.forEach((s, i) => {
    if (s.penaltyClause && !clauses.has(s.penaltyClause)) {
      out.push(finding("REF_PENALTY_CLAUSE", "error", ["serviceLevels", i, "penaltyClause"], `服务标准“${s.id}”引用的违约条款“${s.penaltyClause}”不在 penalties 中`));
    }
  });
  for (const [list, name] of [
    [contract.serviceLevels, "serviceLevels"],
    [contract.deliverables, "deliverables"],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) out.push(finding("DUPLICATE_ID", "error", [name, i, "id"], `编号“${x.id}”重复`));
      seen.add(x.id);
    });
  }
  return out;
};
