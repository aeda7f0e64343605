import { stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import {
  ContractLoadError,
  chineseDate,
  describeChange,
  describeTermLength,
  formatYuan,
  loadContract,
  type Ppm,
  parseContract,
  parsePercent,
  parseScheduleShares,
  parseTermMonths,
  parseYuan,
  planRenewal,
  RENEWAL_CAP_LABELS,
  type RenewalCheck,
  type RenewalChoices,
  type RenewalPlan,
  type RenewalRequest,
  RenewalRequestError,
  RenewalScheduleError,
  renewContractYaml,
  termLength,
} from "@qiyue/contract-model";
import { writeFilesAtomically } from "@qiyue/reports/write";
import { parseArgs } from "../args.js";
import { ExitCode, ExitError, usageError } from "../exit.js";
import type { Io } from "../io.js";

export interface RenewResult {
  file: string;
  plan: RenewalPlan;
  /** The file written; undefined when a cap failed or the schedule needs the parties' shares, and nothing was written. */
  written?: string;
  /** Why the schedule cannot be carried over as the contract words it (the validator's findings), when it cannot. */
  unresolved?: { findings: readonly string[]; installments: number };
}

/**
 * Plans the renewal of the contract in `file` and, when every cap holds and the schedule can be
 * carried over (as the contract words it, or with the parties' `choices.shares`), writes the
 * renewed contract to `out` atomically. Otherwise nothing is written. Bad input throws.
 */
export async function renewFile(file: string, request: RenewalRequest, out: string, choices: RenewalChoices = {}): Promise<RenewResult> {
  await checkOutput(file, out);
  const loaded = await loadContract(file);
  const plan = planRenewal(loaded.contract, request);
  if (!plan.ok) return { file, plan };
  let yaml: string;
  try {
    yaml = renewContractYaml(loaded.source, plan, { from: basename(file), ...(choices.shares !== undefined ? { shares: choices.shares } : {}) });
  } catch (e) {
    if (e instanceof RenewalScheduleError) return { file, plan, unresolved: { findings: e.findings, installments: e.installments } };
    throw e;
  }
  try {
    parseContract(yaml, out, { placeholders: "allow" });
  } catch (e) {
    if (!(e instanceof ContractLoadError)) throw e;
    throw new Error(`生成的续签合同无法读取（${e.issues.map((i) => i.message).join("；")}）`);
  }
  await writeAtomically(out, yaml);
  return { file, plan, written: out };
}

/** The output must not be the input, must not be a directory, and its directory must exist. */
async function checkOutput(file: string, out: string): Promise<void> {
  const target = await statOrUndefined(out);
  const source = await statOrUndefined(file);
  const same = resolve(out) === resolve(file) || (target && source && target.dev === source.dev && target.ino === source.ino);
  if (same) throw new ExitError(ExitCode.badInput, `输出文件不能是输入文件本身：${out}。请另给一个文件名，如 --out 续签.yaml`);
  if (target?.isDirectory()) throw new ExitError(ExitCode.badInput, `输出路径 ${out} 是一个目录，请给出文件名`);
  const dir = dirname(resolve(out));
  const parent = await statOrUndefined(dir);
  if (!parent?.isDirectory()) {
    throw new ExitError(ExitCode.badInput, `输出目录不存在：${dirname(out)}。qiyue 不会新建目录，请先创建它`);
  }
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** Writes a temporary file beside `path`, flushes it, then renames it over `path`: never a half-written file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  try {
    await writeFilesAtomically([{ path, bytes: text }], { durable: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExitError(ExitCode.badInput, `无法写入 ${path}（${code ?? (e as Error).message}）`);
  }
}

/** Reads the command-line request: exactly one of --increase P% and --amount X, and --years N or --term 12m. */
export function parseRequest(values: { increase?: string; amount?: string; years?: string; term?: string }): RenewalRequest {
  const { increase, amount, years, term } = values;
  if ((increase === undefined) === (amount === undefined)) {
    throw usageError("请给出 --increase（按本期金额的增幅，如 10%）或 --amount（新的合同金额），且只给出其中一个");
  }
  const request: RenewalRequest = {};
  if (increase !== undefined) {
    if (/^\+?\d+(\.\d+)?$/.test(increase.trim())) throw usageError(`--increase 的值须带百分号，如 --increase ${increase.trim()}%（收到“${increase}”）`);
    const r = parsePercent(increase);
    if (!r.ok) throw usageError(`--increase：${r.reason}`);
    request.increase = r.value;
  }
  if (amount !== undefined) {
    const r = parseYuan(amount);
    if (!r.ok) throw usageError(`--amount：${r.reason}`);
    request.amount = r.value;
  }
  if (years !== undefined) {
    if (!/^\d+$/.test(years) || Number(years) < 1 || Number(years) > 100) throw usageError(`--years 须为正整数（年），如 --years 1（收到“${years}”）`);
    request.years = Number(years);
  }
  if (term !== undefined) {
    if (years !== undefined) throw usageError("--years 与 --term 只能给出一个（--years N 即 --term Ny）");
    request.months = fromModel(() => parseTermMonths(term));
  }
  return request;
}

/** Reads the parties' decisions: --schedule 50/20/30. */
export function parseChoices(values: { schedule?: string }): RenewalChoices {
  return values.schedule === undefined ? {} : { shares: fromModel((): Ppm[] => parseScheduleShares(values.schedule!)) };
}

/** A reader of the model whose mistake is a usage error. */
function fromModel<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof RenewalRequestError) throw usageError(e.message);
    throw e;
  }
}

