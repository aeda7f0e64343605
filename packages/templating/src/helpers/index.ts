import { clauseRef } from "./clauses.js";
import { cnDate, dateOrBlank, workdayDue } from "./dates.js";
import { capitals, percent, yuan } from "./money.js";
import { editorNote } from "./note.js";
import { add, cnIndex, cnParen } from "./numbers.js";
import { verbatim } from "./verbatim.js";
import { eq, join, sideName } from "./words.js";

export { clauseRef } from "./clauses.js";
export { BLANK_DATE, cnDate, dateOrBlank, workdayDue } from "./dates.js";
export { capitals, percent, yuan } from "./money.js";
export { editorNote } from "./note.js";
export { add, cnIndex, cnParen } from "./numbers.js";
export { verbatim } from "./verbatim.js";
export { eq, join, sideName } from "./words.js";

/**
 * What a helper's argument must be, for `qiyue templates check`: an amount in 分, a ratio in
 * ppm, an integer, a YYYY-MM-DD date, text, a side (client / vendor / either), a list, or
 * anything. A trailing `?` accepts a field that may be missing (not tested with `{{#if}}`).
 */
export type ArgKind = "fen" | "ppm" | "integer" | "date" | "text" | "side" | "list" | "any";
export type ArgSpec = ArgKind | `${ArgKind}?`;

export interface HelperSpec {
  fn: (...args: never[]) => unknown;
  /** Number of positional arguments: exactly `min`, or up to `max`. */
  min: number;
  max: number;
  /** What each positional argument must be (`max` entries). */
  args: readonly ArgSpec[];
  /** What the helper returns. */
  returns: "text" | "integer" | "boolean";
  /** The result is Markdown written by qiyue, not a value to escape. */
  markdown?: true;
  /** `fn` takes the render's working-day calendar as one more argument, after its `max` positional ones. */
  calendar?: true;
}

/** Every helper a template may call, besides Handlebars' own `if`, `unless`, `each` and `with`. */
export const HELPERS: Readonly<Record<string, HelperSpec>> = {
  yuan: { fn: yuan, min: 1, max: 1, args: ["fen"], returns: "text" },
  capitals: { fn: capitals, min: 1, max: 1, args: ["fen"], returns: "text" },
  percent: { fn: percent, min: 1, max: 1, args: ["ppm"], returns: "text" },
  cnDate: { fn: cnDate, min: 1, max: 1, args: ["date"], returns: "text" },
  dateOrBlank: { fn: dateOrBlank, min: 0, max: 1, args: ["date?"], returns: "text" },
  workdayDue: { fn: workdayDue, min: 2, max: 2, args: ["date", "integer"], returns: "text", calendar: true },
  cnIndex: { fn: cnIndex, min: 1, max: 1, args: ["integer"], returns: "text" },
  cnParen: { fn: cnParen, min: 1, max: 1, args: ["integer"], returns: "text" },
  sideName: { fn: sideName, min: 1, max: 1, args: ["side"], returns: "text" },
  clauseRef: { fn: clauseRef, min: 1, max: 1, args: ["text"], returns: "text" },
  eq: { fn: eq, min: 2, max: 2, args: ["any?", "any?"], returns: "boolean" },
  add: { fn: add, min: 2, max: 2, args: ["integer", "integer"], returns: "integer" },
  join: { fn: join, min: 1, max: 2, args: ["list", "text"], returns: "text" },
  verbatim: { fn: verbatim, min: 1, max: 2, args: ["text", "integer"], returns: "text", markdown: true },
  editorNote: { fn: editorNote, min: 1, max: 1, args: ["text"], returns: "text", markdown: true },
};

/** The block helpers Handlebars brings that templates may use. */
export const BUILT_IN_HELPERS = ["if", "unless", "each", "with"] as const;
