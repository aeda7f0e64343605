import { existsSync, readFileSync } from "node:fs";
import { type FontFace, fontFile } from "@qiyue/fonts";
import { RenderError } from "../errors.js";

/**
 * The font files embedded in PDFs and used to draw charts, from `@qiyue/fonts` (SIL Open Font
 * License), which ships just these four files:
 * - Noto Serif SC stands in for 宋体 (titles, plain body), 仿宋 (formal body) and
 *   楷体 (level-2 headings): no open 仿宋 or 楷体 font ships on npm, and Noto Serif SC is
 *   the Song/Ming style they derive from.
 * - Noto Sans SC stands in for 黑体 (level-1 headings).
 * DOCX files name the real Windows fonts instead (see `theme/`).
 */
export type { FontFace };

const loaded = new Map<FontFace, Buffer>();

/** Where a font file is installed (inside `@qiyue/fonts`). */
export function fontPath(face: FontFace): string {
  const path = fontFile(face);
  if (!existsSync(path)) {
    throw new RenderError("RENDER_FONT_UNAVAILABLE", `找不到字体文件 ${path}，请重新安装 @qiyue/fonts`);
  }
  return path;
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
