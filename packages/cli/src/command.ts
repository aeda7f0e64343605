import type { Io } from "./io.js";

/**
 * A `qiyue` command: its name, the one-line summary `qiyue --help` lists, the usage
 * `qiyue <name> --help` prints, and what it does. Each command module (commands/) holds its
 * own summary and usage, and loads its work (run/) only when it runs, so help stays fast.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Runs the command; resolves to the exit code. */
  run(argv: string[], io: Io): Promise<number>;
}
