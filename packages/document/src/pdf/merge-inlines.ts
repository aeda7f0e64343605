import { internals, type LaidOutPage } from "../pdfmake/internals.js";
import { advanceWidth, type MeasuringFont } from "../fonts/cache.js";
import { JUSTIFY_WORDS } from "./prewrap.js";

/**
 * pdfmake lays Chinese text out one character per inline (every ideograph is a
 * break opportunity) and writes every inline as its own text object, which makes
 * rendering slow and the file large. After layout, this joins neighbouring
 * inlines of one line that look the same into one inline. Justified lines spread
 * extra space evenly between inlines; a run of single characters with the same
 * extra space is joined with that space as character spacing, so every glyph
 * stays exactly where pdfmake put it.
 */
interface Inline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  link?: unknown;
  linkToDestination?: unknown;
  linkToPage?: unknown;
  _pageNodeRef?: unknown;
  decoration?: unknown;
  decorationStyle?: unknown;
  decorationColor?: unknown;
  background?: unknown;
  sup?: unknown;
  sub?: unknown;
  fontFeatures?: unknown;
  trailingCut?: number;
  lineEnd?: boolean;
}

const EPSILON = 1e-6;

function sameLook(a: Inline, b: Inline): boolean {
  // one inline's words (see justifyLine): the same look, if it may be joined at all
  if (a === b) return a.fontFeatures == null && a.linkToDestination == null && a.linkToPage == null && a._pageNodeRef == null;
  return (
    a.font === b.font &&
    a.fontSize === b.fontSize &&
    a.color === b.color &&
    a.opacity === b.opacity &&
    (a.characterSpacing ?? 0) === (b.characterSpacing ?? 0) &&
    a.link === b.link &&
    a.decoration === b.decoration &&
    a.decorationStyle === b.decorationStyle &&
    a.decorationColor === b.decorationColor &&
    a.background === b.background &&
    a.sup === b.sup &&
    a.sub === b.sub &&
    a.fontFeatures == null &&
    b.fontFeatures == null &&
    a.linkToDestination == null &&
    b.linkToDestination == null &&
    a.linkToPage == null &&
    b.linkToPage == null &&
    a._pageNodeRef == null &&
    b._pageNodeRef == null
  );
}

function isOneCodePoint(text: string): boolean {
  const cp = text.codePointAt(0);
  return cp !== undefined && text.length === (cp > 0xffff ? 2 : 1);
}

export function mergeLine(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  let group: Inline[] = [];
  let spacing = 0;
  const flush = (): void => {
    const first = group[0];
    if (first === undefined) return;
    if (group.length === 1) {
      out.push(first);
    } else {
      const last = group[group.length - 1]!;
      let text = "";
      let width = 0;
      for (const g of group) {
        text += g.text;
        width += g.width;
      }
      // The first inline becomes the joined one (pdfmake made it; nothing else refers to it).
      first.text = text;
      // pdfkit adds the character spacing to this width itself (links, decorations).
      first.width = width;
      first.characterSpacing = (first.characterSpacing ?? 0) + spacing;
      first.trailingCut = last.trailingCut ?? 0;
      first.lineEnd = last.lineEnd ?? false;
      out.push(first);
    }
    group = [];
    spacing = 0;
  };
  for (const inline of inlines) {
    const prev = group[group.length - 1];
    if (prev !== undefined && sameLook(prev, inline)) {
      const gap = inline.x - (prev.x + prev.width);
      const evenGap = group.length === 1 ? true : Math.abs(gap - spacing) < EPSILON;
      // Character spacing spreads every character of the joined text, so a gap may only become
      // spacing between single characters: a word ("“12345”", "24") keeps its letters together.
      const spacingFits = Math.abs(gap) < EPSILON || (isOneCodePoint(prev.text) && isOneCodePoint(inline.text));
      if (evenGap && spacingFits && gap > -EPSILON) {
        if (group.length === 1) spacing = Math.abs(gap) < EPSILON ? 0 : gap;
        group.push(inline);
        continue;
      }
    }
    flush();
    group.push(inline);
  }
  flush();
  return out;
}

