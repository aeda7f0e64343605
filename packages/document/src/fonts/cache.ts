import { deflateSync } from "node:zlib";
import { RenderError } from "../errors.js";
import { customFacePath, type FaceKey, fontBytes, isCustomFace } from "./files.js";
import { type EmbeddedFontCtor, type EmbeddedFontLike, type FontkitFontLike, internals } from "../pdfmake/internals.js";

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
  glyphs: Map<number, SubsetGlyph>;
  /** Whole encoded subsets by their glyph list: a document rendered again embeds the same subset. */
  subsets: Map<string, Uint8Array>;
}

/** Beyond this many subsets a face's subset cache starts over, to bound memory. */
const SUBSET_CACHE_LIMIT = 16;

/**
 * Deflated forms of the cached subsets, as pdfkit compresses a stream (zlib's
 * defaults): a font stream written from a cached subset is not compressed again.
 */
const deflated = new WeakMap<Uint8Array, Buffer>();

/** The stream `chunk` compressed as pdfkit would compress it, when `chunk` is a cached subset. */
export function precompressed(chunk: unknown): Buffer | undefined {
  return chunk instanceof Uint8Array ? deflated.get(chunk) : undefined;
}

/**
 * What fontkit's TrueType subsetter takes from the font for one glyph: its glyf
 * bytes (a composite glyph's component ids are rewritten per subset), advance and
 * left bearing. The same glyphs recur from document to document; decoding them
 * once per process makes each document's subset cheaper, with the same bytes.
 */
interface SubsetGlyph {
  bytes: Uint8Array;
  components: { glyphID: number; pos: number }[] | undefined;
  advance: number;
  bearing: number;
}

