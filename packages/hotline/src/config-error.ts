import { UserError } from "@qiyue/contract-model/errors";

export type HotlineConfigErrorCode =
  | "config-unreadable"
  | "yaml-syntax"
  | "mapping-invalid"
  | "mapping-ambiguous"
  | "metrics-config-invalid"
  | "sla-invalid";

export interface HotlineConfigErrorDetails {
  readonly file: string;
  /** 1-based position in the YAML file, when known. */
  readonly line?: number;
  readonly column?: number;
  /** Path of the offending entry, e.g. `weights.response`. */
  readonly path?: string;
}

/** A column-mapping file, metrics configuration or service-level list that cannot be used. */
export class HotlineConfigError extends UserError {
  override readonly name = "HotlineConfigError";
  override readonly code: HotlineConfigErrorCode;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly path: string | undefined;

  constructor(code: HotlineConfigErrorCode, message: string, details: HotlineConfigErrorDetails) {
    // The message already names the file, line and column.
    super(code, message, []);
    this.code = code;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.path = details.path;
  }
}
