import { createHash } from "node:crypto";
import type { FontRole, Theme } from "../theme/types.js";
import { familyName } from "./cache.js";
import { customFace, type FaceKey } from "./files.js";

/** The faces behind a pdfmake font family (no CJK italics exist: italic uses upright). */
export interface FamilyFaces {
  normal: FaceKey;
  bold: FaceKey;
}

/**
 * pdfmake font families and the faces behind them, by family name. The four shipped families
 * are always here; a user's fonts add families named after a digest of their files, so a name
 * always means the same faces and renders running side by side never disagree.
 */
export const PDF_FAMILIES: Record<PdfFamily, FamilyFaces> = {
  /** 宋体. */
  NotoSerifSC: { normal: "serif", bold: "serifBold" },
  /** 黑体 (and code). */
  NotoSansSC: { normal: "sans", bold: "sansBold" },
  /** 仿宋: Noto Serif SC Light stands in; its bold is Noto Serif SC Bold. */
  FangSong: { normal: "serifLight", bold: "serifBold" },
  /** 楷体: LXGW WenKai, which has no bold shipped; bold 楷体 text is set upright in the regular weight. */
  LXGWWenKai: { normal: "kai", bold: "kai" },
};

/**
 * A pdfmake family name: one of the shipped families, or (at run time) a family registered for a
 * user's font files, whose name is made from their digests.
 */
export type PdfFamily = "NotoSerifSC" | "NotoSansSC" | "FangSong" | "LXGWWenKai";

/** A family registered at run time, under its made-up name. */
function registered(name: string, faces: FamilyFaces): PdfFamily {
  const table = PDF_FAMILIES as Record<string, FamilyFaces>;
  table[name] ??= faces;
  return name as PdfFamily;
}

/** The roles a user may give a font file for: the four typeface roles, and a fallback for rare characters. */
export type FontSlot = FontRole | "fallback";

/** A font file for a role: its path, or a regular and a bold file. */
export type FontFileOption = string | { regular: string; bold?: string };

/**
 * Font files of the user's own (for example 方正仿宋_GBK, 仿宋_GB2312, a unit's 方正小标宋) for
 * any role, embedded in the PDF in place of the shipped fonts and named in the DOCX. A role
 * given one file uses it for bold text too. `fallback` is tried for characters the role's font
 * lacks, before the shipped fonts (a font covering CJK Extension B and beyond, for example).
 */
export type FontFiles = Partial<Record<FontSlot, FontFileOption>>;

/** The roles' names as users write them, in English or Chinese. */
export const FONT_SLOT_NAMES: Readonly<Record<string, FontSlot>> = {
  song: "song",
  宋体: "song",
  fangsong: "fangsong",
  仿宋: "fangsong",
  kai: "kai",
  楷体: "kai",
  hei: "hei",
  黑体: "hei",
  fallback: "fallback",
  备用: "fallback",
  后备: "fallback",
};

/** What a role is called in messages. */
export const ROLE_LABEL: Readonly<Record<FontSlot, string>> = { song: "宋体", fangsong: "仿宋", kai: "楷体", hei: "黑体", fallback: "备用字体" };

/** The fonts of one render: the family of each role, and the faces tried for characters a role's face lacks. */
export interface FontSet {
  roles: Readonly<Record<FontRole, PdfFamily>>;
  /** Faces tried in order for a character the text's own face lacks. */
  fallbacks: readonly FaceKey[];
  /** The user's faces, with the role and file each was given for (their gaps are errors, not fallbacks). */
  custom: ReadonlyMap<FaceKey, { role: FontSlot; path: string }>;
  /** The DOCX names of the roles given a user's file. */
  docxNames: Readonly<Partial<Record<FontRole, string>>>;
}

/** The shipped faces tried for a character the text's face lacks: LXGW WenKai covers the most rare characters. */
const BUILTIN_FALLBACKS: readonly FaceKey[] = ["kai", "serif", "sans"];

export const BUILTIN_FONTS: FontSet = {
  roles: { song: "NotoSerifSC", fangsong: "FangSong", kai: "LXGWWenKai", hei: "NotoSansSC" },
  fallbacks: BUILTIN_FALLBACKS,
  custom: new Map(),
  docxNames: {},
};

