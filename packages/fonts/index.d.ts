/** The faces qiyue uses: Noto Serif SC and Noto Sans SC, regular and bold. */
export type FontFace = "serif" | "serifBold" | "sans" | "sansBold";
/** The font files, by face, as file names inside this package's files/ folder. */
export declare const FONT_FILES: Readonly<Record<FontFace, string>>;
/** The absolute path of a face's font file. */
export declare function fontFile(face: FontFace): string;
