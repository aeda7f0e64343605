/**
 * Reads holiday-arrangement files (one year each, see arrangement.ts) into a working-day
 * calendar. Every problem names the file, line and column, and says what is allowed.
 */
import { type Issue, UserError } from "../errors/index.js";
import { formatPath, locate } from "../load/locate.js";
import { describeIssue } from "../load/messages.js";
import { issueCode, parseYamlSource, readSourceFile, valueAt } from "../load/yaml-source.js";
import { type ArrangedYear, checkArrangement, HolidayArrangement } from "./arrangement.js";
import { calendarOf, type WorkingDayCalendar } from "./calendar.js";
import { nameList } from "../yaml/excerpt.js";

/** A file could not be read as a year's holiday arrangement. */
export class CalendarLoadError extends UserError {
  override readonly name = "CalendarLoadError";
  readonly file: string;

  constructor(file: string, issues: readonly Issue[]) {
    super(issues[0]?.code ?? "CALENDAR_INVALID", `${file}: 无法读取为节假日安排（${issues.length} 处问题）`, issues);
    this.file = file;
  }
}

/** One year's arrangement read from a file, with the position of its `year`. */
export interface LoadedArrangement {
  file: string;
  arrangement: ArrangedYear;
  /** Line and column (1-based) of `year` in the file. */
  yearAt: { line: number; column: number } | undefined;
}

function byPosition(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Parses YAML text as one year's holiday arrangement. Throws CalendarLoadError with every problem found. */
export function parseHolidayArrangement(source: string, file: string): LoadedArrangement {
  const parsedYaml = parseYamlSource(source, file);
  if ("issues" in parsedYaml) throw new CalendarLoadError(file, parsedYaml.issues);
  const { doc, lineCounter, data } = parsedYaml;
  const at = (path: readonly PropertyKey[], key?: string) => {
    const pos = locate(doc, lineCounter, path, key);
    return pos ? { line: pos.line, column: pos.column } : {};
  };
  const parsed = HolidayArrangement.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue): Issue => {
      const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      const message =
        issue.code === "unrecognized_keys" && issue.path.length === 0
          ? `未知字段：${nameList(issue.keys)}（可用的字段：year、source、holidays、workdays）`
          : describeIssue(issue, valueAt(data, issue.path), { root: HolidayArrangement, data });
      return { code: issueCode(issue), message, path: formatPath(issue.path), file, ...at(issue.path, key) };
    });
    throw new CalendarLoadError(file, byPosition(issues));
  }
  const lineOf = (path: readonly (string | number)[]) => {
    const pos = locate(doc, lineCounter, path);
    return pos ? `第 ${pos.line} 行` : formatPath(path);
  };
  const checked = checkArrangement(parsed.data, lineOf);
  if (!checked.ok) {
    const issues = checked.problems.map((p): Issue => ({ code: p.code, message: p.message, path: formatPath(p.path), file, ...at(p.path) }));
    throw new CalendarLoadError(file, byPosition(issues));
  }
  const yearAt = locate(doc, lineCounter, ["year"]);
  return { file, arrangement: checked.year, yearAt: yearAt ? { line: yearAt.line, column: yearAt.column } : undefined };
}

/** Reads and parses one holiday-arrangement file. A missing or unreadable file is a CalendarLoadError too. */
export async function loadHolidayArrangement(file: string): Promise<LoadedArrangement> {
  const read = await readSourceFile(file, "节假日安排文件");
  if ("issues" in read) throw new CalendarLoadError(file, read.issues);
  return parseHolidayArrangement(read.source, file);
}

/**
 * The working-day calendar of the built-in data and the years in `files` (one year a file; a
 * year given in two files is an error at the second file's `year`). No files: the built-in data.
 */
export async function loadWorkingDayCalendar(files: readonly string[]): Promise<WorkingDayCalendar> {
  const loaded: LoadedArrangement[] = [];
  for (const file of files) {
    const next = await loadHolidayArrangement(file);
    const earlier = loaded.find((l) => l.arrangement.year === next.arrangement.year);
    if (earlier !== undefined) {
      const year = next.arrangement.year;
      throw new CalendarLoadError(file, [
        {
          code: "CALENDAR_YEAR_TWICE",
          message: `${year} 年的节假日安排已由 ${earlier.file} 给出：每年只能给一份文件`,
          path: "year",
          file,
          ...(next.yearAt ?? {}),
        },
      ]);
    }
    loaded.push(next);
  }
  return calendarOf(loaded.map((l) => l.arrangement));
}
