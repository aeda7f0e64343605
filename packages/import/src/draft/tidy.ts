/**
 * Typographic spacing taken out of the values a draft stores. Text read from a PDF, or typed
 * from one, carries spaces that are no part of the words: between Chinese characters
 * ("王 峰", "廉 政 协 议 书") and between Chinese and figures ("2026 年 4 月", "附件 1"), where
 * a typesetter spaces the two scripts apart. A PDF keeps some of them and loses others,
 * so the same contract would give "北京政信 1890 智能科技有限公司" from its text and
 * "北京政信1890智能科技有限公司" from its PDF. A value keeps no such space; a run of
 * spaces (a blank to write on), and spaces between Latin words and figures ("(010) 82510861"),
 * stay. Clause numbers are references to the body and stay as the outline wrote them.
 */

/** Chinese characters, full-width forms and CJK punctuation. */
const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f";
const SPACE = "[ \\u00a0\\u3000]";
/** One space with Chinese on both sides, or Chinese on one side and a figure or Latin letter on the other. */
const TYPOGRAPHIC = new RegExp(
  `(?<=[${CJK}])${SPACE}(?=[${CJK}])|(?<=[${CJK}])${SPACE}(?=[0-9A-Za-z¥%/(])|(?<=[0-9A-Za-z%/)])${SPACE}(?=[${CJK}])`,
  "g",
);

/** `text` without the single spaces that only space Chinese apart from Chinese or from figures. */
export function tidySpacing(text: string): string {
  // a space on either side of another space is part of a run: a blank to fill in, kept
  return text.replace(TYPOGRAPHIC, (space, offset: number, whole: string) =>
    /\s/.test(whole.charAt(offset - 1)) || /\s/.test(whole.charAt(offset + space.length)) ? space : "",
  );
}

/** Keys whose values name a clause of the body (kept as the outline numbered it). */
const REFERENCES = new Set(["clause", "penaltyClause"]);

/** A found value with its text tidied (see tidySpacing), clause references left alone. */
export function tidyValue(value: unknown, key?: string): unknown {
  if (key !== undefined && REFERENCES.has(key)) return value;
  if (typeof value === "string") return tidySpacing(value);
  if (Array.isArray(value)) return value.map((v) => tidyValue(v));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, tidyValue(v, k)]));
  }
  return value;
}
