/**
 * The import pipeline: a contract's text → its clause outline → every extractor → one value per
 * field → the draft YAML → loaded back with the contract model, whose findings say what is left
 * to confirm or fill in.
 */
import { basename, extname } from "node:path";
import { ContractLoadError, parseContract, validateContract } from "@qiyue/contract-model";
import { EXTRACTORS } from "../extract/index.js";
import type { ExtractContext, Extraction, Extractor, FoundField } from "../extract/types.js";
import { outlineOf } from "../source/outline.js";
import type { SourceText } from "../source/types.js";
import { attachmentTexts, bodyOf } from "./body.js";
import { mergeExtractions } from "./merge.js";
import { tidyValue } from "./tidy.js";
import { type Placeholder, writeDraft } from "./write.js";

/** Placeholder finding codes of the contract model: what is left for a person to do, not an error in the draft. */
export const PLACEHOLDER_CODES: readonly string[] = ["TO_CONFIRM", "TO_FILL"];

export interface ImportFinding {
  /**
   * extract: an extractor failed (a fault of the import; its fields are left out); load: reading the
   * draft as a contract (placeholders left, or a value of the wrong type); validate: the consistency rules.
   */
  stage: "extract" | "load" | "validate";
  severity: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
  path?: string;
}

export interface ImportOptions {
  /** The name the draft is known by in findings (the output file, or the source file). */
  file?: string;
  /** The `$schema` the draft's first line points an editor at (see schemaReferenceFrom). */
  schemaRef?: string;
  /** The extractors to run; every registered one by default. */
  extractors?: readonly Extractor[];
}

export interface ImportResult {
  /** The draft contract YAML. */
  yaml: string;
  /** Values found and written. */
  found: number;
  /** Placeholders written (【待确认】 and 【待填写】). */
  toConfirm: number;
  /** What loading and checking the draft reported: the placeholders left, and anything else. */
  findings: ImportFinding[];
  /** The same for machines: the fields with their sources, the placeholders, the findings. */
  json: ImportJson;
}

export interface ImportJson {
  file: string;
  source: string;
  found: { path: (string | number)[]; value: unknown; line: number; excerpt: string; confidence: string }[];
  placeholders: Placeholder[];
  findings: ImportFinding[];
}

/** A contract id from a file name: "bda-2024.txt" → "bda-2024"; a name that cannot be one gives "draft". */
export function idFromFile(file: string): string {
  const stem = basename(file, extname(file)).toLowerCase();
  return /^[a-z0-9][a-z0-9-]*$/.test(stem) ? stem : "draft";
}

/** Loads the draft and returns what the model says about it. */
function check(yaml: string, file: string): ImportFinding[] {
  try {
    const loaded = parseContract(yaml, file);
    return validateContract(loaded).map((f) => ({
      stage: "validate" as const,
      severity: f.severity,
      code: f.code,
      message: f.message,
      path: f.path,
      ...(f.line !== undefined ? { line: f.line } : {}),
      ...(f.column !== undefined ? { column: f.column } : {}),
    }));
  } catch (error) {
    if (!(error instanceof ContractLoadError)) throw error;
    return error.issues.map((issue) => ({
      stage: "load" as const,
      severity: PLACEHOLDER_CODES.includes(issue.code) ? "info" : "error",
      code: issue.code,
      message: issue.message,
      ...(issue.path !== undefined ? { path: issue.path } : {}),
      ...(issue.line !== undefined ? { line: issue.line } : {}),
      ...(issue.column !== undefined ? { column: issue.column } : {}),
    }));
  }
}

/**
 * Imports a contract's text as a draft contract YAML. Reads no file and no clock: the same text
 * gives the same draft, byte for byte.
 */
export function importContract(source: SourceText, options: ImportOptions = {}): ImportResult {
  const outline = outlineOf(source);
  const ctx: ExtractContext = { source, clauseAt: outline.clauseAt };
  const failed: ImportFinding[] = [];
  const extractions = (options.extractors ?? EXTRACTORS).map((extract): Extraction => {
    try {
      return extract(ctx);
    } catch (error) {
      // one family of fields failing leaves the rest of the draft standing: its fields are to fill in by hand
      const why = error instanceof Error ? error.message : String(error);
      failed.push({
        stage: "extract",
        severity: "error",
        code: "IMPORT_EXTRACTOR_FAILED",
        message: `导入程序内部错误：${extract.name || "某一提取规则"} 未能完成（${why}），它负责的字段未导入，请对照合同手工填写`,
      });
      return { found: [], toConfirm: [] };
    }
  });
  const merged = mergeExtractions(extractions);
  for (const f of merged.found) f.value = tidyValue(f.value, String(f.path.at(-1) ?? "")) as typeof f.value;
  const file = options.file ?? source.file;
  const draft = writeDraft({
    found: merged.found,
    toConfirm: merged.toConfirm,
    id: idFromFile(source.file),
    clauseAt: outline.clauseAt,
    body: bodyOf(source, outline).map((s) => ({ ...s })),
    attachments: attachmentTexts(source, outline),
    ...(options.schemaRef !== undefined ? { schemaRef: options.schemaRef } : {}),
  });
  const findings = [...failed, ...check(draft.yaml, file)];
  return {
    yaml: draft.yaml,
    found: draft.found.length,
    toConfirm: draft.placeholders.length,
    findings,
    json: {
      file,
      source: source.file,
      found: draft.found.map((f: FoundField) => ({
        path: [...f.path],
        value: f.value,
        line: f.source.line,
        excerpt: f.source.excerpt,
        confidence: f.confidence,
      })),
      placeholders: draft.placeholders,
      findings,
    },
  };
}
