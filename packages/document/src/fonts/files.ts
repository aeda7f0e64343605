import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { type FontFace, fontFile } from "@qiyue/fonts";
import { RenderError } from "../errors.js";

/**
 * The font files embedded in PDFs and used to draw charts, from `@qiyue/fonts` (SIL Open Font
 * License), which ships just these files:
 * - Noto Serif SC for 宋体 (titles, page numbers), and its Light weight standing in for 仿宋
 *   (formal body text): no open 仿宋 is published on npm, and a light Song face is the closest
 *   in colour and structure;
 * - LXGW WenKai for 楷体 (level-2 headings);
 * - Noto Sans SC for 黑体 (level-1 headings) and code.
 * Users may point any role at a font file of their own (`RenderOptions.fonts`): such a file is a
 * "custom face", named by a digest of its bytes. DOCX files name the real Windows fonts, or the
 * family of the user's file (see `theme/`).
 */
export type { FontFace };

/** A face: one of the shipped files, or a user's file (`file:` and a digest of its bytes). */
export type FaceKey = FontFace | `file:${string}`;

/** The shipped faces. */
export const BUILTIN_FACES: readonly FontFace[] = ["serif", "serifBold", "serifLight", "sans", "sansBold", "kai"];

const loaded = new Map<FaceKey, Buffer>();
const custom = new Map<FaceKey, { path: string; bytes: Buffer }>();
const byPath = new Map<string, { stamp: string; face: FaceKey }>();

/** Where a shipped font file is installed (inside `@qiyue/fonts`). */
export function fontPath(face: FontFace): string {
  const path = fontFile(face);
  if (!existsSync(path)) {
    throw new RenderError("RENDER_FONT_UNAVAILABLE", `找不到字体文件 ${path}，请重新安装 @qiyue/fonts`);
  }
  return path;
}

export function isCustomFace(face: FaceKey): face is `file:${string}` {
  return face.startsWith("file:");
}

/** The file a user's face was read from, as the user named it. */
export function customFacePath(face: FaceKey): string | undefined {
  return custom.get(face)?.path;
}

/** The bytes of a font file, read once per process. */
export function fontBytes(face: FaceKey): Buffer {
  const user = custom.get(face);
  if (user !== undefined) return user.bytes;
  let bytes = loaded.get(face);
  if (bytes === undefined) {
    bytes = readFileSync(fontPath(face as FontFace));
    loaded.set(face, bytes);
  }
  return bytes;
}

/**
 * Reads shipped font files ahead, off this thread (libuv's file threads), so a later
 * `fontBytes` finds them in memory: this thread can do other work while 10–16 MB per
 * face are read. A file that cannot be read is left to `fontBytes` to report.
 */
export async function readFontFilesAhead(faces: readonly FaceKey[]): Promise<void> {
  await Promise.all(
    faces.map(async (face) => {
      if (isCustomFace(face) || loaded.has(face)) return;
      let path: string;
      try {
        path = fontPath(face as FontFace);
      } catch {
        return;
      }
      const bytes = await readFile(path).catch(() => undefined);
      if (bytes !== undefined && !loaded.has(face)) loaded.set(face, bytes);
    }),
  );
}

const SIGNATURES: Record<string, string> = { "00010000": "TrueType", "74727565": "TrueType", "4f54544f": "OpenType" };

/**
 * Reads a user's font file (TrueType or OpenType) and gives its face. The same file, unchanged, is
 * read once per process; a file that is missing, unreadable or not a single font is a RenderError
 * naming it.
 */
export function customFace(path: string, role: string): FaceKey {
  let stamp: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error("not a file");
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    throw new RenderError("RENDER_FONT_UNAVAILABLE", `找不到${role}的字体文件 ${path}`);
  }
  const known = byPath.get(path);
  if (known !== undefined && known.stamp === stamp) return known.face;
  const bytes = readFileSync(path);
  const signature = bytes.subarray(0, 4).toString("hex");
  if (SIGNATURES[signature] === undefined) {
    const kind = signature === "74746366" ? "字体集（.ttc），请给出其中一个字体的 .ttf/.otf 文件" : signature.startsWith("774f46") ? "网页字体（WOFF），请给出 .ttf 或 .otf 文件" : "不是 TrueType 或 OpenType 字体";
    throw new RenderError("RENDER_FONT_UNAVAILABLE", `${role}的字体文件 ${basename(path)} ${kind}`);
  }
  const face: FaceKey = `file:${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}`;
  if (!custom.has(face)) custom.set(face, { path, bytes });
  byPath.set(path, { stamp, face });
  return face;
}
