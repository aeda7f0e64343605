import { basename } from "node:path";
import { RenderError } from "../errors.js";
import { plainText, walkBlocks } from "../model/text.js";
import type { Block, Document, Run } from "../model/types.js";
import { EDITOR_NOTE_FONT } from "../theme/note.js";
import type { TextStyle, Theme } from "../theme/types.js";
import { hasGlyph } from "./cache.js";
import type { FaceKey } from "./files.js";
import { familyFace, type FontSet, ROLE_LABEL } from "./roles.js";

/**
 * Characters that print nothing (zero-width spaces and joiners, direction marks, variation
 * selectors, the byte order mark): no font draws them, and a PDF would show an empty box.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
/** Whitespace and control characters: laid out as space or line breaks, never drawn. */
const BLANK = /[\p{White_Space}\p{Cc}]/u;

export function isInvisible(char: string): boolean {
  return INVISIBLE.test(char);
}

/** What becomes of a character in the PDF. */
export type GlyphFate = { kind: "own" } | { kind: "fallback"; face: FaceKey } | { kind: "missing" } | { kind: "invisible" };

const OWN: GlyphFate = { kind: "own" };
const MISSING: GlyphFate = { kind: "missing" };
const INVISIBLE_FATE: GlyphFate = { kind: "invisible" };

/** How a character set in `face` is printed: in that face, in a fallback face, left out (invisible), or not at all (missing). */
export function glyphFate(face: FaceKey, char: string, codePoint: number, fonts: FontSet): GlyphFate {
  if (hasGlyph(face, codePoint)) return OWN;
  if (INVISIBLE.test(char)) return INVISIBLE_FATE;
  if (BLANK.test(char)) return OWN;
  for (const fallback of fonts.fallbacks) {
    if (fallback !== face && hasGlyph(fallback, codePoint)) return { kind: "fallback", face: fallback };
  }
  return MISSING;
}

/** Every code point below this is in every shipped face (Basic Latin). */
const ASCII_END = 0x7f;

/** A character the PDF cannot print as written, and the places it is used. */
export interface GlyphGap {
  char: string;
  /** "U+20000". */
  codePoint: string;
  /** Where it is used, first ones first: "表格第 2 行第 1 列：“…”". */
  places: string[];
  /** How many times it is used. */
  count: number;
}

/** What the PDF's fonts make of a document's characters. */
export interface GlyphReport {
  /** Characters no font at hand has: the PDF prints an empty box. */
  missing: GlyphGap[];
  /** Characters that print nothing, left out of the PDF. */
  invisible: GlyphGap[];
  /** Characters a user's font file lacks, by file. */
  userGaps: { role: string; path: string; gaps: GlyphGap[] }[];
}

interface TextPlace {
  runs: readonly Run[];
  style: TextStyle;
  bold?: boolean;
  /** "表格第 2 行第 1 列". */
  label: string;
}

const HEADING_LABEL = ["", "一级标题", "二级标题", "三级标题"] as const;

/** The text of a document with the style it is set in and a name for where it is. */
function places(doc: Document, theme: Theme): TextPlace[] {
  const out: TextPlace[] = [];
  let section = "";
  const under = (label: string) => (section === "" ? label : `“${section}”下的${label}`);
  let tables = 0;
  const pageText = (runs: readonly Run[], label: string) => out.push({ runs, style: theme.pageText, label });
  if (doc.header !== undefined) pageText(doc.header.runs, "页眉");
  if (doc.footer !== undefined) pageText(doc.footer.runs, "页脚");
  if (theme.pageNumber !== undefined) {
    out.push({ runs: [{ text: `${theme.pageNumber.prefix}0123456789${theme.pageNumber.suffix}` }], style: { ...theme.pageText, font: theme.pageNumber.font }, label: "页码" });
  }
  walkBlocks(doc.blocks, (block: Block) => {
    switch (block.type) {
      case "title":
        out.push({ runs: block.runs, style: theme.title, label: "标题" });
        section = Array.from(plainText(block.runs).replace(/\s+/g, " ").trim()).slice(0, 20).join("");
        break;
      case "heading": {
        const style = block.level === 1 ? theme.heading1 : block.level === 2 ? theme.heading2 : theme.heading3;
        out.push({ runs: block.runs, style, label: HEADING_LABEL[block.level] });
        section = Array.from(plainText(block.runs).replace(/\s+/g, " ").trim()).slice(0, 20).join("");
        break;
      }
      case "paragraph":
        out.push({ runs: block.runs, style: theme.body, label: under("正文") });
        break;
      case "table": {
        tables++;
        const table = `第 ${tables} 个表格`;
        for (const [part, rows, bold] of [["表头", block.header, true], ["", block.body, false]] as const) {
          for (const [r, row] of rows.entries()) {
            for (const [c, cell] of row.entries()) {
              out.push({ runs: cell.runs, style: theme.table, bold, label: under(`${table}${part}第 ${r + 1} 行第 ${c + 1} 列`) });
            }
          }
        }
        break;
      }
      case "kv":
        for (const [r, row] of block.rows.entries()) {
          out.push({ runs: [...row.label, { text: "：" }, ...row.value], style: theme.table, label: under(`键值表第 ${r + 1} 行`) });
        }
        break;
      case "signatures":
        for (const [p, party] of block.parties.entries()) {
          for (const [r, row] of party.rows.entries()) {
            out.push({ runs: [...row.label, { text: "：" }, ...row.value], style: theme.table, label: `签字栏第 ${p + 1} 方第 ${r + 1} 行` });
          }
        }
        out.push({ runs: [{ text: "（盖章处）" }], style: theme.table, label: "签字栏" });
        break;
      case "toc":
        out.push({ runs: [{ text: block.title }], style: theme.toc.title, label: "目录标题" });
        break;
      case "code":
        out.push({ runs: [{ text: block.text, code: true }], style: theme.code, label: under("代码") });
        break;
      default:
        break;
    }
  });
  return out;
}

