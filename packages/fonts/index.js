import { fileURLToPath } from "node:url";

/** The font files, by face, as file names inside this package's files/ folder. */
export const FONT_FILES = Object.freeze({
  serif: "NotoSerifSC-Regular.ttf",
  serifBold: "NotoSerifSC-Bold.ttf",
  sans: "NotoSansSC-Regular.ttf",
  sansBold: "NotoSansSC-Bold.ttf",
});

/** The absolute path of a face's font file. */
export function fontFile(face) {
  const name = FONT_FILES[face];
  if (name === undefined) throw new TypeError(`unknown font face: ${String(face)}`);
  return fileURLToPath(new URL(`./files/${name}`, import.meta.url));
}
