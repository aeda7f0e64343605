import { formatCapitals } from "../../capitals/index.js";
import { formatYuan } from "../../money/index.js";
import { checkCapitals } from "../../schedule/index.js";
import { finding, type Rule, type RuleFinding } from "../finding.js";

/** Printed capitals parse, use only allowed characters, and equal the figure beside them. */
export function capitalsFindings(printed: string | undefined, figure: number, path: readonly PropertyKey[], what: string): RuleFinding[] {
  const check = checkCapitals(printed, figure);
  if (check.status === "invalid") {
    return [
      finding(
        "CAPITALS_INVALID",
        "error",
        path,
        `${what}的大写“${printed}”不合规范：${check.reason.replace(/[；;]?\s*应写作“[^”]*”$/, "")}；${formatYuan(figure)} 元应写作“${formatCapitals(figure)}”`,
      ),
    ];
  }
  if (check.status === "mismatch") {
    return [
      finding(
        "CAPITALS_MISMATCH",
        "error",
        path,
        `${what}的大写“${printed}”是 ${formatYuan(check.printedValue)} 元，与小写金额 ${formatYuan(figure)} 元不符`,
      ),
    ];
  }
  return [];
}

export const totalCapitals: Rule = ({ contract }) =>
  capitalsFindings(contract.fees.total.capitals, contract.fees.total.amount, ["fees", "total", "capitals"], "合同总价");

export const taxRate: Rule = ({ contract }) => {
  const f = contract.fees;
  if (f.taxIncluded && f.taxRate === undefined) {
    return [finding("TAX_RATE_MISSING", "info", ["fees"], "合同总价含税，但未写明税率；付款申请中的价税分离需要在开票时确认税率")];
  }
  return [];
};

export const estimatedTotal: Rule = ({ contract }) => {
  const f = contract.fees;
  if (!f.estimated) return [];
  const basis = f.finalBasis ? `，${f.finalBasis}` : "";
  return [finding("TOTAL_ESTIMATED", "info", ["fees", "estimated"], `合同总价为预计金额${basis}；各期金额按预计总价计算，尾款以最终金额为准`)];
};
