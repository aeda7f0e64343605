/**
 * Typed errors. Every error a user can cause carries a stable `code`, and where known the file,
 * line and column, and a message in Chinese a contract manager understands.
 */

export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

export interface Issue {
  code: string;
  message: string;
  path?: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * The mark of a user's mistake, shared by every qiyue package through the global symbol
 * registry: a package that does not depend on this one (the document engine) marks its
 * errors with it, and two installed copies of this package recognise each other's errors.
 */
export const USER_ERROR: unique symbol = Symbol.for("qiyue.user-error") as never;

/** A mistake in what the user gave us (a file, an argument). Never a bug. */
export class UserError extends Error {
  override readonly name: string = "UserError";
  readonly code: string;
  readonly issues: readonly Issue[];
  declare readonly [USER_ERROR]: true;

  constructor(code: string, message: string, issues: readonly Issue[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.issues = issues;
  }

  /**
   * `e instanceof UserError` holds for every error marked as a user's mistake (see
   * USER_ERROR); `instanceof` a subclass keeps its usual meaning.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof was called on, a subclass or UserError itself
    if (this !== UserError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[USER_ERROR] === true;
  }
}

// On the prototype, so that an error revived from another thread (Object.create of the prototype) keeps it.
Object.defineProperty(UserError.prototype, USER_ERROR, { value: true });

/** A file could not be read as a contract (syntax or schema). */
export class ContractLoadError extends UserError {
  override readonly name = "ContractLoadError";
  readonly file: string;

  constructor(file: string, issues: readonly Issue[]) {
    super(issues[0]?.code ?? "CONTRACT_INVALID", loadErrorMessage(file, issues), issues);
    this.file = file;
  }
}

/**
 * `c.yaml: 无法读取为合同（2 处问题）`; a draft whose only problems are its placeholders (TO_FILL,
 * TO_CONFIRM) says so instead: `c.yaml: 合同尚未填写完整：尚有 3 处待填写、1 处待确认`.
 */
function loadErrorMessage(file: string, issues: readonly Issue[]): string {
  const fill = issues.filter((i) => i.code === "TO_FILL").length;
  const confirm = issues.filter((i) => i.code === "TO_CONFIRM").length;
  const others = issues.length - fill - confirm;
  if (fill + confirm === 0) return `${file}: 无法读取为合同（${issues.length} 处问题）`;
  const drafts = [fill > 0 ? `${fill} 处待填写` : "", confirm > 0 ? `${confirm} 处待确认` : ""].filter(Boolean).join("、");
  if (others === 0) return `${file}: 合同尚未填写完整：尚有 ${drafts}（填写后再使用；qiyue validate 列出全部）`;
  return `${file}: 无法读取为合同（${others} 处问题；另有 ${drafts}）`;
}

/** Formats an issue as `file:line:column path: message`, the way compilers do. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(":");
  const path = issue.path ? ` ${issue.path}` : "";
  return `${where}${where ? ":" : ""}${path ? `${path}:` : ""} ${issue.message} [${issue.code}]`;
}
