/**
 * What the `qiyue` program does when its output cannot be written. A reader that stops early
 * (`qiyue schema | head`) closes the pipe: stop quietly, as Unix tools do. Any other failure
 * (a full disk behind `> file`) is said once on stderr, naming where the output was going,
 * and ends with exit code 2: never a stack trace.
 */
import { readlinkSync } from "node:fs";
import { ExitCode } from "./exit.js";
import { fileSystemMessage } from "./main.js";

/** Where file descriptor `fd` of this process writes to, when the system says (Linux), else undefined. */
function target(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** The message for a failed write to standard output or standard error. */
export function outputFailureMessage(name: "stdout" | "stderr", error: NodeJS.ErrnoException, where?: string): string {
  const what = name === "stdout" ? "标准输出" : "标准错误输出";
  const path = where === undefined ? what : `${what}（${where}）`;
  return `qiyue: 无法写入${fileSystemMessage(Object.assign(new Error(error.message), { code: error.code, path })) ?? `${path}：${error.message}`}\n`;
}

/** Installs the handlers on the process's stdout and stderr. */
export function guardStandardStreams(): void {
  for (const [name, stream, fd] of [
    ["stdout", process.stdout, 1],
    ["stderr", process.stderr, 2],
  ] as const) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      if (name === "stdout") {
        try {
          process.stderr.write(outputFailureMessage(name, error, target(fd)));
        } catch {
          // nowhere left to say it
        }
      }
      process.exit(ExitCode.badInput);
    });
  }
}
