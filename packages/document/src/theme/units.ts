/** Chinese type sizes (字号) in points, as Word and WPS define them. */
export const HAO = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
} as const;

export const POINTS_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * POINTS_PER_MM;
}

/** Twentieths of a point, the unit of most DOCX lengths. */
export function ptToTwip(pt: number): number {
  return Math.round(pt * 20);
}

export function mmToTwip(mm: number): number {
  return ptToTwip(mmToPt(mm));
}
