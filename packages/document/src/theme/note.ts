import type { FontRole } from "./types.js";
import { HAO } from "./units.js";

/**
 * How an editor's note (`Run.note`: 〔注：大写应为…〕, words a document adds beside the words it
 * reprints) is set apart from them in both formats: in 楷体, a 字号 smaller than the text around it
 * (三号 → 四号 in the body, 小四 → 五号 in tables), so that nobody reads it as the document's own.
 */
export const EDITOR_NOTE_FONT: FontRole = "kai";

/** The 字号 from large to small. */
const SIZES: readonly number[] = Object.values(HAO).sort((a, b) => b - a);

/** The size of a note in text of `sizePt`: the largest 字号 at most seven eighths of it (16 → 14, 12 → 10.5). */
export function noteSizePt(sizePt: number): number {
  const most = (sizePt * 7) / 8;
  return SIZES.find((size) => size <= most + 1e-9) ?? most;
}