const MARK = (c: RenewalCheck) => (!c.ok ? "✗" : c.manual ? "？" : "✓");
const span = (s: { start: string; end: string; amount: number }) => `${chineseDate(s.start)}至${chineseDate(s.end)}  ${formatYuan(s.amount)} 元`;

export function formatPlan({ file, plan }: RenewResult): string {
  const { original, previous, next } = plan;
  const rules = plan.policyStated ? "合同约定的续签规则" : "默认续签规则（合同未约定续签规则）";
  const lines = [
    `${file}：第 ${plan.renewalNumber} 次续签，按${rules}检查`,
    `  原合同  ${span(original)}`,
    `  本期    ${span(previous)}`,
    `  续签    ${span(next)}（${next.capitals}）`,
    `          服务期 ${describeTermLength(termLength(next.start, next.end))}（${plan.term.chosen ? "按 --term / --years 约定" : "与本期相同"}）`,
    `          较本期${describeChange(previous.amount, next.amount)}，较原合同${describeChange(original.amount, next.amount)}；` +
      `自原合同开始共 ${describeTermLength(termLength(original.start, next.end))}`,
    "",
  ];
  for (const c of plan.checks) {
    lines.push(`${MARK(c)} ${RENEWAL_CAP_LABELS[c.cap]}：${c.message}`, `    上限：${c.limit}`, `    实际：${c.actual}`, `    依据：${c.source}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Why nothing was written: the schedule's findings, and what to give. */
function formatUnresolved({ findings, installments }: NonNullable<RenewResult["unresolved"]>): string {
  const lines = findings.map((f) => `  ✗ ${f}`);
  return [
    "原合同的付款方式不能照搬到续签合同，未写出任何文件：",
    ...lines,
    `请与对方书面约定各期比例后用 --schedule 给出（共 ${installments} 期，各期百分比用“/”分隔，合计 100，如 --schedule A/B/C）。`,
    "",
  ].join("\n");
}

function formatFailure(plan: RenewalPlan): string {
  const failed = plan.checks.filter((c) => !c.ok);
  const lines = failed.map((c) => `  ✗ ${RENEWAL_CAP_LABELS[c.cap]}：${c.message.replace(/。$/, "")}（依据：${c.source}）。`);
  return `未通过续签上限检查，未写出任何文件：\n${lines.join("\n")}\n`;
}

/** Runs `qiyue renew` (see ../commands/renew.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs(argv, {
    increase: { type: "string" },
    amount: { type: "string" },
    years: { type: "string" },
    term: { type: "string" },
    schedule: { type: "string" },
    out: { type: "string", short: "o" },
    json: { type: "boolean" },
  });
  if (positionals.length !== 1) throw usageError("请给出一个合同文件");
  if (values.out === undefined) throw usageError("请用 --out 给出续签合同的输出文件");
  const request = parseRequest(values);
  const result = await renewFile(positionals[0]!, request, values.out, parseChoices(values));
  if (values.json) {
    const unresolved = result.unresolved === undefined ? {} : { unresolved: result.unresolved };
    io.stdout(`${JSON.stringify({ file: result.file, out: values.out, written: result.written !== undefined, plan: result.plan, ...unresolved }, null, 2)}\n`);
  } else {
    io.stdout(formatPlan(result));
  }
  if (result.written === undefined) {
    if (!values.json) io.stderr(result.unresolved === undefined ? formatFailure(result.plan) : formatUnresolved(result.unresolved));
    return ExitCode.failed;
  }
  if (!values.json) io.stdout(`\n已写出续签合同：${result.written}\n`);
  return ExitCode.ok;
}
