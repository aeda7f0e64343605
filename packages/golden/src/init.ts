import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Contract, loadContract, UserError } from "@qiyue/contract-model";
import { Document } from "yaml";
import type { LoadedTemplate } from "@qiyue/templating";
import { INPUT_NAMES, type InputName, parseInput, type TemplateInputs } from "@qiyue/templating";
import { inputDeclaration } from "@qiyue/templating";
import { renderTemplateMarkdown, templateCatalog } from "@qiyue/reports";
import { writeFilesAtomically } from "@qiyue/reports";
import { GoldenError } from "./errors.js";
import { DEFAULT_SOURCE_DATE_EPOCH, SUITE_FILE, suiteFile } from "./suite.js";

/** The example contracts of this repository: `examples/contracts/*.yaml`, found from this module. */
export function exampleContractsDir(): string {
  return fileURLToPath(new URL("../../../examples/contracts/", import.meta.url));
}

export interface InitOptions {
  /** The suite's folder (or its golden.yaml). */
  dir: string;
  /** Contract files; the example contracts when empty. */
  contracts?: readonly string[];
  templatesDir?: string;
}

export interface InitResult {
  file: string;
  cases: number;
  /** Template × contract pairs left out, with the reason (in Chinese). */
  skipped: { template: string; contract: string; reason: string }[];
}

/**
 * Values to try for each input a template requires, in order: the first that the template
 * accepts for a contract is written into the case. Optional inputs are left out.
 */
const CANDIDATES: Partial<Record<InputName, readonly (number | string)[]>> = {
  installment: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  increase: ["5%", "0%"],
};

function candidateInputs(template: LoadedTemplate): { raw: Record<string, number | string>; model: TemplateInputs }[] | string {
  const renewal = ["increase", "amount"].some((n) => template.manifest.inputs[n as InputName] !== undefined);
  const lists: [InputName, readonly (number | string)[]][] = [];
  if ((template.manifest.inputs as Record<string, unknown>).orders !== undefined) {
    return "由工单导出数据生成：请手工添加该用例，并用 orders 给出工单文件";
  }
  for (const name of INPUT_NAMES.filter((n) => template.manifest.inputs[n] !== undefined)) {
    const declared = inputDeclaration(template.manifest, name);
    const needed = declared?.required === true || (renewal && name === "increase");
    if (!needed || declared?.default !== undefined) continue;
    const values = CANDIDATES[name];
    if (values === undefined) return `需要输入 ${name}，请手工添加该用例`;
    lists.push([name, values]);
  }
  let combos: Record<string, number | string>[] = [{}];
  for (const [name, values] of lists) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  return combos.map((raw) => {
    const model: Record<string, number | string> = {};
    for (const [name, value] of Object.entries(raw)) model[name] = parseInput(name as InputName, value);
    return { raw, model: model as TemplateInputs };
  });
}

function accepts(template: LoadedTemplate, contract: Contract, inputs: TemplateInputs): string | undefined {
  try {
    renderTemplateMarkdown({ template, contract, inputs });
    return undefined;
  } catch (e) {
    if (e instanceof UserError) return e.issues[0]?.message ?? e.message;
    throw e;
  }
}

const slash = (path: string) => path.split(sep).join("/");

/**
 * Writes a starter golden.yaml: every template with every contract (the example contracts
 * unless others are given), with the first inputs each template accepts for each contract.
 * Refuses to overwrite an existing golden.yaml. Writes no expected files: `update` does.
 */
export async function initSuite(options: InitOptions): Promise<InitResult> {
  const file = suiteFile(options.dir);
  if (existsSync(file)) throw new GoldenError("GOLDEN_SUITE_EXISTS", `${SUITE_FILE} 已存在，不覆盖`, { file });
  let contracts = (options.contracts ?? []).map((c) => resolve(c));
  if (contracts.length === 0) {
    const dir = exampleContractsDir();
    const names = existsSync(dir) ? (await readdir(dir)).filter((n) => n.endsWith(".yaml")).sort() : [];
    contracts = names.map((n) => join(dir, n));
  }
  if (contracts.length === 0) throw new GoldenError("GOLDEN_NO_CONTRACTS", "没有可用的合同文件：请在命令行上给出合同 YAML");
  const templatesDir = options.templatesDir === undefined ? undefined : resolve(options.templatesDir);
  const catalog = await templateCatalog(templatesDir === undefined ? {} : { templatesDir });
  const templates: LoadedTemplate[] = await Promise.all(catalog.names().map((name) => catalog.load(name)));
  const cases: Record<string, unknown>[] = [];
  const skipped: InitResult["skipped"] = [];
  const suiteDir = dirname(file);
  for (const template of templates) {
    for (const contractFile of contracts) {
      const { contract } = await loadContract(contractFile);
      const path = slash(relative(suiteDir, contractFile));
      const candidates = candidateInputs(template);
      let reason = typeof candidates === "string" ? candidates : "";
      let chosen: Record<string, number | string> | undefined;
      for (const candidate of typeof candidates === "string" ? [] : candidates) {
        const refused = accepts(template, contract, candidate.model);
        if (refused === undefined) {
          chosen = candidate.raw;
          break;
        }
        reason ||= refused;
      }
      if (chosen === undefined) {
        skipped.push({ template: template.name, contract: path, reason });
        continue;
      }
      cases.push({
        name: `${template.name}-${contract.id}`,
        template: template.name,
        contract: path,
        ...(Object.keys(chosen).length > 0 ? { inputs: chosen } : {}),
        formats: ["md", "docx", "pdf"],
      });
    }
  }
  const doc = new Document({ sourceDateEpoch: DEFAULT_SOURCE_DATE_EPOCH, ...(options.templatesDir ? { templates: slash(relative(suiteDir, templatesDir!)) } : {}), cases });
  doc.commentBefore = [
    " qiyue golden 用例：每个用例用一个模板和一份合同生成文档。",
    " qiyue golden update <目录> 写出预期文件（可读的 Markdown、DOCX 的 XML、PDF 每页文字）；",
    " qiyue golden check <目录> 重新生成并比较，有任何不同即以退出码 1 失败（用于 CI）。",
    " sourceDateEpoch：写入文档的日期（秒）；contract：相对于本文件的路径。",
  ].join("\n");
  for (const item of (doc.get("cases") as { items: { get(k: string, keep: true): { flow: boolean } | undefined }[] }).items) {
    const formats = item.get("formats", true);
    if (formats !== undefined) formats.flow = true;
  }
  let text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (skipped.length > 0) {
    text += `\n# 未生成的组合：\n${skipped.map((s) => `#   ${s.template} × ${s.contract}：${s.reason}`).join("\n")}\n`;
  }
  await writeFilesAtomically([{ path: file, bytes: text }]);
  return { file, cases: cases.length, skipped };
}
