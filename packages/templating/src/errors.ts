import { type Issue, UserError } from "@qiyue/contract-model";

/** Stable codes of the mistakes a template, a manifest or a render request can contain. */
export type TemplateErrorCode =
  | "TEMPLATE_NOT_FOUND"
  | "TEMPLATE_UNREADABLE"
  | "TEMPLATE_OUTSIDE"
  | "TEMPLATE_TOO_LARGE"
  | "TEMPLATE_TOO_DEEP"
  | "TEMPLATE_PARTIAL_RECURSION"
  | "TEMPLATE_MANIFEST"
  | "TEMPLATE_SYNTAX"
  | "TEMPLATE_FORBIDDEN"
  | "TEMPLATE_UNKNOWN_HELPER"
  | "TEMPLATE_UNKNOWN_PARTIAL"
  | "TEMPLATE_MISSING_FIELD"
  | "TEMPLATE_HELPER"
  | "TEMPLATE_INPUT"
  | "TEMPLATE_OUTPUT_NAME"
  | "RENDER_FAILED"
  | "RENEWAL_CAP_EXCEEDED"
  | "RENEWAL_SCHEDULE_UNRESOLVED";

export interface TemplatePosition {
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

/**
 * A mistake in a template, its manifest or the inputs given to it. Carries the file and,
 * when known, the 1-based line and column, like a compiler message.
 */
export class TemplateError extends UserError {
  override readonly name: string = "TemplateError";
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: TemplateErrorCode, message: string, where?: TemplatePosition, options: { cause?: unknown } = {}) {
    const issue: Issue = { code, message };
    if (where?.file !== undefined) issue.file = where.file;
    if (where?.line !== undefined) issue.line = where.line;
    if (where?.column !== undefined) issue.column = where.column;
    super(code, `${formatWhere(where)}${message}`, [issue]);
    this.file = where?.file;
    this.line = where?.line;
    this.column = where?.column;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** `file:line:column: ` or as much of it as is known. */
export function formatWhere(where: TemplatePosition | undefined): string {
  if (where === undefined) return "";
  const parts = [where.file, where.line, where.column].filter((p) => p !== undefined);
  return parts.length === 0 ? "" : `${parts.join(":")}: `;
}

/** Thrown by helpers; the template engine adds the file, line and column of the call. */
export class HelperError extends Error {
  override readonly name = "HelperError";
}
