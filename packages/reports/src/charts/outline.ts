import type { FontFace } from "@qiyue/document";
import { parsedFace } from "@qiyue/document";

/** What fontkit gives for laying out a string (pdfkit's bundled copy, parsed once per process). */
interface Layout {
  glyphs: { id: number; path: { toSVG(): string } }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}
interface LayoutFont {
  unitsPerEm: number;
  layout(text: string): Layout;
}

const glyphPaths = new Map<string, string>();

function glyphPath(face: FontFace, glyph: Layout["glyphs"][number]): string {
  const key = `${face}:${glyph.id}`;
  let d = glyphPaths.get(key);
  if (d === undefined) {
    d = glyph.path.toSVG();
    glyphPaths.set(key, d);
  }
  return d;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}

/**
 * The chart with every `<text>` drawn as the outlines of its glyphs in the bundled Noto Sans
 * SC, for rasterising: resvg then needs no font at all (parsing a 10 MB CJK font for each
 * chart was most of a DOCX's rendering time), and what it draws is exactly the font's
 * glyphs, never a fallback. A text with a character the font lacks is left as text. The PDF
 * keeps the real text (searchable, selectable): use this for the DOCX only.
 */
export function outlineText(svg: string): string {
  return svg.replace(/<text(\s[^>]*)?>([^<]*)<\/text>/g, (whole, attrs: string | undefined, content: string) => {
    const a = attrs ?? "";
    const text = decode(content).trim();
    if (text === "") return "";
    const bold = /^(bold|[6-9]00)$/.test(attribute(a, "font-weight") ?? "");
    const face: FontFace = bold ? "sansBold" : "sans";
    const font = parsedFace(face) as unknown as LayoutFont;
    const run = font.layout(text);
    if (run.glyphs.some((g) => g.id === 0)) return whole;
    const size = Number.parseFloat(attribute(a, "font-size") ?? "11");
    const scale = size / font.unitsPerEm;
    const width = run.positions.reduce((sum, p) => sum + p.xAdvance, 0);
    const anchor = attribute(a, "text-anchor") ?? "start";
    const shift = anchor === "middle" ? -width / 2 : anchor === "end" ? -width : 0;
    let x = shift;
    const paths = run.glyphs.map((glyph, i) => {
      const p = run.positions[i]!;
      const d = glyphPath(face, glyph);
      const at = `translate(${round(x + p.xOffset)} ${round(p.yOffset)})`;
      x += p.xAdvance;
      return d === "" ? "" : `<path transform="${at}" d="${d}"/>`;
    });
    const transform = attribute(a, "transform");
    const fill = attribute(a, "fill") ?? "#000";
    const opacity = attribute(a, "opacity");
    const own = `scale(${round(scale, 6)} ${round(-scale, 6)})`;
    return (
      `<g transform="${transform === undefined ? "" : `${transform} `}${own}" fill="${fill}"${opacity === undefined ? "" : ` opacity="${opacity}"`}>` +
      `${paths.join("")}</g>`
    );
  });
}

function round(n: number, places = 2): string {
  const f = 10 ** places;
  return String(Math.round(n * f) / f);
}
