import { type FontFace, fontBytes } from "../fonts/files.js";
import { type EmbeddedFontCtor, type EmbeddedFontLike, type FontkitFontLike, internals } from "./internals.js";

/**
 * Fonts parsed once per process. pdfkit parses a font file (fontkit) for every
 * document and lays out every word again; a 15 MB CJK font makes that the
 * largest cost of a small document. Here each face is parsed once; every
 * document gets its own pdfkit `EmbeddedFont` (so its own subset, ids and
 * widths) around the shared fontkit font, and shares the word layout cache.
 */
interface Parsed {
  font: FontkitFontLike;
  layoutCache: Record<string, unknown>;
}

const parsed = new Map<FontFace, Parsed>();
let embeddedFontCtor: EmbeddedFontCtor | undefined;

/** Beyond this many cached words a face's layout cache starts over, to bound memory. */
const LAYOUT_CACHE_LIMIT = 50_000;

function parse(face: FontFace): Parsed {
  let entry = parsed.get(face);
  if (entry === undefined) {
    const { PDFDocument } = internals();
    // Let pdfkit parse the file once, through its own fontkit, and keep the result.
    const scratch = new PDFDocument({}, {}, {}, {}, { autoFirstPage: false, font: null }, null, () => false);
    const embedded = scratch.font(fontBytes(face))._font as EmbeddedFontLike;
    embeddedFontCtor ??= embedded.constructor as EmbeddedFontCtor;
    entry = { font: embedded.font, layoutCache: Object.create(null) as Record<string, unknown> };
    parsed.set(face, entry);
  }
  return entry;
}

/** A new pdfkit font object for `document` around the shared parsed face. */
export function embedFace(document: unknown, face: FontFace, id: string): EmbeddedFontLike {
  const entry = parse(face);
  if (Object.keys(entry.layoutCache).length > LAYOUT_CACHE_LIMIT) {
    entry.layoutCache = Object.create(null) as Record<string, unknown>;
  }
  const font = new embeddedFontCtor!(document, entry.font, id);
  font.layoutCache = entry.layoutCache;
  return font;
}

let measuringDocument: unknown;
const measuringFonts = new Map<FontFace, EmbeddedFontLike>();

/** Width in points of `text` set in `face` at `size`, as pdfkit measures it. */
export function textWidth(face: FontFace, text: string, size: number): number {
  let font = measuringFonts.get(face);
  if (font === undefined) {
    const { PDFDocument } = internals();
    measuringDocument ??= new PDFDocument({}, {}, {}, {}, { autoFirstPage: false, font: null }, null, () => false);
    font = embedFace(measuringDocument, face, `M${measuringFonts.size + 1}`);
    measuringFonts.set(face, font);
  }
  return font.widthOfString(text, size);
}

/** Ascent minus descent, in ems: pdfkit's single line height of the face. */
export function lineHeightEm(face: FontFace): number {
  const { font } = parse(face);
  return (font.ascent - font.descent) / font.unitsPerEm;
}

/** The parsed (fontkit) font of a face, shared with the PDF engine: chart text drawn as glyph outlines uses it. */
export function parsedFace(face: FontFace): FontkitFontLike {
  return parse(face).font;
}

/** Parses the faces ahead of the first document. */
export function warmFonts(faces: readonly FontFace[]): void {
  for (const face of faces) parse(face);
}
