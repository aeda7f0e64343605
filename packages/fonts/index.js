import { fileURLToPath } from "node:url";

/**
 * The font files, by face, as file names inside this package's files/ folder:
 * Noto Serif SC (宋体; its Light weight stands in for 仿宋), Noto Sans SC (黑体) and
 * LXGW WenKai (楷体).
 */
export const FONT_FILES = Object.freeze({
  serif: "NotoSerifSC-Regular.ttf",
  serifBold: "NotoSerifSC-Bold.ttf",
  serifLight: "NotoSerifSC-Light.ttf",
  sans: "NotoSansSC-Regular.ttf",
  sansBold: "NotoSansSC-Bold.ttf",
  kai: "LXGWWenKai-Regular.ttf",
});

/** The absolute path of a face's font file. */
export function fontFile(face) {
  const name = Object.hasOwn(FONT_FILES, face) ? FONT_FILES[face] : undefined;
  if (name === undefined) throw new TypeError(`unknown font face: ${String(face)}`);
  return fileURLToPath(new URL(`./files/${name}`, import.meta.url));
}
