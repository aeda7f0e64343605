/**
 * Renewal: whether the contract may be renewed and within which caps (number of renewals, total
 * years of service, increase over the ORIGINAL amount, within budget), as the contract states them.
 * A cap the clause does not state is not filled in with a default: it is left to confirm.
 */

import { stripNumbering } from "./text/labels.js";
import { NUMBER_PATTERN, parseSmallNumber } from "./text/numerals.js";
import { plainSource, regionsOf } from "./text/regions.js";
import { type Extractor, type FoundField, refOf, type ToConfirm } from "./types.js";

const N = `(${NUMBER_PATTERN})`;
const MENTION = /续签|续约|续订|(?<![持连继陆])续期|延续服务/;
const RENEWALS = new RegExp(`(?:续签|续约|续订|续期)(?:次数)?[^。；，,]{0,6}?(?:不得超过|不超过|最多|至多|可)\\s*${N}\\s*次|最多(?:可)?(?:续签|续约)\\s*${N}\\s*次`);
const YEARS = new RegExp(`(?:总服务期限|服务期限累计|累计服务期限|合同期限累计|总期限)[^。；，,]{0,6}?(?:不得超过|不超过|最长|至多)\\s*${N}\\s*年`);
const INCREASE = new RegExp(`(?:增加部分|增幅|上浮|增加)[^。；]{0,16}?(?:不能超过|不得超过|不超过)[^。；]{0,12}?(?:百分之\\s*${N}|(\\d+(?:\\.\\d+)?)\\s*[%％])`);
const UNCHANGED = /(续签|续约)[^。；]{0,20}(金额|价格|价款)不变/;

export const extractRenewal: Extractor = (ctx) => {
  const source = plainSource(ctx.source);
  const regions = regionsOf(source);
  const found: FoundField[] = [];
  const toConfirm: ToConfirm[] = [];
  const line = source.lines.slice(0, regions.bodyEnd).find((l) => MENTION.test(l.text) && !/不(得|予)?续签|不再续/.test(l.text));
  if (line === undefined) return { found, toConfirm };
  const text = stripNumbering(line.text);
  const ref = refOf(line, "续");
  const put = (path: string[], value: unknown, match?: string) =>
    found.push({ path: ["renewal", ...path], value, source: refOf(line, match), confidence: "high" });
  const clause = ctx.clauseAt(line.no);
  if (clause !== undefined) found.push({ path: ["renewal", "clause"], value: clause, source: ref, confidence: "medium" });
  put(["stated"], true);
  put(["text"], text);
  put(["policy", "allowed"], true);

  const renewals = RENEWALS.exec(text);
  const r = renewals === null ? undefined : parseSmallNumber(renewals[1] ?? renewals[2] ?? "");
  if (renewals !== null && r !== undefined) put(["policy", "maxRenewals"], r, renewals[0]);
  else toConfirm.push({ path: ["renewal", "policy", "maxRenewals"], reason: "续签条款未写明最多续签几次", source: ref });

  const years = YEARS.exec(text);
  const y = years === null ? undefined : parseSmallNumber(years[1] ?? "");
  if (years !== null && y !== undefined) put(["policy", "maxTotalYears"], y, years[0]);
  else toConfirm.push({ path: ["renewal", "policy", "maxTotalYears"], reason: "续签条款未写明总服务期限上限", source: ref });

  const inc = INCREASE.exec(text);
  const pct = inc === null ? undefined : inc[2] ?? (inc[1] === undefined ? undefined : parseSmallNumber(inc[1])?.toString());
  if (inc !== null && pct !== undefined) {
    put(["policy", "maxIncrease"], `${pct}%`, inc[0]);
    if (/原合同/.test(inc[0])) put(["policy", "increaseBase"], "original", inc[0]);
  } else if (UNCHANGED.test(text)) put(["policy", "maxIncrease"], "0%");
  else toConfirm.push({ path: ["renewal", "policy", "maxIncrease"], reason: "续签条款未写明金额增幅上限", source: ref });

  if (/预算/.test(text)) put(["policy", "withinBudget"], true, "预算");
  // the contract itself is the source of its caps: "<项目名称>合同 <条款>"
  const project = source.lines.map((l) => /项目名称\s*[:：]\s*(.+?)\s*[。；;]?$/.exec(l.text)?.[1]).find((p) => p !== undefined);
  const title = `${project === undefined ? "本" : project}合同${clause === undefined ? "续签条款" : ` ${clause}`}`;
  put(["policy", "sources"], [{ title, text }]);
  return { found, toConfirm };
};
