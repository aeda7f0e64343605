import type { TemplateErrorCode } from "../errors.js";

/** Stable codes of what `templates check` finds, besides the template engine's own. */
export type TemplateCheckCode =
  | "TEMPLATE_UNKNOWN_FIELD"
  | "TEMPLATE_MAYBE_MISSING"
  | "TEMPLATE_NOT_PRINTABLE"
  | "TEMPLATE_HELPER_ARGUMENT"
  | "TEMPLATE_BLOCK_ARGUMENT"
  | "TEMPLATE_UNKNOWN_VARIABLE"
  | "TEMPLATE_INPUT_UNUSED"
  | "TEMPLATE_PARTIAL_UNUSED";

export interface TemplateIssue {
  code: TemplateCheckCode | TemplateErrorCode;
  /** Errors fail the check; warnings are reported and do not. */
  severity: "error" | "warning";
  message: string;
  /** The template folder's name. */
  template: string;
  file: string;
  line?: number;
  column?: number;
}

/** `file:line:column: 错误：message [CODE]`, the way compilers print. */
export function formatTemplateIssue(issue: TemplateIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(":");
  return `${where}: ${issue.severity === "error" ? "错误" : "警告"}：${issue.message} [${issue.code}]`;
}