/** The members of fontkit's TTFSubset that `_addGlyph` touches. */
interface TtfSubsetLike {
  font: TtfFontLike;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

interface TtfFontLike {
  _variationProcessor?: unknown;
  loca: { offsets: number[] };
  getGlyph(gid: number): {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    _getMetrics(): { leftBearing: number };
  };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
}

/** fontkit's TTFSubset._addGlyph, with the font's part of the work looked up in `cache`. */
function addGlyphCached(subset: TtfSubsetLike, cache: Map<number, SubsetGlyph>, gid: number): number {
  let entry = cache.get(gid);
  if (entry === undefined) {
    const { font } = subset;
    const glyph = font.getGlyph(gid);
    const glyf = glyph._decode();
    const curOffset = font.loca.offsets[gid]!;
    const nextOffset = font.loca.offsets[gid + 1]!;
    const stream = font._getTableStream("glyf");
    stream.pos += curOffset;
    const bytes = stream.readBuffer(nextOffset - curOffset);
    const components = glyf !== null && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : undefined;
    entry = { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
    cache.set(gid, entry);
  }
  let buffer = entry.bytes;
  if (entry.components !== undefined) {
    buffer = new Uint8Array(buffer);
    const view = new DataView(buffer.buffer);
    for (const component of entry.components) view.setUint16(component.pos, subset.includeGlyph(component.glyphID));
  }
  subset.glyf.push(buffer);
  subset.loca.offsets.push(subset.offset);
  subset.hmtx.metrics.push({ advance: entry.advance, bearing: entry.bearing });
  subset.offset += buffer.length;
  return subset.glyf.length - 1;
}

/** Beyond this many glyphs a face's glyph cache starts over, to bound memory. */
const GLYPH_CACHE_LIMIT = 20_000;

const parsed = new Map<FaceKey, Parsed>();
let embeddedFontCtor: EmbeddedFontCtor | undefined;

/** Beyond this many cached words a face's layout cache starts over, to bound memory. */
const LAYOUT_CACHE_LIMIT = 50_000;

function parse(face: FaceKey): Parsed {
  let entry = parsed.get(face);
  if (entry === undefined) {
    const { PDFDocument } = internals();
    // Let pdfkit parse the file once, through its own fontkit, and keep the result.
    const scratch = new PDFDocument({}, {}, {}, {}, { autoFirstPage: false, font: null }, null, () => false);
    let embedded: EmbeddedFontLike;
    try {
      embedded = scratch.font(fontBytes(face))._font as EmbeddedFontLike;
      // a font pdfkit cannot lay text out with fails here, not in the middle of a document
      embedded.font.hasGlyphForCodePoint(0x4e00);
    } catch (error) {
      if (!isCustomFace(face) || error instanceof RenderError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new RenderError("RENDER_FONT_UNAVAILABLE", `无法读取字体文件 ${customFacePath(face)}：${reason}`, { cause: error });
    }
    embeddedFontCtor ??= embedded.constructor as EmbeddedFontCtor;
    entry = { font: embedded.font, layoutCache: Object.create(null) as Record<string, unknown>, glyphs: new Map(), subsets: new Map() };
    parsed.set(face, entry);
  }
  return entry;
}

/** A new pdfkit font object for `document` around the shared parsed face. */
export function embedFace(document: unknown, face: FaceKey, id: string): EmbeddedFontLike {
  const entry = parse(face);
  if (Object.keys(entry.layoutCache).length > LAYOUT_CACHE_LIMIT) {
    entry.layoutCache = Object.create(null) as Record<string, unknown>;
  }
  const font = new embeddedFontCtor!(document, entry.font, id);
  font.layoutCache = entry.layoutCache;
  const subset = (font as unknown as { subset: TtfSubsetLike }).subset;
  // Only plain TrueType outlines: variation fonts re-encode their glyphs, CFF subsets work otherwise.
  if (typeof subset._addGlyph === "function" && subset.font._variationProcessor == null) {
    if (entry.glyphs.size > GLYPH_CACHE_LIMIT) entry.glyphs = new Map();
    const glyphs = entry.glyphs;
    subset._addGlyph = (gid: number) => addGlyphCached(subset, glyphs, gid);
  }
  const withEncode = subset as unknown as { glyphs: number[]; encode(): Uint8Array };
  if (typeof withEncode.encode === "function" && Array.isArray(withEncode.glyphs)) {
    const encode = withEncode.encode.bind(withEncode);
    withEncode.encode = () => {
      // The subset's bytes depend only on the font and the ordered glyph list.
      const key = withEncode.glyphs.join(",");
      let bytes = entry.subsets.get(key);
      if (bytes === undefined) {
        bytes = encode();
        if (entry.subsets.size >= SUBSET_CACHE_LIMIT) entry.subsets = new Map();
        entry.subsets.set(key, bytes);
        deflated.set(bytes, deflateSync(bytes));
      }
      return bytes;
    };
  }
  return font;
}

let measuringDocument: unknown;
const measuringFonts = new Map<FaceKey, EmbeddedFontLike>();

/** Width in points of `text` set in `face` at `size`, as pdfkit measures it. */
export function textWidth(face: FaceKey, text: string, size: number): number {
  let font = measuringFonts.get(face);
  if (font === undefined) {
    const { PDFDocument } = internals();
    measuringDocument ??= new PDFDocument({}, {}, {}, {}, { autoFirstPage: false, font: null }, null, () => false);
    font = embedFace(measuringDocument, face, `M${measuringFonts.size + 1}`);
    measuringFonts.set(face, font);
  }
  return advanceWidth(font, text, size);
}

/** A pdfkit font: its width of a text, around the font file's parsed (fontkit) font. */
export interface MeasuringFont {
  font?: object;
  widthOfString(text: string, size: number): number;
}

/**
 * Widths measured before at size 1000, per parsed font (shared by every pdfkit font object
 * around it: the measuring fonts here and each document's): most pieces of text are single
 * characters and words, measured again and again, in the layout and in justified lines.
 */
const advances = new WeakMap<object, Map<string, number>>();
const ADVANCES_MAX = 200_000;

/** pdfkit's width of `text` in `font` at `size` (its advance at size 1000, times size / 1000: the same arithmetic), measured once per parsed font and text. */
export function advanceWidth(font: MeasuringFont, text: string, size: number): number {
  const key = font.font ?? font;
  let known = advances.get(key);
  if (known === undefined) {
    known = new Map();
    advances.set(key, known);
  }
  let advance = known.get(text);
  if (advance === undefined) {
    // pdfkit's width at size 1000 is the text's advance in font units per em; its width at any
    // size is that times size / 1000, the same arithmetic as widthOfString(text, size)
    advance = font.widthOfString(text, 1000);
    if (known.size < ADVANCES_MAX) known.set(text, advance);
  }
  return advance * (size / 1000);
}

/** Ascent minus descent, in ems: pdfkit's single line height of the face. */
export function lineHeightEm(face: FaceKey): number {
  const { font } = parse(face);
  return (font.ascent - font.descent) / font.unitsPerEm;
}

/** The parsed (fontkit) font of a face, shared with the PDF engine: chart text drawn as glyph outlines uses it. */
export function parsedFace(face: FaceKey): FontkitFontLike {
  return parse(face).font;
}

/** Parses the faces ahead of the first document. */
export function warmFonts(faces: readonly FaceKey[]): void {
  for (const face of faces) parse(face);
}

/** Per face, what is known of each Basic Multilingual Plane character: 0 not looked up, 1 has a glyph, 2 has none. */
const bmpCoverage = new Map<FaceKey, Uint8Array>();
const astralCoverage = new Map<FaceKey, Map<number, boolean>>();

/** Whether the face has a glyph for the character (looked up once per face and character). */
export function hasGlyph(face: FaceKey, codePoint: number): boolean {
  if (codePoint < 0x10000) {
    let table = bmpCoverage.get(face);
    if (table === undefined) {
      table = new Uint8Array(0x10000);
      bmpCoverage.set(face, table);
    }
    const known = table[codePoint]!;
    if (known !== 0) return known === 1;
    const has = parse(face).font.hasGlyphForCodePoint(codePoint);
    table[codePoint] = has ? 1 : 2;
    return has;
  }
  let map = astralCoverage.get(face);
  if (map === undefined) {
    map = new Map();
    astralCoverage.set(face, map);
  }
  let has = map.get(codePoint);
  if (has === undefined) {
    has = parse(face).font.hasGlyphForCodePoint(codePoint);
    map.set(codePoint, has);
  }
  return has;
}

/**
 * The family name a font file gives itself, for a DOCX to name it: the Simplified Chinese name
 * when the file has one (方正仿宋_GBK), else its English name.
 */
export function familyName(face: FaceKey): string {
  const font = parse(face).font;
  const names = font.name?.records?.fontFamily ?? {};
  return names["zh-CN"] ?? names.zh ?? names["zh-Hans"] ?? names.en ?? font.familyName ?? font.postscriptName;
}
