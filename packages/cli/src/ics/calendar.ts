/** An iCalendar (RFC 5545) file of contract deadlines: one all-day event per deadline, with reminders. */
import { addNaturalDays, type ContractDeadlines, type Deadline, formatClause } from "@qiyue/contract-model";
import { contentLines, escapeText, icsDate, icsUtc } from "./format.js";

export const PRODID = "-//qiyue//qiyue contract deadlines//ZH";

export interface IcsOptions {
  /** DTSTAMP, in seconds since the epoch (from SOURCE_DATE_EPOCH): never the clock. */
  stamp: number;
}

/** Days before a deadline that its reminders go off: 3 days, and 1 day too for payments. */
export function reminderDays(d: Deadline): number[] {
  return d.kind === "payment" ? [3, 1] : [3];
}

/** "pinggu-2026.payment.2@qiyue": the same deadline gets the same UID on every run, so a re-import updates it. */
export function uidOf(contractId: string, d: Pick<Deadline, "kind" | "key">): string {
  return `${contractId}.${d.kind}.${d.key}@qiyue`;
}

export function summaryOf(shortName: string, d: Pick<Deadline, "title">): string {
  return `【${shortName}】${d.title}`;
}

export function calendarName(contracts: readonly ContractDeadlines[]): string {
  const names = contracts.map((c) => c.contract.shortName);
  return names.length === 1 ? `【${names[0]}】合同期限` : `合同期限（${names.join("、")}）`;
}

function event(c: ContractDeadlines, d: Deadline, stamp: string): string[] {
  const summary = summaryOf(c.contract.shortName, d);
  const description = [c.contract.title, ...d.details, ...(d.clause ? [`合同条款：${formatClause(d.clause)}`] : [])].join("\n");
  const alarms = reminderDays(d).flatMap((days) => [
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText(`${summary}（${days} 天后）`)}`,
    `TRIGGER:-P${days}D`,
    "END:VALARM",
  ]);
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(uidOf(c.contract.id, d))}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(d.date)}`,
    `DTEND;VALUE=DATE:${icsDate(addNaturalDays(d.date, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    "TRANSP:TRANSPARENT",
    ...alarms,
    "END:VEVENT",
  ];
}

/** The whole calendar as text: CRLF line ends, folded lines, byte-identical for the same input. */
export function deadlinesIcs(contracts: readonly ContractDeadlines[], options: IcsOptions): string {
  const stamp = icsUtc(options.stamp);
  return contentLines([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendarName(contracts))}`,
    "X-WR-TIMEZONE:Asia/Shanghai",
    ...contracts.flatMap((c) => c.deadlines.flatMap((d) => event(c, d, stamp))),
    "END:VCALENDAR",
  ]);
}
