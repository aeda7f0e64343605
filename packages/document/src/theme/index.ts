import type { ThemeName } from "../model/types.js";
import { RenderError } from "../errors.js";
import { formal } from "./formal.js";
import { plain } from "./plain.js";
import type { Theme } from "./types.js";

export type { FontRole, LineSpacing, PageNumberStyle, TextStyle, Theme } from "./types.js";
export { HAO, mmToPt, mmToTwip, ptToTwip } from "./units.js";

export const themes: Readonly<Record<ThemeName, Theme>> = { formal, plain };

export const themeNames: readonly ThemeName[] = ["formal", "plain"];

export function isThemeName(name: string): name is ThemeName {
  return (themeNames as readonly string[]).includes(name);
}

export function getTheme(name: string): Theme {
  if (!isThemeName(name)) {
    throw new RenderError("RENDER_UNKNOWN_THEME", `未知的版式“${name}”，可用：${themeNames.join("、")}`);
  }
  return themes[name];
}

/** Width and height of the text block in points. */
export function textBlock(theme: Theme): { widthPt: number; heightPt: number } {
  const { page } = theme;
  const k = 72 / 25.4;
  return {
    widthPt: (page.widthMm - page.margins.leftMm - page.margins.rightMm) * k,
    heightPt: (page.heightMm - page.margins.topMm - page.margins.bottomMm) * k,
  };
}