let active: FontSet = BUILTIN_FONTS;

/** Runs `build` with `set` as the fonts that `faceFor` answers with (building a definition is synchronous). */
export function withFonts<T>(set: FontSet, build: () => T): T {
  const previous = active;
  active = set;
  try {
    return build();
  } finally {
    active = previous;
  }
}

/** The fonts in force while a definition is built. */
export function activeFonts(): FontSet {
  return active;
}

/** The PDF family of a role: by default 宋体 → Noto Serif SC, 仿宋 → Noto Serif SC Light, 楷体 → LXGW WenKai, 黑体 → Noto Sans SC. */
export function faceFor(role: FontRole): PdfFamily {
  return active.roles[role];
}

/** The face of a family, regular or bold. */
export function familyFace(family: string, bold: boolean): FaceKey {
  const faces = (PDF_FAMILIES as Partial<Record<string, FamilyFaces>>)[family] ?? PDF_FAMILIES.NotoSerifSC;
  return bold ? faces.bold : faces.normal;
}

/** A family of one face, regular and bold alike, for text set in a fallback face. */
export function singleFaceFamily(face: FaceKey): PdfFamily {
  return registered(`face:${face}`, { normal: face, bold: face });
}

const sets = new Map<string, FontSet>();

/**
 * The fonts of a render with the user's font files: each file read (once per process while it
 * is unchanged) and checked to be a font. Without files, the shipped fonts.
 */
export function resolveFonts(files: FontFiles | undefined): FontSet {
  const entries = Object.entries(files ?? {}).filter(([, file]) => file !== undefined) as [FontSlot, FontFileOption][];
  if (entries.length === 0) return BUILTIN_FONTS;
  const custom = new Map<FaceKey, { role: FontSlot; path: string }>();
  const faces = new Map<FontSlot, FamilyFaces>();
  for (const [slot, file] of entries) {
    if (!Object.hasOwn(ROLE_LABEL, slot)) continue;
    const regular = typeof file === "string" ? file : file.regular;
    const bold = typeof file === "string" ? undefined : file.bold;
    const normal = customFace(regular, ROLE_LABEL[slot]);
    custom.set(normal, { role: slot, path: regular });
    const boldFace = bold === undefined ? normal : customFace(bold, `${ROLE_LABEL[slot]}（粗体）`);
    if (bold !== undefined) custom.set(boldFace, { role: slot, path: bold });
    faces.set(slot, { normal, bold: boldFace });
  }
  const key = JSON.stringify([...faces].sort(([a], [b]) => a.localeCompare(b)));
  const known = sets.get(key);
  if (known !== undefined) return known;
  const roles = { ...BUILTIN_FONTS.roles };
  const docxNames: Partial<Record<FontRole, string>> = {};
  for (const [slot, pair] of faces) {
    // parsed now: a file fontkit cannot read is an error naming it, before anything is laid out
    const family = familyName(pair.normal);
    if (pair.bold !== pair.normal) familyName(pair.bold);
    if (slot === "fallback") continue;
    docxNames[slot] = family;
    const name = `${slot}:${createHash("sha256").update(`${pair.normal}/${pair.bold}`).digest("hex").slice(0, 12)}`;
    roles[slot] = registered(name, pair);
  }
  const fallback = faces.get("fallback");
  const set: FontSet = {
    roles,
    fallbacks: fallback === undefined ? BUILTIN_FALLBACKS : [fallback.normal, ...BUILTIN_FALLBACKS],
    custom,
    docxNames,
  };
  sets.set(key, set);
  return set;
}

/** The theme with the DOCX font names of the roles given a user's font file (its family name). */
export function themeWithFonts(theme: Theme, files: FontFiles | undefined): Theme {
  const { docxNames } = resolveFonts(files);
  const roles = Object.keys(docxNames) as FontRole[];
  if (roles.length === 0) return theme;
  const docxFonts = { ...theme.docxFonts };
  for (const role of roles) docxFonts[role] = { eastAsia: docxNames[role]!, latin: docxNames[role]! };
  return { ...theme, docxFonts };
}