export function mergeInlines(pages: readonly LaidOutPage[]): void {
  for (const page of pages) {
    for (const entry of page.items) {
      if (entry.type !== "line") continue;
      const line = entry.item as { inlines: Inline[] };
      if (line.inlines.length > 1) line.inlines = mergeLine(line.inlines);
    }
  }
}

interface LaidOutLine {
  maxWidth: number;
  inlines: Inline[];
}

/** The words pdfmake's TextBreaker makes of `text` (UAX #14 break opportunities). */
function splitWords(text: string): string[] {
  if (text.length === 0) return [""];
  const breaker = new (internals().LineBreaker)(text);
  const out: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk !== null; bk = breaker.nextBreak()) {
    out.push(text.slice(last, bk.position));
    last = bk.position;
  }
  return out;
}

/**
 * A pre-broken line marked to be justified word by word: split into the words pdfmake would
 * have made of it, placed as pdfmake's Line places them and spread as its ElementWriter
 * justifies a line (the same spacing after every word). The words come out already joined as
 * `mergeLine` would join them (a run of single characters of one look becomes one inline with
 * the spacing as character spacing), without an object per word in between: the same inlines,
 * at a fraction of the cost.
 */
function justifyLine(line: LaidOutLine): void {
  const words: { source: Inline; text: string; width: number }[] = [];
  for (const inline of line.inlines) {
    const font = inline.font as MeasuringFont;
    for (const text of splitWords(inline.text)) words.push({ source: inline, text, width: advanceWidth(font, text, inline.fontSize) });
  }
  if (words.length < 2) return;
  const leadingCut = (line.inlines[0] as { leadingCut?: number }).leadingCut ?? 0;
  const starts: number[] = [];
  let inlineWidths = 0;
  for (const word of words) {
    starts.push(inlineWidths - leadingCut);
    inlineWidths += word.width;
  }
  const additionalSpacing = (line.maxWidth - (inlineWidths - leadingCut - 0)) / (words.length - 1);
  // as mergeLine decides: words of one look join when the space between them may become
  // character spacing (none, or between single characters), never across a negative space
  const noSpace = Math.abs(additionalSpacing) < EPSILON;
  const joins = (a: (typeof words)[number], b: (typeof words)[number]) =>
    additionalSpacing > -EPSILON && sameLook(a.source, b.source) && (noSpace || (isOneCodePoint(a.text) && isOneCodePoint(b.text)));
  const out: Inline[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i + 1;
    while (j < words.length && joins(words[j - 1]!, words[j]!)) j++;
    // A word shares the line inline's look through its prototype: copying an inline's
    // thirty-odd properties per word cost more than the rest of the step.
    const word = Object.create(words[i]!.source) as Inline;
    word.x = starts[i]! + i * additionalSpacing;
    if (i > 0) (word as { justifyShift?: number }).justifyShift = additionalSpacing;
    word.trailingCut = 0;
    if (j - i === 1) {
      word.text = words[i]!.text;
      word.width = words[i]!.width;
    } else {
      let text = "";
      let width = 0;
      for (let k = i; k < j; k++) {
        text += words[k]!.text;
        width += words[k]!.width;
      }
      word.text = text;
      // pdfkit adds the character spacing to this width itself (links, decorations)
      word.width = width;
      word.characterSpacing = (word.characterSpacing ?? 0) + (noSpace ? 0 : additionalSpacing);
      word.lineEnd = words[j - 1]!.source.lineEnd ?? false;
    }
    out.push(word);
    i = j;
  }
  line.inlines = out;
}

/** Justifies the lines whose inlines carry the prewrap mark (see `prewrap`). */
export function justifyWords(pages: readonly LaidOutPage[]): void {
  for (const page of pages) {
    for (const entry of page.items) {
      if (entry.type !== "line") continue;
      const line = entry.item as LaidOutLine;
      const first = line.inlines[0] as unknown as Record<string, unknown> | undefined;
      if (first?.[JUSTIFY_WORDS] === true) justifyLine(line);
    }
  }
}
