/**
 * Reads an events ledger from YAML: a list of `{ date, event, … }`, or a map
 * `{ contract: id, events: [...] }`. Every problem is reported with the file, line and column.
 */
import type { Document, LineCounter } from "yaml";
import type { z } from "zod";
import { type Issue, UserError } from "../errors/index.js";
import { formatPath, locate, type ModelPath } from "../load/locate.js";
import { describeIssue } from "../load/messages.js";
import { issueCode, parseYamlSource, readSourceFile, valueAt } from "../load/yaml-source.js";
import type { Contract } from "../schema/contract.js";
import { checkEvents, type EventProblem } from "./check.js";
import { ledgerWarnings } from "./consistency.js";
import { EVENT_NAMES } from "./names.js";
import { EVENT_FIELDS, EventsDocument, type LedgerEvent } from "./schema.js";
import { nameList } from "../yaml/excerpt.js";

/** A file could not be read as an events ledger. */
export class EventsLoadError extends UserError {
  override readonly name = "EventsLoadError";
  readonly file: string;

  constructor(file: string, issues: readonly Issue[]) {
    super(issues[0]?.code ?? "EVENTS_INVALID", `${file}: 无法读取为事件记录（${issues.length} 处问题）`, issues);
    this.file = file;
  }
}

export interface LoadedEvents {
  file: string;
  /** The contract id the file names, when it is written as `{ contract, events }`. */
  contract: string | undefined;
  /** In the order written. */
  events: LedgerEvent[];
  /** Line and column (1-based) of event `index`, or of one of its fields. */
  locate(index: number, field?: string): { line: number; column: number } | undefined;
  /**
   * Where the ledger contradicts itself (or, when read with its contract, the schedule): an
   * installment paid twice or beyond its amount, acceptance before signing, two terminations.
   * Each at its line; the events are kept as written.
   */
  warnings: Issue[];
}

export interface EventsOptions {
  /** Checks the events against this contract: installments, deliverables and periods exist. */
  contract?: Contract;
}

/** Parses YAML text as an events ledger. Throws EventsLoadError with every problem found. */
export function parseEvents(source: string, file: string, options: EventsOptions = {}): LoadedEvents {
  const parsedYaml = parseYamlSource(source, file);
  if ("issues" in parsedYaml) throw new EventsLoadError(file, parsedYaml.issues);
  const { doc, lineCounter } = parsedYaml;
  const raw = parsedYaml.data ?? [];
  const bareList = Array.isArray(raw);
  // Paths of a bare list start at the event index; those of the map form at "events".
  const yamlPath = (path: readonly PropertyKey[]): ModelPath => (bareList ? path.slice(1) : path);
  const parsed = EventsDocument.safeParse(bareList ? { events: raw } : raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => toIssue(issue, raw, bareList, file, doc, lineCounter, yamlPath));
    throw new EventsLoadError(file, sortIssues(issues));
  }
  const at = (index: number, field?: string) =>
    locate(doc, lineCounter, yamlPath(["events", index, ...(field ? [field] : [])]));
  const toIssueAt = (p: EventProblem): Issue => {
    const pos = p.index === undefined ? locate(doc, lineCounter, ["contract"]) : at(p.index, p.field);
    const path = p.index === undefined ? "contract" : formatPath(yamlPath(["events", p.index, ...(p.field ? [p.field] : [])]));
    return { code: p.code, message: p.message, path, file, ...(pos ? { line: pos.line, column: pos.column } : {}) };
  };
  const events = parsed.data.events;
  const loaded: LoadedEvents = { file, contract: parsed.data.contract, events, locate: at, warnings: [] };
  if (options.contract) {
    const problems = checkEvents(loaded, options.contract);
    if (problems.length > 0) throw new EventsLoadError(file, sortIssues(problems.map(toIssueAt)));
  }
  loaded.warnings = sortIssues(ledgerWarnings(events, options.contract).map(toIssueAt));
  return loaded;
}

/** Reads and parses an events file. A missing or unreadable file is an EventsLoadError too. */
export async function loadEvents(file: string, options: EventsOptions = {}): Promise<LoadedEvents> {
  const read = await readSourceFile(file, "事件记录文件");
  if ("issues" in read) throw new EventsLoadError(file, read.issues);
  return parseEvents(read.source, file, options);
}

function toIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
  bareList: boolean,
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  yamlPath: (path: readonly PropertyKey[]) => ModelPath,
): Issue {
  const path = yamlPath(issue.path);
  const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const pos = locate(doc, lineCounter, path, key);
  const value = valueAt(bareList ? { events: raw } : raw, issue.path);
  const eventName = eventAt(bareList ? raw : (raw as { events?: unknown })?.events, issue.path);
  let code = issueCode(issue);
  let message = describeIssue(issue, value, { root: EventsDocument, data: bareList ? { events: raw } : raw });
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator === "event") {
    code = value === undefined ? "EVENT_MISSING" : "EVENT_UNKNOWN";
    const known = [...EVENT_FIELDS.keys()].map((n) => `${n}（${EVENT_NAMES[n as keyof typeof EVENT_NAMES]}）`).join("、");
    message = value === undefined ? `缺少 event（事件类型）。可用的事件：${known}` : `未知事件“${String(value)}”。可用的事件：${known}`;
  } else if (issue.code === "unrecognized_keys") {
    const fields = eventName ? EVENT_FIELDS.get(eventName) : undefined;
    message = fields
      ? `未知字段：${nameList(issue.keys)}（事件 ${eventName} 可用的字段：${fields.join("、")}）`
      : `未知字段：${nameList(issue.keys)}`;
  }
  return { code, message, path: formatPath(path), file, ...(pos ? { line: pos.line, column: pos.column } : {}) };
}



function eventAt(list: unknown, path: readonly PropertyKey[]): string | undefined {
  const index = path[1];
  if (!Array.isArray(list) || typeof index !== "number") return undefined;
  const name = (list[index] as { event?: unknown } | undefined)?.event;
  return typeof name === "string" && EVENT_FIELDS.has(name) ? name : undefined;
}

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
