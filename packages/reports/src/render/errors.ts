import { UserError } from "@qiyue/contract-model/errors";

/** Stable codes of the mistakes a document author (or template) can make. */
export type RenderErrorCode =
  | "RENDER_UNKNOWN_DIRECTIVE"
  | "RENDER_BAD_DIRECTIVE_ATTRIBUTES"
  | "RENDER_UNCLOSED_CONTAINER"
  | "RENDER_BAD_KV_ITEM"
  | "RENDER_BAD_SIGNATURES"
  | "RENDER_UNKNOWN_CHART"
  | "RENDER_BAD_CHART"
  | "RENDER_IMAGE_NOT_ALLOWED"
  | "RENDER_UNKNOWN_THEME"
  | "RENDER_FONT_UNAVAILABLE";

/**
 * A mistake in the document being rendered, with a stable `code` and, when known,
 * the 1-based Markdown line it was found on. Messages are written for the person
 * who edits the template or the Markdown.
 */
export class RenderError extends UserError {
  override readonly name = "RenderError";
  override readonly code: RenderErrorCode;
  readonly line: number | undefined;

  constructor(code: RenderErrorCode, message: string, options: { line?: number | undefined; cause?: unknown } = {}) {
    super(code, options.line === undefined ? message : `第 ${options.line} 行：${message}`, [], { cause: options.cause });
    this.code = code;
    this.line = options.line;
  }
}
