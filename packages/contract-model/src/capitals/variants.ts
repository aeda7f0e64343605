import { optionalSlots, render, spell } from "./spelling.js";

/** Prefixes a capitals amount may carry. */
export const CAPITALS_PREFIXES = ["", "人民币", "人民币：", "人民币:"] as const;

const TERMINATORS = { 元: ["整", "正"], 角: ["", "整", "正"], 分: [""] } as const;

/** The allowed spellings of `fen` without prefix: each optional 零 written or not, 整 or 正. */
export function allowedBodies(fen: number): string[] {
  const spelling = spell(fen);
  const cores: string[] = [];
  const slots = optionalSlots(spelling);
  for (let mask = 0; mask < 2 ** slots; mask++) {
    cores.push(render(spelling, (slot) => (mask & (1 << slot)) !== 0));
  }
  return cores.flatMap((core) => TERMINATORS[spelling.ending].map((end) => core + end));
}

/** Every spelling of `fen` the PBoC rules allow, with and without the "人民币" prefix. */
export function allowedSpellings(fen: number): string[] {
  const bodies = allowedBodies(fen);
  return CAPITALS_PREFIXES.flatMap((prefix) => bodies.map((body) => prefix + body));
}
