/**
 * The fewest body rows of a table that either backend leaves on a page on either side of a page
 * break: a typesetter never sends a table with one row alone at the foot or the head of a page.
 */
export const LEAST_ROWS = 2;

/** Whether a table has too few body rows to be broken at all without leaving one alone: it goes whole. */
export function keptWhole(bodyRows: number): boolean {
  return bodyRows < 2 * LEAST_ROWS;
}
