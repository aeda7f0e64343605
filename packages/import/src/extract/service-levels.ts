/**
 * Service levels (serviceLevels): rates the contract sets ("工单签收率和反馈率均应达到 98%", "接通率≥95%",
 * "99%响应并签收"), dispatch deadlines ("接单后15分钟内完成派单"), the ban on 0 分工单 and what must not
 * happen at all ("杜绝…"). A rate the model has no name for is kept as metric "other", named by its own words.
 */
import { lineAt, type Paragraph, paragraphsOf, sentencesOf, withoutNumber } from "./text/paragraphs.js";
import { type Extraction, type Extractor, refOf } from "./types.js";

type Metric =
  | "sign-rate"
  | "dispatch-rate"
  | "on-time-close-rate"
  | "feedback-rate"
  | "response-rate"
  | "dispatch-within-minutes"
  | "zero-score-orders"
  | "other";

/** Rate names as printed → metric; longest first. */
const RATE_NAMES: readonly [string, Metric][] = [
  ["按时办结率", "on-time-close-rate"],
  ["签收率", "sign-rate"],
  ["转办率", "dispatch-rate"],
  ["派单率", "dispatch-rate"],
  ["反馈率", "feedback-rate"],
  ["响应率", "response-rate"],
];

/** Verbs after a share: "99%响应并签收". */
const VERBS: readonly [string, Metric][] = [
  ["响应", "response-rate"],
  ["签收", "sign-rate"],
  ["转派", "dispatch-rate"],
  ["转办", "dispatch-rate"],
  ["反馈", "feedback-rate"],
];

const ID: Record<Exclude<Metric, "other">, string> = {
  "sign-rate": "sign-rate",
  "dispatch-rate": "dispatch-rate",
  "on-time-close-rate": "on-time-close-rate",
  "feedback-rate": "feedback-rate",
  "response-rate": "response-rate",
  "dispatch-within-minutes": "dispatch-within-minutes",
  "zero-score-orders": "zero-score",
};

const RATE = /((?:[\u4e00-\u9fa5]{0,6}?)(?:率|满意度))((?:[和及、与](?:[\u4e00-\u9fa5]{1,6}率))*)\s*(?:应|须|需|要)?(?:达到|不低于|不少于|≥|>=|为|达)\s*(\d{1,3}(?:\.\d{1,2})?)\s*[%％]/g;

/** Rates that are not service levels: tax, interest, fees. */
const NOT_A_LEVEL = /税率|利率|费率|汇率|增长率|比率/;

interface Level {
  metric: Metric;
  value: Record<string, unknown>;
  p: Paragraph;
  index: number;
}

function metricOf(name: string): Metric {
  return RATE_NAMES.find(([n]) => name.endsWith(n))?.[1] ?? "other";
}

export const extractServiceLevels: Extractor = (ctx) => {
  const out: Extraction = { found: [], toConfirm: [] };
  const paragraphs = paragraphsOf(ctx.source);
  const levels: Level[] = [];
  const has = (m: Metric, name?: string) => levels.some((l) => l.metric === m && (m !== "other" || l.value.name === name));

  // 1. named rates with a figure
  for (const p of paragraphs) {
    for (const s of sentencesOf(p.text)) {
      if (/违约金|扣除|赔偿/.test(s.text)) continue;
      for (const m of s.text.matchAll(RATE)) {
        const names = [m[1]!, ...(m[2] ?? "").split(/[和及、与]/).filter((x) => x !== "")];
        for (const raw of names) {
          const name = raw.replace(/^.*?(?=[\u4e00-\u9fa5]{2,6}率$)/, "").replace(/^(?:案件|工单|诉求)/, "");
          const metric = metricOf(name);
          if (NOT_A_LEVEL.test(name) || has(metric, name)) continue;
          const value: Record<string, unknown> = { metric, target: `${Number(m[3])}%` };
          if (metric === "other") value.name = name;
          levels.push({ metric, value, p, index: s.index + m.index });
        }
      }
    }
  }
  // 2. "100%响应、签收、转派" / "100%响应并签收"
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(/(\d{1,3})\s*[%％]\s*((?:响应|签收|转派|转办|反馈)(?:\s*[、和及并]\s*(?:响应|签收|转派|转办|反馈))*)/g)) {
      for (const verb of m[2]!.split(/\s*[、和及并]\s*/)) {
        const metric = VERBS.find(([v]) => v === verb)?.[1];
        if (metric === undefined || has(metric)) continue;
        levels.push({ metric, value: { metric, target: `${Number(m[1])}%` }, p, index: m.index });
      }
    }
  }
  // 3. "在30分钟内…完成…派单"
  for (const p of paragraphs) {
    const m = /(\d{1,3})\s*分钟内[^。；]{0,40}?(?:派单|转派|派发|分转)/.exec(p.text);
    if (m && !has("dispatch-within-minutes")) {
      levels.push({ metric: "dispatch-within-minutes", value: { metric: "dispatch-within-minutes", minutes: Number(m[1]) }, p, index: m.index });
    }
  }
  // 4. "不得…出现0分工单"
  for (const p of paragraphs) {
    const m = /(?:不得|杜绝|禁止)[^。；]{0,20}?(?:出现|产生)\s*(?:0|零)\s*分工单/.exec(p.text);
    if (m && !has("zero-score-orders")) {
      levels.push({ metric: "zero-score-orders", value: { metric: "zero-score-orders", maxCount: 0 }, p, index: m.index });
    }
  }

  // 5. "杜绝出现漏派工单": something that must not happen at all
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(/杜绝(?:出现)?([^。；;]+)/g)) {
      const name = m[1]!.split(/[，,]/)[0]!;
      levels.push({ metric: "other", value: { metric: "other", maxCount: 0, name }, p, index: m.index });
    }
  }

  const penalty = penaltyClause(ctx, paragraphs);
  for (const [i, l] of levels.entries()) {
    const line = lineAt(l.p, l.index);
    const sentence = sentencesOf(l.p.text).filter((s) => s.index <= l.index).at(-1);
    const clause = ctx.clauseAt(line.no);
    const { name, ...rest } = l.value as { name?: string };
    const id = l.metric === "other" ? `other-${i + 1}` : ID[l.metric];
    const value: Record<string, unknown> = { id, ...(clause === undefined ? {} : { clause }), ...rest };
    if (penalty !== undefined) value.penaltyClause = penalty;
    value.text = withoutNumber(sentence?.text ?? l.p.text);
    if (name !== undefined && !String(value.text).includes(name)) value.text = `${name}：${value.text}`;
    out.found.push({ path: ["serviceLevels", i], value, source: refOf(line, String(value.text).slice(0, 12)), confidence: l.metric === "other" ? "medium" : "high" });
  }
  return out;
};

/**
 * The penalty for falling short of the service standard ("服务未达到约定标准的，乙方应按合同总价的5%支付违约金",
 * "如未达到，…违约金", "整改后仍达不到标准的…违约金"): the first clause that names such a failure and a 违约金.
 */
function penaltyClause(ctx: Parameters<Extractor>[0], paragraphs: Paragraph[]): string | undefined {
  const p = paragraphs.find(
    (x) =>
      /违约金/.test(x.text) &&
      /未能?(?:达到|完成)[^。，,；;]{0,10}(?:项目内容|服务标准|标准|要求)|如未达到|达不到(?:服务)?标准|服务不符合(?:约定|要求|标准)/.test(x.text),
  );
  return p === undefined ? undefined : ctx.clauseAt(p.line.no);
}
