/** The ledger as of a day: events on or before it, in date order (ties keep the order written). */
import { compareDates } from "../calendar/index.js";
import type { EventName, EventOf, LedgerEvent } from "../events/schema.js";
import type { KnownEvents } from "../schedule/index.js";

export interface Ledger {
  events: LedgerEvent[];
  /** Events dated after the day, left out. */
  later: number;
}

export function ledgerAsOf(events: readonly LedgerEvent[], asOf?: string): Ledger {
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareDates(a.e.date, b.e.date) || a.i - b.i)
    .map(({ e }) => e);
  if (asOf === undefined) return { events: sorted, later: 0 };
  const kept = sorted.filter((e) => compareDates(e.date, asOf) <= 0);
  return { events: kept, later: sorted.length - kept.length };
}

export function eventsOf<N extends EventName>(ledger: Ledger, name: N): EventOf<N>[] {
  return ledger.events.filter((e): e is EventOf<N> => e.event === name);
}

/** The first date of each event the payment triggers look at. */
export function knownEvents(ledger: Ledger): KnownEvents {
  const known: KnownEvents = {};
  const first = (name: EventName) => ledger.events.find((e) => e.event === name)?.date;
  const signed = first("signed");
  if (signed !== undefined) known.signed = signed;
  for (const name of ["funds-received", "acceptance-passed", "audit-completed"] as const) {
    const date = first(name);
    if (date !== undefined) known[name] = date;
  }
  return known;
}

/** The day the service ended early, when the ledger records a termination. */
export function terminatedOn(ledger: Ledger): EventOf<"terminated"> | undefined {
  return eventsOf(ledger, "terminated")[0];
}
