import {
  BUILT_IN_CALENDAR,
  ContractLoadError,
  type Finding,
  isPlaceholderCode,
  loadContract,
  placeholderSummary,
  RULES,
  validateContract,
  type WorkingDayCalendar,
} from "@qiyue/contract-model";
import { parseArgs } from "../args.js";
import { CALENDAR_OPTION, calendarOption } from "../calendar-option.js";
import { ExitCode, usageError } from "../exit.js";
import type { Io } from "../io.js";

export interface FileReport {
  file: string;
  /** Set when the file could not be read as a contract at all. */
  unreadable?: boolean;
  findings: Finding[];
}

/**
 * Validates each file, counting working days with `calendar`; a file that cannot be loaded
 * reports its load issues as errors.
 */
export async function validateFiles(files: readonly string[], calendar: WorkingDayCalendar = BUILT_IN_CALENDAR): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      const loaded = await loadContract(file, { placeholders: "allow" });
      reports.push({ file, findings: validateContract(loaded, RULES, calendar) });
    } catch (e) {
      if (!(e instanceof ContractLoadError)) throw e;
      // a draft whose only problems are its placeholders is read: what is left to fill is its findings
      const draftOnly = e.issues.length > 0 && e.issues.every((i) => isPlaceholderCode(i.code));
      reports.push({
        file,
        ...(draftOnly ? {} : { unreadable: true }),
        findings: e.issues.map((i) => ({
          code: i.code,
          severity: "error",
          path: i.path ?? "",
          message: i.message,
          ...(i.line !== undefined ? { line: i.line } : {}),
          ...(i.column !== undefined ? { column: i.column } : {}),
        })),
      });
    }
  }
  return reports;
}

/** 0 without errors, 1 with errors, 2 when any file cannot be read as a contract. */
export function exitCodeFor(reports: readonly FileReport[]): number {
  if (reports.some((r) => r.unreadable)) return ExitCode.badInput;
  if (reports.some((r) => r.findings.some((f) => f.severity === "error"))) return ExitCode.failed;
  return ExitCode.ok;
}

const LABEL = { error: "错误", warning: "警告", info: "提示" } as const;

/**
 * Each file's findings, then a line that sums them up. A draft's placeholders come first, as one
 * list under “尚有 N 处待填写、M 处待确认”, before the other findings.
 */
export function formatReports(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const drafts = r.findings.filter((f) => isPlaceholderCode(f.code));
    const others = r.findings.filter((f) => !isPlaceholderCode(f.code));
    const summary = placeholderSummary(drafts);
    if (drafts.length > 0) {
      lines.push(`${r.file}: 合同尚未填写完整，${summary}：`);
      for (const f of drafts) {
        const where = [r.file, f.line, f.column].filter((x) => x !== undefined).join(":");
        lines.push(`  ${where}${f.path ? ` ${f.path}` : ""}\n    ${f.message}`);
      }
      lines.push("");
    }
    for (const f of others) {
      const where = [r.file, f.line, f.column].filter((x) => x !== undefined).join(":");
      lines.push(`${where}: ${LABEL[f.severity]} ${f.code}${f.path ? ` (${f.path})` : ""}\n  ${f.message}`);
    }
    const count = (s: Finding["severity"]) => others.filter((f) => f.severity === s).length;
    const draft = summary ? `${summary}；` : "";
    lines.push(
      r.unreadable
        ? `${r.file}: 无法读取为合同${summary ? `（另${summary}）` : ""}`
        : `${r.file}: ${draft}${count("error")} 个错误，${count("warning")} 个警告，${count("info")} 个提示`,
    );
    lines.push("");
  }
  return lines.join("\n");
}

/** Runs `qiyue validate` (see ../commands/validate.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, { json: { type: "boolean" }, ...CALENDAR_OPTION });
  if (positionals.length === 0) throw usageError("请给出至少一个合同文件");
  const reports = await validateFiles(positionals, await calendarOption(values.calendar, io.cwd));
  if (values.json) io.stdout(`${JSON.stringify({ files: reports.map(({ file, findings }) => ({ file, findings })) }, null, 2)}\n`);
  else io.stdout(formatReports(reports));
  return exitCodeFor(reports);
}
