/**
 * The dates a contract sets for finishing, acceptance and one-off deliverables, moved with the
 * term: the same distance from the start, the last day staying the last day. A date that cannot
 * be moved leaves the model and becomes an open point in the table of changes.
 */
import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import { type RenewContext, record } from "./change.js";
import { moveDate } from "./shift.js";

type Deadlines = Pick<Contract, "acceptance" | "completion" | "deliverables">;

/** Moves `date`, recording the change; undefined when it could not be moved (an open point). */
function moved(ctx: RenewContext, date: string, item: string, clause: string | undefined): string | undefined {
  const r = moveDate(date, ctx.previous, ctx.next);
  const after = r.ok ? `${chineseDate(r.value)}前` : ctx.mark(item, r.reason, clause);
  record(ctx, { item, ...(clause !== undefined ? { clause } : {}), before: `${chineseDate(date)}前`, after });
  return r.ok ? r.value : undefined;
}

/** Acceptance, completion and deliverable dates of the next term. */
export function renewDeadlines(ctx: RenewContext): Deadlines {
  const { completion, acceptance, deliverables } = ctx.contract;
  const out: Partial<Deadlines> = {};
  const nextCompletion = completion === undefined ? undefined : renewCompletion(ctx, completion);
  if (nextCompletion !== undefined) out.completion = nextCompletion;
  if (acceptance !== undefined) {
    const { by, ...rest } = acceptance;
    const date = by === undefined ? undefined : moved(ctx, by, "验收期限", acceptance.clause);
    out.acceptance = date === undefined ? rest : { ...rest, by: date };
  }
  return { ...out, deliverables: deliverables.map((d) => renewDeliverable(ctx, d)) };
}

function renewCompletion(ctx: RenewContext, completion: NonNullable<Contract["completion"]>): Contract["completion"] {
  const alternatives = completion.alternatives.flatMap((alt) => {
    if (alt.date === undefined) return [alt];
    const { date, ...rest } = alt;
    const next = moved(ctx, date, "完成期限", completion.clause);
    if (next !== undefined) return [{ ...rest, date: next }];
    return Object.keys(rest).length > 0 ? [rest] : [];
  });
  const [first, ...others] = alternatives;
  return first === undefined ? undefined : { ...completion, alternatives: [first, ...others] };
}

function renewDeliverable(ctx: RenewContext, d: Contract["deliverables"][number]): Contract["deliverables"][number] {
  const date = d.due?.date;
  if (d.due === undefined || date === undefined) return d;
  const { date: _date, ...due } = d.due;
  const next = moved(ctx, date, `${d.name}提交期限`, d.clause);
  return { ...d, due: next === undefined ? due : { ...due, date: next } };
}
