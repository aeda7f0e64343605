/**
 * How disputes are settled: the sentence naming the court or the arbitration body, and the
 * court itself when the contract names one (北京市某区人民法院), not when it says only
 * "甲方所在地的人民法院" or "有管辖权的人民法院".
 */
import type { SourceLine } from "../source/types.js";
import { stripNumbering } from "./text/labels.js";
import { plainSource, regionsOf } from "./text/regions.js";
import { type Extractor, type FoundField, refOf } from "./types.js";

const FORUM = /(人民法院|仲裁委员会|仲裁院|仲裁)/;
const ACTION = /(诉讼|仲裁|起诉)/;
/** The body named after 向 / 由 / 提交: 北京市某区人民法院, 北京仲裁委员会. */
const NAMED = /(?:向|由|至|给|交|到)([^向由至给交到，,。；;\s]*?(?:人民法院|仲裁委员会))/;
/** Words that make the court depend on something else, so no court is named. */
const UNNAMED = /(所在地|住所地|有管辖权|管辖的)[^，,。；;]{0,3}(人民法院|仲裁)/;

export const extractDispute: Extractor = (ctx) => {
  const source = plainSource(ctx.source);
  const regions = regionsOf(source);
  const body = source.lines.slice(0, regions.bodyEnd);
  const found: FoundField[] = [];
  const line = body.find((l: SourceLine) => FORUM.test(l.text) && ACTION.test(l.text) && /争议|纠纷/.test(l.text));
  if (line === undefined) return { found, toConfirm: [] };
  const text = stripNumbering(line.text);
  const clause = ctx.clauseAt(line.no);
  if (clause !== undefined) found.push({ path: ["dispute", "clause"], value: clause, source: refOf(line), confidence: "medium" });
  found.push({ path: ["dispute", "text"], value: text, source: refOf(line), confidence: "high" });
  const court = NAMED.exec(text)?.[1];
  if (court !== undefined && !UNNAMED.test(text) && /^[\u4e00-\u9fff]{2,}?(省|市|区|县)/.test(court)) {
    found.push({ path: ["dispute", "court"], value: court, source: refOf(line, court), confidence: "high" });
  }
  return { found, toConfirm: [] };
};
