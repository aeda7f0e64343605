/**
 * Says why a text whose value could be read is still not an allowed spelling of that value:
 * a missing or extra 零, a bare 拾, 整 missing after 元 or written after 分.
 */

import { formatCapitals } from "./format.js";
import type { LenientResult } from "./lenient.js";
import { allowedBodies } from "./variants.js";

type Read = Extract<LenientResult, { ok: true }>;

interface Problem {
  index: number;
  message: string;
}

const TERMINATOR = /[整正]$/;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function closest(text: string, candidates: readonly string[]): string {
  let best = candidates[0]!;
  for (const candidate of candidates) {
    if (editDistance(text, candidate) < editDistance(text, best)) best = candidate;
  }
  return best;
}

/** Where `core` and `model` differ only by 零, the 零 to add and to remove. */
function zeroProblems(core: string, model: string): Problem[] {
  const problems: Problem[] = [];
  let i = 0;
  let j = 0;
  while (i < core.length || j < model.length) {
    if (core[i] === model[j]) {
      i++;
      j++;
    } else if (model[j] === "零") {
      problems.push({ index: i, message: `“${core[i - 1]}”和“${core[i]}”之间缺少“零”` });
      j++;
    } else {
      problems.push({ index: i, message: i > 0 ? `“${core[i - 1]}”后面的“零”是多余的` : "开头的“零”是多余的" });
      i++;
    }
  }
  return problems;
}

function coreProblems(core: string, cores: readonly string[], read: Read): Problem[] {
  const firstTen = read.impliedTens[0];
  if (firstTen !== undefined) return [{ index: firstTen, message: "“拾”前面缺少数字，应写“壹拾”" }];
  if (read.hasYuan && read.yuan === 0) return [{ index: 0, message: "不足一元的金额不写“零元”" }];
  const withoutZeros = core.replaceAll("零", "");
  const sameDigits = cores.filter((c) => c.replaceAll("零", "") === withoutZeros);
  if (sameDigits.length > 0) return zeroProblems(core, closest(core, sameDigits));
  const model = closest(core, cores);
  let index = 0;
  while (core[index] === model[index]) index++;
  return [{ index, message: "写法不规范" }];
}

/** Explains why `body` (read as `read.fen`) is not among the allowed spellings of its value. */
export function explainMismatch(body: string, read: Read): { reason: string; index: number } {
  const canonical = formatCapitals(read.fen);
  const allowed = [canonical, ...allowedBodies(read.fen).filter((b) => b !== canonical)];
  const core = body.replace(TERMINATOR, "");
  const cores = [...new Set(allowed.map((b) => b.replace(TERMINATOR, "")))];
  const problems = cores.includes(core) ? [] : coreProblems(core, cores, read);
  const ending = read.fen % 10 !== 0 ? "分" : read.fen % 100 !== 0 ? "角" : "元";
  if (ending === "元" && !read.terminated) {
    problems.push({ index: body.length, message: "“元”后面应写“整”（或“正”）" });
  }
  if (ending === "分" && read.terminated) {
    problems.push({ index: body.length - 1, message: `“分”后面不写“${body[body.length - 1]}”` });
  }
  if (problems.length === 0) problems.push({ index: 0, message: "写法不规范" });
  const reason = `${problems.map((p) => p.message).join("；")}，应写作“${closest(body, allowed)}”`;
  return { reason, index: Math.min(...problems.map((p) => p.index)) };
}
