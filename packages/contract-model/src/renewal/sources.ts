import { formatClause } from "../clauses/index.js";
import type { RenewalPolicy } from "../schema/renewal.js";
import { STATUTORY_RENEWAL_POLICY } from "./policy.js";

export type RenewalCap = "allowed" | "count" | "total-years" | "increase" | "budget";

/** Where the policy came from: the contract's own clause, the default caps, or the caller. */
export type PolicyOrigin = { kind: "contract"; clause?: string } | { kind: "default" } | { kind: "given" };

/** Words by which a cited source speaks of a cap; a cap no source speaks of cites them all. */
const SPEAKS_OF: Record<RenewalCap, RegExp | undefined> = {
  allowed: undefined,
  count: /续签次数|续签.{0,6}次/,
  "total-years": /年限|服务期限|履行期限|三年/,
  increase: /百分之十|第四十九条|增幅|增加部分|\d\s*[%％]/,
  budget: /预算/,
};

/** A document number in the official form: 财库〔2014〕37号, 京政办发〔2014〕34号. */
const DOCUMENT_NUMBER = /[\u4e00-\u9fff]+〔\d{4}〕\d+号/u;

/** A document written by its name and number alone, without title marks: 财政部关于……的通知（财库〔2014〕37号）. */
const BARE_DOCUMENT = /^([^《》（）()]+?)\s*[（(]\s*([\u4e00-\u9fff]+〔\d{4}〕\d+号)\s*[）)]$/u;

/**
 * A source of the caps as a document cites it: a regulation by its title in 《》 and its number,
 * 《财政部关于推进和完善服务项目政府采购有关问题的通知》（财库〔2014〕37号）. A source bearing the number
 * of a document the default caps cite is cited as they cite it (its number names it, whatever
 * title was written with it); a name and number written without title marks get them; anything
 * else (a contract's clause, a law's article) is cited as written.
 */
export function citeSource(title: string): string {
  const number = DOCUMENT_NUMBER.exec(title)?.[0];
  const known = number === undefined ? undefined : STATUTORY_RENEWAL_POLICY.sources.find((s) => s.title.includes(number));
  if (known !== undefined) return known.title;
  const bare = BARE_DOCUMENT.exec(title.trim());
  return bare === null ? title : `《${bare[1]}》（${bare[2]}）`;
}

/**
 * The sources of one cap, as one line: "合同第二条第1款；《中华人民共和国政府采购法》第四十九条".
 * A contract clause is cited by its number; a source naming that same clause is not repeated.
 */
export function citeCap(cap: RenewalCap, policy: RenewalPolicy, origin: PolicyOrigin): string {
  const clause = origin.kind === "contract" ? origin.clause : undefined;
  const others = policy.sources.filter((s) => clause === undefined || !s.title.includes(clause));
  const pattern = SPEAKS_OF[cap];
  const relevant = pattern ? others.filter((s) => pattern.test(`${s.title} ${s.text ?? ""}`)) : others;
  const cited = (relevant.length > 0 || clause !== undefined ? relevant : others).map((s) => citeSource(s.title));
  if (clause !== undefined) cited.unshift(`合同${formatClause(clause)}`);
  const line = cited.join("；");
  return origin.kind === "default" ? `合同未约定续签规则，适用默认规则：${line}` : line;
}
