import { chineseDate } from "../../schedule/index.js";
import { finding, type Rule, type RuleFinding } from "../finding.js";
import { signatureDateQueries } from "../signature-dates.js";

export const termOrder: Rule = ({ contract }) => {
  const { start, end } = contract.term;
  if (start <= end) return [];
  return [finding("TERM_ORDER", "error", ["term", "end"], `服务期结束日 ${end} 早于开始日 ${start}`)];
};

export const signingDates: Rule = ({ contract }) => {
  const out: RuleFinding[] = [];
  const { signing, term } = contract;
  const cover = signing.date;
  if (!cover) {
    out.push(finding("SIGNING_DATE_MISSING", "warning", ["signing"], "合同未写签订日期；以签订日起算的付款期限无法计算"));
  }
  const page = signing.signaturePage;
  // each printed date that the reprint notes as questioned (see signatureDateQueries)
  for (const q of signatureDateQueries(contract)) out.push(finding(q.code, q.severity, q.path, q.message));
  const c = page?.client?.date;
  const v = page?.vendor?.date;
  if (c && v && c !== v && !cover) {
    out.push(finding("SIGNATURE_DATES_DIFFER", "warning", ["signing", "signaturePage"], `甲方签署日期 ${c} 与乙方 ${v} 不同，合同生效日期以后签一方为准`));
  }
  if (cover && cover > term.start) {
    out.push(
      finding("SIGNED_AFTER_START", "warning", ["signing", "date"], `签订日期 ${chineseDate(cover)} 晚于服务期开始日 ${chineseDate(term.start)}：签订前已开始的服务缺少合同依据`),
    );
  }
  return out;
};

export const completion: Rule = ({ contract }) => {
  const c = contract.completion;
  if (!c || c.alternatives.length < 2) return [];
  return [
    finding(
      "COMPLETION_AMBIGUOUS",
      "warning",
      ["completion", "alternatives"],
      `完成期限写了 ${c.alternatives.length} 个以“或”连接的期限（${c.text.trim()}），以哪个为准不明确；逾期违约金的起算日因此无法确定`,
    ),
  ];
};

export const acceptanceDate: Rule = ({ contract }) => {
  const a = contract.acceptance;
  if (!a?.by || a.by <= contract.term.end) return [];
  return [finding("ACCEPTANCE_AFTER_TERM", "warning", ["acceptance", "by"], `验收截止日 ${a.by} 晚于服务期结束日 ${contract.term.end}`)];
};
