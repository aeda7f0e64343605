import { ContractLoadError, type Issue } from "../errors/index.js";
import { Contract } from "../schema/contract.js";
import { formatPath, locate, type ModelPath, type Position } from "./locate.js";
import { type SchemaNode, schemaAt } from "../schema/introspect.js";
import { describeIssue, fieldNeeds } from "./messages.js";
import { findPlaceholders, type Placeholder, placeholderMessage } from "./placeholders.js";
import { issueCode, parseYamlSource, readSourceFile, valueAt } from "./yaml-source.js";

/** A contract with a way back to where each part of it was written. */
export interface LoadedContract {
  contract: Contract;
  file: string;
  source: string;
  /** Line and column (1-based) of the YAML node for a model path; the nearest ancestor if absent. */
  locate(path: ModelPath): Position | undefined;
}

/** What to do with placeholders (【待填写…】, 【待确认…】; see ./placeholders.ts). */
export interface LoadOptions {
  /**
   * "refuse" (the default, for every command that computes or prints from a contract): a
   * contract with any placeholder is a ContractLoadError listing them all, code TO_FILL or
   * TO_CONFIRM. "allow" (for `qiyue validate` and drafts): a placeholder at a text field
   * passes, for the validator to report; one at a field of another type (a number, a date, an
   * enum, an object) is still a load issue, listed with the others.
   */
  placeholders?: "refuse" | "allow";
}

/**
 * Parses YAML text as a contract. Throws ContractLoadError with every problem found: the
 * placeholders first (each at its own line and column, saying what the field needs), then the
 * other problems.
 */
export function parseContract(source: string, file: string, options: LoadOptions = {}): LoadedContract {
  const parsedYaml = parseYamlSource(source, file);
  if ("issues" in parsedYaml) throw new ContractLoadError(file, parsedYaml.issues);
  const { doc, lineCounter, data } = parsedYaml;
  const placeholders = findPlaceholders(data);
  const parsed = Contract.safeParse(data);
  const context = { root: Contract, data };
  const at = (path: ModelPath, key?: string) => {
    const pos = locate(doc, lineCounter, path, key);
    return pos ? { line: pos.line, column: pos.column } : {};
  };
  const issues: Issue[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path;
      // a schema issue at (or inside) a placeholder is the placeholder's, reported once below
      if (placeholders.some((p) => startsWith(path, p.path))) continue;
      const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      issues.push({
        code: issueCode(issue),
        message: describeIssue(issue, valueAt(data, path), context),
        path: formatPath(path),
        file,
        ...at(path, key),
      });
    }
  }
  if (!parsed.success || (placeholders.length > 0 && options.placeholders !== "allow")) {
    const drafts: Issue[] = placeholders.map((p) => ({
      code: p.code,
      message: placeholderIssueMessage(p, schemaAt(Contract, p.path, data)),
      path: formatPath(p.path),
      file,
      ...at(p.path),
    }));
    throw new ContractLoadError(file, [...drafts, ...issues]);
  }
  return {
    contract: parsed.data,
    file,
    source,
    locate: (path) => locate(doc, lineCounter, path),
  };
}

/** `待填写：合同总价。此处应填：金额（元）…`: the placeholder's own words, then what the schema asks for there. */
export function placeholderIssueMessage(p: Placeholder, node: SchemaNode | undefined): string {
  const needs = node ? fieldNeeds(node) : "";
  if (!needs) return placeholderMessage(p);
  // 【待填写：合同标题】 at a field described “合同标题，照封面”: one sentence, not the same words twice
  if (p.note && needs.startsWith(p.note)) return placeholderMessage({ ...p, note: needs });
  return `${placeholderMessage(p)}。${needs.startsWith("可选：") ? "此处" : "此处应填："}${needs}`;
}

function startsWith(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => String(seg) === String(path[i]));
}

/** Reads and parses a contract file. A missing or unreadable file is a ContractLoadError too. */
export async function loadContract(file: string, options: LoadOptions = {}): Promise<LoadedContract> {
  const read = await readSourceFile(file, "合同文件");
  if ("issues" in read) throw new ContractLoadError(file, read.issues);
  return parseContract(read.source, file, options);
}
