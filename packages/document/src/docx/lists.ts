import { AlignmentType, type ILevelsOptions, LevelFormat, type NumberingDefinition } from "docx";
import type { Theme } from "../theme/types.js";
import { ptToTwip } from "../theme/units.js";

const BULLETS = ["•", "◦", "▪"];

/** Indent of a list level: one character per level plus room for the marker. */
function levelIndent(theme: Theme, level: number) {
  const em = theme.body.sizePt;
  return { left: ptToTwip(em * (level + 2)), hanging: ptToTwip(em * 1.2) };
}

export const BULLET_REFERENCE = "qiyue-bullet";

export function bulletNumbering(theme: Theme): NumberingDefinition {
  return {
    reference: BULLET_REFERENCE,
    levels: Array.from(
      { length: 9 },
      (_, level): ILevelsOptions => ({
        level,
        format: LevelFormat.BULLET,
        text: BULLETS[level % BULLETS.length]!,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: levelIndent(theme, level) } },
      }),
    ),
  };
}

/**
 * Decimal numbering starting at `start`; each list is its own instance, so numbering restarts.
 * A list nested in another is printed at a deeper level of its own instance: every level starts
 * at `start`, so that a nested list that starts at 3 prints 3 as the PDF does.
 */
export function decimalNumbering(theme: Theme, start: number): NumberingDefinition {
  return {
    reference: `qiyue-decimal-${start}`,
    levels: Array.from(
      { length: 9 },
      (_, level): ILevelsOptions => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        start,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: levelIndent(theme, level) } },
      }),
    ),
  };
}

export function listContinuationIndent(theme: Theme, level: number): { left: number } {
  return { left: levelIndent(theme, level).left };
}
