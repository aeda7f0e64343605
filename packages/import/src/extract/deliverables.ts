/**
 * Periodic written deliverables (deliverables): 日报 / 周报 / 月报 / 季报 / 年报 and 月度 / 季度 / 年度…报告,
 * named as printed ("编制热线运行日报、周报" → 热线运行日报, 热线运行周报), with the days
 * after the period they are due when the contract says ("次月5个工作日内提交上月月报").
 */
import { NUMBER_PATTERN, parseSmallNumber } from "./text/numerals.js";
import { lineAt, type Paragraph, paragraphsOf, sentencesOf, withoutNumber } from "./text/paragraphs.js";
import { type Extraction, type Extractor, refOf } from "./types.js";

type Frequency = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";

const SHORT: Record<string, Frequency> = { 日报: "daily", 周报: "weekly", 月报: "monthly", 季报: "quarterly", 年报: "yearly" };
const LONG: Record<string, Frequency> = { 每日: "daily", 每周: "weekly", 月度: "monthly", 季度: "quarterly", 年度: "yearly" };
const ID: Record<Frequency, string> = {
  daily: "daily-report",
  weekly: "weekly-report",
  monthly: "monthly-report",
  quarterly: "quarterly-report",
  yearly: "yearly-report",
};

const ITEM = "(?:日报|周报|月报|季报|年报|(?:月度|季度|年度)[\\u4e00-\\u9fa5]{0,6}?(?:报告|总结))";
const LIST = new RegExp(
  `(?:完成|编制|编写|提交|报送|出具|形成|提供|上报)(?:上月|上季度|上一年度)?([\\u4e00-\\u9fa5]{0,12}?)(${ITEM}(?:\\s*[、和及与]\\s*${ITEM})*)`,
  "g",
);
const DUE = new RegExp(
  `(?:次月|下月|每月|季度结束后|每季度结束后|次季度|次年|年度结束后|每月结束后)\\s*(?:的)?\\s*(${NUMBER_PATTERN})\\s*(个工作日|个自然日|日|天)(?:内|前|之前)`,
);

function frequencyOf(item: string): Frequency | undefined {
  const short = SHORT[item.slice(-2)];
  if (short && item.length === 2) return short;
  const long = Object.entries(LONG).find(([k]) => item.startsWith(k));
  return long?.[1] ?? short;
}

/** How many levels a clause id has: "一.1" 2, "一.2(2) 7)" 4. */
function depth(clause: string): number {
  return clause.split(/[.\s(]/).filter((x) => x !== "").length;
}

interface Item {
  name: string;
  frequency: Frequency | "on-request";
}

/** One enumeration of reports ("完成月报、舆情报告等") where it is printed. */
interface List {
  p: Paragraph;
  index: number;
  sentence: string;
  clause: string | undefined;
  items: Item[];
}

/** Reports named after the periodic ones in the same enumeration ("月报、舆情报告等"): due when asked for. */
const MORE = /^\s*[、，,]\s*([\u4e00-\u9fa5]{2,16}?(?:报告|报表|纪要))(?=[、，,；;。等]|$)/;

function listsOf(ctx: Parameters<Extractor>[0], paragraphs: Paragraph[]): List[] {
  const lists: List[] = [];
  for (const p of paragraphs) {
    for (const s of sentencesOf(p.text)) {
      for (const m of s.text.matchAll(LIST)) {
        const prefix = /甲方|乙方|[，,：:、]/.test(m[1]!) ? "" : m[1]!;
        const items: Item[] = [];
        for (const item of m[2]!.split(/\s*[、和及与]\s*/)) {
          const frequency = frequencyOf(item);
          if (frequency !== undefined) items.push({ name: item.length === 2 ? `${prefix}${item}` : item, frequency });
        }
        let rest = s.text.slice(m.index + m[0].length);
        for (let more = MORE.exec(rest); more !== null; more = MORE.exec(rest)) {
          items.push({ name: more[1]!, frequency: "on-request" });
          rest = rest.slice(more[0].length);
        }
        const line = lineAt(p, s.index + m.index);
        if (items.length > 0) lists.push({ p, index: s.index + m.index, sentence: s.text, clause: ctx.clauseAt(line.no), items });
      }
    }
  }
  // the same reports listed twice (a summary of a post and the list of duties): kept once, where the
  // clause is the more detailed one (the duty itself rather than the summary)
  const periodic = (l: List) =>
    l.items
      .filter((x) => x.frequency !== "on-request")
      .map((x) => `${x.frequency}:${x.name}`)
      .join("|");
  return lists.filter((l) => {
    const twin = lists.find((o) => o !== l && periodic(o) === periodic(l) && periodic(l) !== "");
    if (twin === undefined) return true;
    const [a, b] = [depth(l.clause ?? ""), depth(twin.clause ?? "")];
    return a > b || (a === b && lists.indexOf(l) < lists.indexOf(twin));
  });
}

export const extractDeliverables: Extractor = (ctx) => {
  const out: Extraction = { found: [], toConfirm: [] };
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const list of listsOf(ctx, paragraphsOf(ctx.source))) {
    const line = lineAt(list.p, list.index);
    for (const item of list.items) {
      if (names.has(item.name)) continue;
      names.add(item.name);
      const base = item.frequency === "on-request" ? "report" : ID[item.frequency];
      let id = base;
      for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
      ids.add(id);
      const value: Record<string, unknown> = { id, name: item.name, frequency: item.frequency };
      if (list.clause !== undefined) value.clause = list.clause;
      const due = item.frequency === "on-request" ? null : DUE.exec(list.sentence);
      if (due) {
        const days = parseSmallNumber(due[1]!);
        if (days !== undefined) value.due = { days, unit: due[2] === "个工作日" ? "working" : "natural", text: due[0] };
      }
      value.text = withoutNumber(list.sentence);
      out.found.push({ path: ["deliverables", out.found.length], value, source: refOf(line, item.name), confidence: due ? "high" : "medium" });
    }
  }
  return out;
};
