/**
 * How many copies are signed and who keeps them: "一式肆份，甲方贰份，乙方贰份",
 * "一式陆份,甲、乙双方各执叁份", "一式四份，甲方执两份，乙方执两份".
 */
import { stripNumbering } from "./text/labels.js";
import { NUMBER_PATTERN, parseSmallNumber } from "./text/numerals.js";
import { plainSource, regionsOf } from "./text/regions.js";
import { type Extractor, type FoundField, refOf, type ToConfirm } from "./types.js";

const TOTAL = new RegExp(`一式\\s*(${NUMBER_PATTERN})\\s*(?:[（(]\\s*\\d+\\s*[)）])?\\s*份`);
const KEEP = `(?:执|持|留存|留|存|保存|保管)?\\s*(${NUMBER_PATTERN})\\s*(?:[（(]\\s*\\d+\\s*[)）])?\\s*份`;
const CLIENT = new RegExp(`(?:甲方|委托方|采购人|发包方)\\s*(?:各)?${KEEP}`);
const VENDOR = new RegExp(`(?:乙方|受托方|供应商|承包方)\\s*(?:各)?${KEEP}`);
const EACH = new RegExp(`(?:双方|甲、?乙双方|甲乙方)\\s*各\\s*${KEEP}`);

export const extractCopies: Extractor = (ctx) => {
  const source = plainSource(ctx.source);
  const regions = regionsOf(source);
  const found: FoundField[] = [];
  const toConfirm: ToConfirm[] = [];
  const line = source.lines.slice(0, regions.bodyEnd).find((l) => TOTAL.test(l.text));
  if (line === undefined) return { found, toConfirm };
  const text = stripNumbering(line.text);
  const total = parseSmallNumber(TOTAL.exec(text)?.[1] ?? "");
  const each = EACH.exec(text);
  const eachN = each?.[1] === undefined ? undefined : parseSmallNumber(each[1]);
  const client = eachN ?? parseSmallNumber(CLIENT.exec(text)?.[1] ?? "");
  const vendor = eachN ?? parseSmallNumber(VENDOR.exec(text)?.[1] ?? "");
  const ref = refOf(line, "一式");
  const clause = ctx.clauseAt(line.no);
  if (clause !== undefined) found.push({ path: ["copies", "clause"], value: clause, source: ref, confidence: "medium" });
  found.push({ path: ["copies", "text"], value: text, source: ref, confidence: "high" });
  if (total === undefined) {
    toConfirm.push({ path: ["copies", "total"], reason: "份数无法读出", source: ref });
    return { found, toConfirm };
  }
  if (client === undefined || vendor === undefined) {
    found.push({ path: ["copies", "total"], value: total, source: ref, confidence: "high" });
    toConfirm.push({ path: ["copies", client === undefined ? "client" : "vendor"], reason: `未写明${client === undefined ? "甲方" : "乙方"}执几份`, source: ref });
    return { found, toConfirm };
  }
  if (client + vendor !== total) {
    toConfirm.push({ path: ["copies", "total"], reason: `一式${total}份，但甲方${client}份、乙方${vendor}份，合计不符`, source: ref });
    found.push({ path: ["copies", "client"], value: client, source: ref, confidence: "medium" });
    found.push({ path: ["copies", "vendor"], value: vendor, source: ref, confidence: "medium" });
    return { found, toConfirm };
  }
  found.push({ path: ["copies", "total"], value: total, source: ref, confidence: "high" });
  found.push({ path: ["copies", "client"], value: client, source: ref, confidence: "high" });
  found.push({ path: ["copies", "vendor"], value: vendor, source: ref, confidence: "high" });
  return { found, toConfirm };
};
