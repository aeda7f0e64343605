import { cnDate, dateOrBlank, workdayDue } from "./dates.js";
import { capitals, percent, yuan } from "./money.js";
import { add, cnIndex, cnParen } from "./numbers.js";
import { verbatim } from "./verbatim.js";
import { eq, join, sideName } from "./words.js";

export { BLANK_DATE, cnDate, dateOrBlank, workdayDue } from "./dates.js";
export { capitals, percent, yuan } from "./money.js";
export { add, cnIndex, cnParen } from "./numbers.js";
export { verbatim } from "./verbatim.js";
export { eq, join, sideName } from "./words.js";

export interface HelperSpec {
  fn: (...args: never[]) => unknown;
  /** Number of positional arguments: exactly `min`, or up to `max`. */
  min: number;
  max: number;
  /** The result is Markdown written by qiyue, not a value to escape. */
  markdown?: true;
}

/** Every helper a template may call, besides Handlebars' own `if`, `unless`, `each` and `with`. */
export const HELPERS: Readonly<Record<string, HelperSpec>> = {
  yuan: { fn: yuan, min: 1, max: 1 },
  capitals: { fn: capitals, min: 1, max: 1 },
  percent: { fn: percent, min: 1, max: 1 },
  cnDate: { fn: cnDate, min: 1, max: 1 },
  dateOrBlank: { fn: dateOrBlank, min: 0, max: 1 },
  workdayDue: { fn: workdayDue, min: 2, max: 2 },
  cnIndex: { fn: cnIndex, min: 1, max: 1 },
  cnParen: { fn: cnParen, min: 1, max: 1 },
  sideName: { fn: sideName, min: 1, max: 1 },
  eq: { fn: eq, min: 2, max: 2 },
  add: { fn: add, min: 2, max: 2 },
  join: { fn: join, min: 1, max: 2 },
  verbatim: { fn: verbatim, min: 1, max: 2, markdown: true },
};

/** The block helpers Handlebars brings that templates may use. */
export const BUILT_IN_HELPERS = ["if", "unless", "each", "with"] as const;
