import { warmFonts } from "./fonts/cache.js";
import { BUILTIN_FACES, type FaceKey, readFontFilesAhead } from "./fonts/files.js";
import { BUILTIN_FONTS, PDF_FAMILIES } from "./fonts/roles.js";
import { getTheme } from "./theme/index.js";
import type { FontRole, Theme } from "./theme/types.js";

/** What to get ready: by default every shipped face. */
export interface WarmUpOptions {
  /** Only the faces this theme's text is set in (regular and bold of each family it uses). */
  theme?: string;
}

/** The font roles a theme's text styles name (title, body, headings, tables, page numbers, contents…). */
function themeRoles(theme: Theme): Set<FontRole> {
  const roles = new Set<FontRole>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== "object") return;
    const font = (value as { font?: unknown }).font;
    if (typeof font === "string" && font in BUILTIN_FONTS.roles) roles.add(font as FontRole);
    for (const child of Object.values(value)) visit(child);
  };
  visit(theme);
  return roles;
}

/** The shipped faces a document in `options.theme` is set in; every shipped face without a theme. */
export function warmUpFaces(options: WarmUpOptions = {}): FaceKey[] {
  if (options.theme === undefined) return [...BUILTIN_FACES];
  const faces = new Set<FaceKey>();
  for (const role of themeRoles(getTheme(options.theme))) {
    const family = PDF_FAMILIES[BUILTIN_FONTS.roles[role]];
    faces.add(family.normal).add(family.bold);
  }
  return [...faces];
}

/**
 * Loads and parses the PDF fonts ahead of the first document (a few hundred
 * milliseconds once per process), so a server's first request is as fast as the
 * rest. Rendering calls this itself when needed: a face not warmed is read when
 * text first needs it.
 */
export function warmUp(options: WarmUpOptions = {}): void {
  warmFonts(warmUpFaces(options));
}

/**
 * `warmUp`, with the font files read off this thread first: the caller may do other work
 * (load modules, draw charts) while they are read, then parse them.
 */
export async function warmUpAhead(options: WarmUpOptions = {}): Promise<void> {
  const faces = warmUpFaces(options);
  await readFontFilesAhead(faces);
  warmFonts(faces);
}
