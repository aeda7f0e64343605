import type { WorkingDayCalendar } from "../calendar/index.js";
import type { Schedule } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";

export type Severity = "error" | "warning" | "info";

/** What a rule reports, before it is placed in the YAML. */
export interface RuleFinding {
  code: string;
  severity: Severity;
  path: readonly PropertyKey[];
  message: string;
}

export interface RuleContext {
  contract: Contract;
  schedule: Schedule;
  /** The calendar working days are counted with (the schedule's due dates were). */
  calendar: WorkingDayCalendar;
}

export type Rule = (ctx: RuleContext) => RuleFinding[];

export function finding(code: string, severity: Severity, path: readonly PropertyKey[], message: string): RuleFinding {
  return { code, severity, path, message };
}
