/** Exit codes, documented in `qiyue --help`. */
export const ExitCode = {
  ok: 0,
  /** The check ran and found problems (validation errors, golden differences, a cap that fails). */
  failed: 1,
  /** The input could not be used: bad arguments, unreadable or invalid files. */
  badInput: 2,
  /** A bug in qiyue. */
  internal: 70,
} as const;

/** Thrown by commands to stop with a message and an exit code (a user mistake, not a bug). */
export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function usageError(message: string): ExitError {
  return new ExitError(ExitCode.badInput, `${message}\n用法见 qiyue --help`);
}
