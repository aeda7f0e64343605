/**
 * V8 tuned for a command that runs for a second or a few: imported first by `bin/qiyue.js`,
 * before anything else is loaded.
 *
 * V8 compiles a function with its optimizing compiler once the function has run a while (its
 * "interrupt budget", counted in bytecode executed). The default suits a long-running server;
 * in a command of a few seconds most of those compilations finish too late to pay for
 * themselves, and on a machine of 2 cores they take CPU from the work itself (a profile of
 * `qiyue render monthly-report` showed 1.6 s of 5.5 s of CPU spent compiling). With a budget
 * 16 times the default, only the really hot loops (reading orders, laying out lines) are
 * optimized. A budget given by the user (`node --interrupt-budget=…`, NODE_OPTIONS) is kept.
 * Figures: README, "Performance".
 */
import { setFlagsFromString } from "node:v8";

/** 16 × V8's default of 66 KiB of bytecode. */
export const INTERRUPT_BUDGET = 16 * 67_584;

const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("--interrupt-budget"));
if (!given) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
