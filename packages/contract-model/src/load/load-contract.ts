import { ContractLoadError, type Issue } from "../errors/index.js";
import { Contract } from "../schema/contract.js";
import { formatPath, locate, type ModelPath, type Position } from "./locate.js";
import { describeIssue } from "./messages.js";
import { issueCode, parseYamlSource, readSourceFile, valueAt } from "./yaml-source.js";

/** A contract with a way back to where each part of it was written. */
export interface LoadedContract {
  contract: Contract;
  file: string;
  source: string;
  /** Line and column (1-based) of the YAML node for a model path; the nearest ancestor if absent. */
  locate(path: ModelPath): Position | undefined;
}

/** Parses YAML text as a contract. Throws ContractLoadError with every problem found. */
export function parseContract(source: string, file: string): LoadedContract {
  const parsedYaml = parseYamlSource(source, file);
  if ("issues" in parsedYaml) throw new ContractLoadError(file, parsedYaml.issues);
  const { doc, lineCounter, data } = parsedYaml;
  const parsed = Contract.safeParse(data);
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((issue) => {
      const path = issue.path;
      const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      const pos = locate(doc, lineCounter, path, key);
      return {
        code: issueCode(issue),
        message: describeIssue(issue, valueAt(data, path)),
        path: formatPath(path),
        file,
        ...(pos ? { line: pos.line, column: pos.column } : {}),
      };
    });
    throw new ContractLoadError(file, issues);
  }
  return {
    contract: parsed.data,
    file,
    source,
    locate: (path) => locate(doc, lineCounter, path),
  };
}

/** Reads and parses a contract file. A missing or unreadable file is a ContractLoadError too. */
export async function loadContract(file: string): Promise<LoadedContract> {
  const read = await readSourceFile(file, "合同文件");
  if ("issues" in read) throw new ContractLoadError(file, read.issues);
  return parseContract(read.source, file);
}
