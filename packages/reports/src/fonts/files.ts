import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { RenderError } from "../render/errors.js";

/**
 * The font files embedded in PDFs, from npm packages (SIL Open Font License):
 * - Noto Serif SC stands in for 宋体 (titles, plain body), 仿宋 (formal body) and
 *   楷体 (level-2 headings): no open 仿宋 or 楷体 font ships on npm with these
 *   packages, and Noto Serif SC is the Song/Ming style they derive from.
 * - Noto Sans SC stands in for 黑体 (level-1 headings).
 * DOCX files name the real Windows fonts instead (see `theme/`).
 */
export type FontFace = "serif" | "serifBold" | "sans" | "sansBold";

const FILES: Record<FontFace, string> = {
  serif: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  serifBold: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  sans: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  sansBold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};

const require = createRequire(import.meta.url);
const loaded = new Map<FontFace, Buffer>();

/** Where a font file is installed (inside its npm package). */
export function fontPath(face: FontFace): string {
  try {
    return require.resolve(FILES[face]);
  } catch (cause) {
    throw new RenderError("RENDER_FONT_UNAVAILABLE", `找不到字体文件 ${FILES[face]}，请安装 @qiyue/reports 的依赖`, { cause });
  }
}

/** The bytes of a font file, read once per process. */
export function fontBytes(face: FontFace): Buffer {
  let bytes = loaded.get(face);
  if (bytes === undefined) {
    bytes = readFileSync(fontPath(face));
    loaded.set(face, bytes);
  }
  return bytes;
}
