/** The global mark of a user's mistake, shared with `@qiyue/contract-model`'s `UserError`. */
const USER_ERROR = Symbol.for("qiyue.user-error");


/** Stable codes of the mistakes a document author (or template) can make. */
export type RenderErrorCode =
  | "RENDER_UNKNOWN_DIRECTIVE"
  | "RENDER_BAD_DIRECTIVE_ATTRIBUTES"
  | "RENDER_UNCLOSED_CONTAINER"
  | "RENDER_TOO_DEEP"
  | "RENDER_BAD_KV_ITEM"
  | "RENDER_BAD_SIGNATURES"
  | "RENDER_UNKNOWN_CHART"
  | "RENDER_BAD_CHART"
  | "RENDER_IMAGE_NOT_ALLOWED"
  | "RENDER_UNKNOWN_THEME"
  | "RENDER_FONT_UNAVAILABLE"
  | "RENDER_FONT_MISSING_GLYPHS"
  | "RENDER_RASTERISER_UNAVAILABLE";

/**
 * A mistake in the document being rendered, with a stable `code` and, when known,
 * the 1-based Markdown line it was found on. Messages are written for the person
 * who edits the template or the Markdown.
 */
export class RenderError extends Error {
  override readonly name = "RenderError";
  readonly code: RenderErrorCode;
  readonly line: number | undefined;
  /** Always empty: the message says where (a line of the Markdown). */
  readonly issues: readonly [] = [];
  /** Marks a user's mistake for `instanceof UserError` in `@qiyue/contract-model` (the same global symbol). */
  declare readonly [USER_ERROR]: true;

  constructor(code: RenderErrorCode, message: string, options: { line?: number | undefined; cause?: unknown } = {}) {
    super(options.line === undefined ? message : `第 ${options.line} 行：${message}`, { cause: options.cause });
    this.code = code;
    this.line = options.line;
  }
}

// On the prototype, so that an error revived from another thread (Object.create of the prototype) keeps it.
Object.defineProperty(RenderError.prototype, USER_ERROR, { value: true });
