import type { SourceLine, SourceText } from "../source/types.js";

/**
 * How sure an extractor is of a value:
 * - high: the wording names the field outright ("合同总价款为1718000元") and the value parsed cleanly;
 * - medium: found by a looser rule (a label in a table, a clause heading) or only one of two printed forms agrees;
 * - low: a guess the user must check. A value that would be a guess is never written: it becomes a ToConfirm.
 */
export type Confidence = "high" | "medium" | "low";

/** Where a value was read: the line number and the printed text it came from (a short excerpt). */
export interface SourceRef {
  line: number;
  /** The printed words the value came from, verbatim, at most about 80 characters. */
  excerpt: string;
}

/**
 * One value found in the contract text. `path` is a path into the contract YAML as written
 * (ContractInput of @qiyue/contract-model): ["fees", "total", "amount"], ["payments", "installments", 0, "basis"].
 * `value` is the YAML value at that path (a string, number, boolean, or a plain object / array).
 */
export interface FoundField {
  path: (string | number)[];
  value: unknown;
  source: SourceRef;
  confidence: Confidence;
}

/** A field the extractor looked for and could not find or could not read with certainty. */
export interface ToConfirm {
  path: (string | number)[];
  /** Why, in Chinese, for the 【待确认：reason】 placeholder: "未找到合同编号", "大写与小写金额不一致". */
  reason: string;
  source?: SourceRef;
}

/** What one extractor returns. */
export interface Extraction {
  found: FoundField[];
  toConfirm: ToConfirm[];
}

/** Context every extractor gets: the text, and the clause outline of it. */
export interface ExtractContext {
  source: SourceText;
  /** The clause number as printed ("第五条", "5.2", "二.2(1)") in force at a line, if any. */
  clauseAt(line: number): string | undefined;
}

/** An extractor: finds one family of fields (parties, money, payments, …). Pure, synchronous, no I/O. */
export type Extractor = (ctx: ExtractContext) => Extraction;

/** Helper for extractors: a SourceRef for a line, with the excerpt cut around `match` if given. */
export function refOf(line: SourceLine, match?: string): SourceRef {
  const text = line.text;
  if (match === undefined || text.length <= 80) return { line: line.no, excerpt: text.slice(0, 80) };
  const at = Math.max(0, text.indexOf(match));
  const start = Math.max(0, Math.min(at - 20, text.length - 80));
  return { line: line.no, excerpt: text.slice(start, start + 80) };
}
