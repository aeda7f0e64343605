import { BUILTIN_FACES, customFacePath, type FaceKey } from "../fonts/files.js";
import { RenderError } from "../errors.js";
import { embedFace, precompressed } from "../fonts/cache.js";
import { type EmbeddedFontLike, internals, type PdfKitDocumentCtor, type PdfKitDocumentLike, type PdfReferenceLike } from "../pdfmake/internals.js";

const BUILTIN: ReadonlySet<string> = new Set<string>(BUILTIN_FACES);

/** A shipped face, or a user's font file read for this process. */
function isFace(name: string): name is FaceKey {
  return BUILTIN.has(name) || customFacePath(name as FaceKey) !== undefined;
}

function denied(what: string): never {
  throw new RenderError("RENDER_IMAGE_NOT_ALLOWED", `PDF 不读取文件或网址：${what}`);
}

let documentClass: PdfKitDocumentCtor | undefined;

/**
 * pdfmake's PDFDocument with two changes:
 * - fonts are named by face ("serif", "sans"…) and come from the process-wide cache
 *   of parsed fonts, also when an SVG's text asks pdfkit for a font by name;
 * - images may only be in-memory data URLs or buffers: any other source (a path or
 *   URL) throws, whatever asks for it (pdfmake, or an `<image>` inside an SVG).
 */
export function pdfDocumentClass(): PdfKitDocumentCtor {
  if (documentClass !== undefined) return documentClass;
  const Base = internals().PDFDocument as unknown as new (...args: unknown[]) => PdfKitDocumentLike;
  class QiyuePdfDocument extends Base {
    private faces: Map<string, EmbeddedFontLike> | undefined;

    private face(face: string): EmbeddedFontLike {
      this.faces ??= new Map();
      let font = this.faces.get(face);
      if (font === undefined) {
        const id = `F${++this._fontCount}`;
        font = embedFace(this, face as FaceKey, id);
        this._fontFamilies[id] = font;
        this.faces.set(face, font);
      }
      return font;
    }

    provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFontLike {
      const file = this.getFontFile(family, bold, italics);
      if (file === null || !isFace(file)) {
        throw new RenderError("RENDER_FONT_UNAVAILABLE", `字体 ${family}（${this.getFontType(bold, italics)}）未定义`);
      }
      return this.face(file);
    }

    override font(src: unknown, family?: unknown, size?: unknown): this {
      if (typeof src === "string" && isFace(src)) {
        this._font = this.face(src);
        if (typeof size === "number") this.fontSize(size);
        return this;
      }
      if (typeof src === "string") denied(src);
      return super.font(src, family, size);
    }

    /** A stream whose content is a cached font subset is written with its cached compressed form. */
    override ref(data?: Record<string, unknown>): PdfReferenceLike {
      const ref = super.ref(data);
      const end = ref.end.bind(ref);
      ref.end = (chunk?: unknown) => {
        const compressed = ref.compress ? precompressed(chunk) : undefined;
        if (compressed === undefined) return end(chunk);
        ref.compress = false;
        ref.write(compressed);
        ref.data.Filter = "FlateDecode";
        return end();
      };
      return ref;
    }

    override openImage(src: unknown): unknown {
      if (typeof src === "string" && !/^data:image\/(png|jpeg);base64,/i.test(src)) denied(src);
      return super.openImage(src);
    }
  }
  documentClass = QiyuePdfDocument as unknown as PdfKitDocumentCtor;
  return documentClass;
}
