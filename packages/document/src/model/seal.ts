import { plainText } from "./text.js";
import type { Party } from "./types.js";

/** The row a party's seal placeholder goes under: the one whose label asks for a seal (盖章), else the first. */
export function sealRow(party: Party): number {
  return Math.max(
    0,
    party.rows.findIndex((row) => plainText(row.label).includes("盖章")),
  );
}
