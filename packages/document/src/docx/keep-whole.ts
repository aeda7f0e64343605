import { unbreakablePieces, WORD_JOINER } from "../model/line-breaking.js";

/**
 * A run whose text holds WORD JOINERs (a date, a number, a clause number kept on one line: see
 * `docxRuns`), as the docx library writes it.
 */
const JOINED_RUN = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*\u2060[^<]*)<\/w:t><\/w:r>/gs;

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const fromXml = (text: string) => text.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!);
const toXml = (text: string) => text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));

/** The run properties with the language of no language (zxx) for East Asian text. */
function ofNoLanguage(rPr: string | undefined): string {
  if (rPr === undefined) return '<w:rPr><w:lang w:eastAsia="zxx"/></w:rPr>';
  // w:lang comes last of the properties the runs here carry
  return rPr.includes("<w:lang") ? rPr : rPr.replace(/<\/w:rPr>$/, '<w:lang w:eastAsia="zxx"/></w:rPr>');
}

/**
 * LibreOffice 7.4 ignores WORD JOINER in Chinese text, and so broke dates and numbers that Word
 * and the PDF keep on one line (2024 | 年9月30日). It breaks a run of no language by the Unicode
 * rules, which honour the joiners: each span kept whole goes into a run of its own, with the
 * run's other properties and the East Asian language `zxx`. Done on the written XML, once per
 * run that needs it: through the docx library, a run object per span made the DOCX half as
 * slow again.
 */
export function keepWholeInLibreOffice(xml: string): string {
  if (!xml.includes(WORD_JOINER)) return xml;
  return xml.replace(JOINED_RUN, (_, rPr: string | undefined, escaped: string) =>
    pieces(fromXml(escaped))
      .map((piece) => `<w:r>${piece.whole ? ofNoLanguage(rPr) : (rPr ?? "")}<w:t xml:space="preserve">${toXml(piece.text)}</w:t></w:r>`)
      .join(""),
  );
}

/** Two ideographs joined at the end of a run: a cell's last two characters (see `joinLastTwo`). */
const JOINED_LAST_TWO = /\p{Script=Han}\u2060\p{Script=Han}$/u;

/**
 * A run's text in pieces, the spans kept whole apart (`unbreakablePieces`); and its last two
 * ideographs when they were joined and are not in such a span already.
 */
function pieces(text: string): { text: string; whole: boolean }[] {
  const out = unbreakablePieces(text.replaceAll(WORD_JOINER, ""));
  const last = out[out.length - 1];
  if (!JOINED_LAST_TWO.test(text) || last === undefined || last.whole) return out;
  const chars = Array.from(last.text);
  const rest = chars.slice(0, -2).join("");
  out.splice(-1, 1, ...(rest === "" ? [] : [{ text: rest, whole: false }]), { text: chars.slice(-2).join(WORD_JOINER), whole: true });
  return out;
}
