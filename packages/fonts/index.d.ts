/**
 * The faces qiyue ships: Noto Serif SC regular, bold and light, Noto Sans SC regular and bold,
 * and LXGW WenKai regular.
 */
export type FontFace = "serif" | "serifBold" | "serifLight" | "sans" | "sansBold" | "kai";
/** The font files, by face, as file names inside this package's files/ folder. */
export declare const FONT_FILES: Readonly<Record<FontFace, string>>;
/** The absolute path of a face's font file. */
export declare function fontFile(face: FontFace): string;
