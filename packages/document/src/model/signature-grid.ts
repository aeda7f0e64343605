import { labelWidthPt, sealRow } from "./seal.js";
import type { KeyValue, Party } from "./types.js";

/** One line of signature blocks side by side: each party's row at that height, or undefined where its block has no row there. */
export type SignatureGridRow = readonly (KeyValue | undefined)[];

/**
 * Signature blocks laid out so that the two sides line up: the rows above each seal (down to the
 * row that asks for it, see `sealRow`) and the rows under it, row by row across the parties, and
 * one width for every party's labels. A backend gives each grid row the height of its tallest
 * cell, so that a name wrapping on one side (北京市平谷区城市管理指挥中心) moves the other side's
 * rows down with it, and the seals and the lines to sign stand at the same height on both sides.
 */
export interface SignatureGrid {
  /** The rows above the seals, from the top; a block with fewer has blanks right above its seal. */
  above: SignatureGridRow[];
  /** The rows under the seals, from the top; a block with fewer ends with blanks. */
  below: SignatureGridRow[];
  /** The width in points of the labels on every side, so that the values start at one place in each column. */
  labelWidthPt: number;
}

/** The grid of parties side by side, each in a column `columnPt` wide, their text at `sizePt`. */
export function signatureGrid(parties: readonly Party[], columnPt: number, sizePt: number): SignatureGrid {
  const splits = parties.map((party) => sealRow(party) + 1);
  const rows = (part: (party: Party, split: number) => readonly KeyValue[]): SignatureGridRow[] => {
    const parts = parties.map((party, i) => part(party, splits[i]!));
    const count = Math.max(0, ...parts.map((p) => p.length));
    return Array.from({ length: count }, (_, r) => parts.map((p) => p[r]));
  };
  return {
    above: rows((party, split) => party.rows.slice(0, split)),
    below: rows((party, split) => party.rows.slice(split)),
    labelWidthPt: labelWidthPt(
      parties.flatMap((party) => party.rows),
      columnPt,
      sizePt,
    ),
  };
}
