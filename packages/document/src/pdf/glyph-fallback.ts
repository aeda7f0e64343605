import { type GlyphFate, glyphFate } from "../fonts/glyphs.js";
import { familyFace, type FontSet, singleFaceFamily } from "../fonts/roles.js";
import type { PdfNode } from "./context.js";

/**
 * The last step of a definition: text whose characters its font lacks is set in pieces, the
 * characters a fallback font has in that font (rare CJK ideographs in LXGW WenKai or a user's
 * fallback), characters that print nothing (zero-width spaces, direction marks) left out; what
 * no font has stays, and the document's glyph check has warned about it.
 */

interface Inherited {
  font: string;
  bold: boolean;
}

/** Keys of a pdfmake node that hold other nodes. */
const CHILD_LISTS = ["stack", "columns", "ul", "ol"] as const;

/** Every code point below this is in every shipped face: text made only of them needs no look-up. */
const ASCII_END = 0x7f;

function needsLook(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > ASCII_END) return true;
  return false;
}

interface Piece {
  text: string;
  /** The fallback family the piece is set in; undefined for the text's own. */
  family: string | undefined;
  /**
   * Characters no font has: kept apart from their neighbours, so that a right-to-left letter
   * among them does not turn the Chinese text around it (fontkit lays a run out in the direction
   * of the first script it finds) and the pieces are not joined again after layout.
   */
  missing: boolean;
}

const MISSING_SLOT = "\0missing";

/** `text` cut where the face changes; undefined when every character is the text's own. */
function pieces(text: string, family: string, bold: boolean, fonts: FontSet, always: boolean): Piece[] | undefined {
  if (!always && !needsLook(text)) return undefined;
  const face = familyFace(family, bold);
  let out: Piece[] | undefined;
  let start = 0;
  let current: string | undefined;
  let offset = 0;
  const close = (end: number) => {
    out ??= [];
    if (end > start) out.push({ text: text.slice(start, end), family: current === MISSING_SLOT ? undefined : current, missing: current === MISSING_SLOT });
  };
  for (const char of text) {
    const fate: GlyphFate = glyphFate(face, char, char.codePointAt(0)!, fonts);
    if (fate.kind === "invisible") {
      close(offset);
      start = offset + char.length;
    } else {
      const wanted = fate.kind === "fallback" ? singleFaceFamily(fate.face) : fate.kind === "missing" ? MISSING_SLOT : undefined;
      if (wanted !== current) {
        close(offset);
        start = offset;
        current = wanted;
      }
    }
    offset += char.length;
  }
  if (out === undefined) return undefined;
  close(text.length);
  return out;
}

/** The inline of a piece, with the properties of the node it was cut from. */
function pieceInline(piece: Piece, node: PdfNode | undefined): unknown {
  if (piece.family === undefined && !piece.missing && node === undefined) return piece.text;
  return {
    ...node,
    text: piece.text,
    ...(piece.family === undefined ? {} : { font: piece.family }),
    // an inline with font features is never joined to its neighbours after layout
    ...(piece.missing ? { fontFeatures: [] } : {}),
  };
}

export class GlyphFallback {
  constructor(
    private readonly fonts: FontSet,
    private readonly styles: Record<string, PdfNode>,
  ) {}

  private readonly userFaces = (family: string, bold: boolean) => this.fonts.custom.has(familyFace(family, bold));

  private inherit(node: PdfNode, from: Inherited): Inherited {
    let { font, bold } = from;
    const names = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style];
    for (const name of names) {
      const style = typeof name === "string" ? this.styles[name] : (name as PdfNode);
      if (style === undefined) continue;
      if (typeof style.font === "string") font = style.font;
      if (typeof style.bold === "boolean") bold = style.bold;
    }
    if (typeof node.font === "string") font = node.font;
    if (typeof node.bold === "boolean") bold = node.bold;
    return { font, bold };
  }

  /** Inline pieces of one text inline (a string or an inline node) under `style`. */
  private inline(inline: unknown, style: Inherited): unknown[] | undefined {
    if (typeof inline === "string") {
      const cut = pieces(inline, style.font, style.bold, this.fonts, this.userFaces(style.font, style.bold));
      return cut?.map((p) => pieceInline(p, undefined));
    }
    if (inline === null || typeof inline !== "object") return undefined;
    const node = inline as PdfNode;
    const own = this.inherit(node, style);
    if (typeof node.text === "string") {
      const cut = pieces(node.text, own.font, own.bold, this.fonts, this.userFaces(own.font, own.bold));
      return cut?.map((p) => pieceInline(p, node));
    }
    if (Array.isArray(node.text)) this.inlines(node.text, own);
    return undefined;
  }

  /** Replaces, in place, the inlines of a text array that need other fonts. */
  private inlines(list: unknown[], style: Inherited): void {
    for (let i = 0; i < list.length; i++) {
      const replaced = this.inline(list[i], style);
      if (replaced !== undefined) {
        list.splice(i, 1, ...replaced);
        i += replaced.length - 1;
      }
    }
  }

  /** Applies the fallbacks to a node and everything in it; a bare string node is returned replaced. */
  node(node: unknown, from: Inherited): unknown {
    if (typeof node === "string") {
      const cut = this.inline(node, from);
      return cut === undefined ? node : { text: cut };
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = this.node(node[i], from);
      return node;
    }
    if (node === null || typeof node !== "object") return node;
    const n = node as PdfNode;
    if (n.svg !== undefined || n.image !== undefined) return node;
    const style = this.inherit(n, from);
    if (typeof n.text === "string") {
      const cut = pieces(n.text, style.font, style.bold, this.fonts, this.userFaces(style.font, style.bold));
      if (cut !== undefined) n.text = cut.map((p) => pieceInline(p, undefined));
    } else if (Array.isArray(n.text)) {
      this.inlines(n.text, style);
    }
    for (const key of CHILD_LISTS) {
      const children = n[key];
      if (Array.isArray(children)) this.node(children, style);
    }
    const table = n.table as { body?: unknown[][] } | undefined;
    if (table !== undefined && Array.isArray(table.body)) for (const row of table.body) this.node(row, style);
    const toc = n.toc as { title?: unknown } | undefined;
    if (toc?.title !== undefined) toc.title = this.node(toc.title, style);
    return node;
  }
}
