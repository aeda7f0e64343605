import {
  BUILT_IN_CALENDAR,
  type Contract,
  type ContractDeadlines,
  contractDeadlines,
  type LedgerEvent,
  type LoadedEvents,
  loadContract,
  loadEvents,
  requireComputable,
  type WorkingDayCalendar,
} from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { CALENDAR_OPTION, calendarOption } from "../calendar-option.js";
import { usageError } from "../exit.js";
import { deadlinesIcs } from "../ics/calendar.js";
import { writeFileAtomically } from "../ics/write.js";
import type { Io } from "../io.js";
import { formatWarning } from "../warnings.js";

export interface CalendarInput {
  contract: Contract;
  events: readonly LedgerEvent[];
}

export interface CalendarResult {
  ics: string;
  contracts: ContractDeadlines[];
}

/**
 * The calendar of every deadline of the contracts; `stamp` is DTSTAMP in seconds since the
 * epoch; working days are counted with `calendar`.
 */
export function buildCalendar(inputs: readonly CalendarInput[], stamp: number, calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): CalendarResult {
  const contracts = inputs.map(({ contract, events }) => contractDeadlines(contract, events, calendar));
  return { ics: deadlinesIcs(contracts, { stamp }), contracts };
}

/**
 * DTSTAMP: SOURCE_DATE_EPOCH when set, else the latest date the inputs mention (signing dates,
 * ledger events), so that the output depends on the inputs alone, never on the clock.
 */
export function stampFor(env: Io["env"], inputs: readonly CalendarInput[]): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch) || !Number.isSafeInteger(Number(epoch))) throw usageError(`SOURCE_DATE_EPOCH 应为秒数（非负整数），收到“${epoch}”`);
    return Number(epoch);
  }
  const dates = inputs.flatMap(({ contract, events }) => [
    ...(contract.signing.date ? [contract.signing.date] : []),
    contract.term.start,
    ...events.map((e) => e.date),
  ]);
  const latest = [...dates].sort().at(-1) ?? "1970-01-01";
  return Date.parse(`${latest}T00:00:00Z`) / 1000;
}

/**
 * Pairs ledgers with contracts: a ledger naming its contract (`contract: id`) goes to that
 * contract; a bare list is allowed only with a single contract.
 */
export function pairEvents(contracts: readonly Contract[], ledgers: readonly LoadedEvents[]): CalendarInput[] {
  const byId = new Map<string, LedgerEvent[]>(contracts.map((c) => [c.id, []]));
  for (const l of ledgers) {
    const id = l.contract ?? (contracts.length === 1 ? contracts[0]!.id : undefined);
    if (id === undefined) {
      throw usageError(`有多份合同时，事件记录须写明所属合同：${l.file} 应写成 “contract: <合同 id>” 加 “events: [...]”`);
    }
    const list = byId.get(id);
    if (!list) throw usageError(`${l.file} 属于合同“${id}”，但没有给出这份合同`);
    list.push(...l.events);
  }
  return contracts.map((contract) => ({ contract, events: byId.get(contract.id)! }));
}

export function formatCalendarReport(out: string, result: CalendarResult): string {
  const lines: string[] = [];
  const count = result.contracts.reduce((s, c) => s + c.deadlines.length, 0);
  lines.push(`已写入 ${out}：${count} 个期限（${result.contracts.map((c) => `${c.contract.shortName} ${c.deadlines.length} 个`).join("，")}）`);
  const pending = result.contracts.flatMap((c) => c.pending.map((p) => `  【${c.contract.shortName}】${p.title}：${p.reason}`));
  if (pending.length > 0) lines.push("", "尚无法确定日期、未列入日历的期限：", ...pending);
  const notes = result.contracts.flatMap((c) => c.notes.map((n) => `  【${c.contract.shortName}】${n}`));
  if (notes.length > 0) lines.push("", "说明：", ...notes);
  return `${lines.join("\n")}\n`;
}

/** Runs `qiyue calendar` (see ../commands/calendar.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, {
    events: { type: "string", multiple: true },
    ics: { type: "string" },
    ...CALENDAR_OPTION,
  });
  if (positionals.length === 0) throw usageError("请给出至少一个合同文件");
  if (values.ics === undefined) throw usageError("请用 --ics 给出输出的日历文件，如 --ics deadlines.ics");
  const contracts: Contract[] = [];
  for (const file of positionals) contracts.push(requireComputable(await loadContract(file)));
  const ids = contracts.map((c) => c.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw usageError(`合同“${twice}”给出了两次`);
  const ledgers: LoadedEvents[] = [];
  for (const file of values.events ?? []) {
    const loaded = await loadEvents(file);
    const contract = contracts.find((c) => c.id === loaded.contract) ?? (contracts.length === 1 ? contracts[0] : undefined);
    const ledger = contract ? await loadEvents(file, { contract }) : loaded;
    for (const warning of ledger.warnings) io.stderr(`qiyue: ${formatWarning(warning)}\n`);
    ledgers.push(ledger);
  }
  const inputs = pairEvents(contracts, ledgers);
  const result = buildCalendar(inputs, stampFor(io.env, inputs), await calendarOption(values.calendar, io.cwd));
  await writeFileAtomically(values.ics, result.ics);
  io.stdout(formatCalendarReport(values.ics, result));
  return 0;
}