/** Up to this many places are named for each character. */
const PLACES_NAMED = 3;

function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A few characters either side of position `at` of `text`, as a reader finds them. */
function excerpt(text: string, at: number, length: number): string {
  const before = Array.from(text.slice(0, at)).slice(-8).join("");
  const after = Array.from(text.slice(at + length)).slice(0, 8).join("");
  const own = text.slice(at, at + length);
  const visible = (s: string) => s.replace(/[\p{Default_Ignorable_Code_Point}\s]+/gu, " ");
  return `“${`${visible(before)}${own}${visible(after)}`.trim()}”`;
}

class Gaps {
  private readonly byChar = new Map<string, GlyphGap>();

  add(char: string, codePoint: number, place: string): void {
    let gap = this.byChar.get(char);
    if (gap === undefined) {
      gap = { char, codePoint: codePointLabel(codePoint), places: [], count: 0 };
      this.byChar.set(char, gap);
    }
    gap.count++;
    if (gap.places.length < PLACES_NAMED && !gap.places.includes(place)) gap.places.push(place);
  }

  list(): GlyphGap[] {
    return [...this.byChar.values()];
  }
}

/** Which face each run of a place is set in, under `fonts`. */
function runFace(place: TextPlace, run: Run, fonts: FontSet): FaceKey {
  const family = run.code === true ? "NotoSansSC" : fonts.roles[run.note === true ? EDITOR_NOTE_FONT : place.style.font];
  return familyFace(family, place.style.bold || place.bold === true || run.bold === true);
}

/** Checks every character of the document against the PDF's fonts. */
export function checkGlyphs(doc: Document, theme: Theme, fonts: FontSet): GlyphReport {
  const missing = new Gaps();
  const invisible = new Gaps();
  const user = new Map<FaceKey, Gaps>();
  for (const place of places(doc, theme)) {
    const text = plainText(place.runs);
    let offset = 0;
    for (const run of place.runs) {
      const face = runFace(place, run, fonts);
      const userFace = fonts.custom.has(face);
      let i = 0;
      for (const char of run.text) {
        const codePoint = char.codePointAt(0)!;
        if (codePoint > ASCII_END || userFace) {
          const fate = userFace && !hasGlyph(face, codePoint) && !BLANK.test(char) && !INVISIBLE.test(char) ? undefined : glyphFate(face, char, codePoint, fonts);
          const where = () => `${place.label}：${excerpt(text, offset + i, char.length)}`;
          if (fate === undefined) {
            const gaps = user.get(face) ?? new Gaps();
            user.set(face, gaps);
            gaps.add(char, codePoint, where());
          } else if (fate.kind === "missing") missing.add(char, codePoint, where());
          else if (fate.kind === "invisible") invisible.add(char, codePoint, where());
        }
        i += char.length;
      }
      offset += run.text.length;
    }
  }
  return {
    missing: missing.list(),
    invisible: invisible.list(),
    userGaps: [...user].map(([face, gaps]) => {
      const owner = fonts.custom.get(face)!;
      return { role: ROLE_LABEL[owner.role], path: owner.path, gaps: gaps.list() };
    }),
  };
}

/** "“𠀀”（U+20000，2 处：表格第 1 行第 2 列：“…”）". */
export function describeGaps(gaps: readonly GlyphGap[], shown = 10): string {
  // many characters: one place each
  const named = gaps.length > 3 ? 1 : PLACES_NAMED;
  const parts = gaps.slice(0, shown).map((gap) => {
    const char = INVISIBLE.test(gap.char) ? "" : `“${gap.char}”`;
    const places = gap.places.slice(0, named);
    const more = gap.count > places.length ? `等 ${gap.count} 处` : "";
    return `${char}（${gap.codePoint}，${places.join("；")}${more}）`;
  });
  if (gaps.length > shown) parts.push(`另有 ${gaps.length - shown} 个`);
  return parts.join("、");
}

/** A user's font that lacks characters the document uses is an error naming them and where they are. */
export function userFontError(report: GlyphReport): RenderError | undefined {
  const first = report.userGaps[0];
  if (first === undefined) return undefined;
  const lines = report.userGaps.map(
    ({ role, path, gaps }) => `${role}的字体文件 ${basename(path)} 缺少文档用到的 ${gaps.length} 个字：${describeGaps(gaps)}`,
  );
  return new RenderError("RENDER_FONT_MISSING_GLYPHS", `${lines.join("；")}。请换用包含这些字的字体，或修改文字`);
}
