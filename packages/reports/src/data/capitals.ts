import { type CapitalsCorrection, type Contract, capitalsCorrections, formatPath, formatYuan, type Schedule } from "@qiyue/contract-model";
import { noteMarkdown } from "@qiyue/document";
import { z } from "zod";

/**
 * Printed capitals the validator corrects (CAPITALS_INVALID, CAPITALS_MISMATCH), as documents
 * print them. A document never replaces the contract's words silently: the reprint keeps the
 * printed capitals and puts `mark` right after them; a document that writes the amount in
 * capitals of its own (a payment request, a renewal draft) prints `note` once.
 */
export const CapitalsNoteView = z.strictObject({
  /** CAPITALS_INVALID (forbidden characters or spelling) or CAPITALS_MISMATCH (a well-formed amount other than the figure). */
  code: z.enum(["CAPITALS_INVALID", "CAPITALS_MISMATCH"]),
  /** Where in the model, as the validator's finding names it: fees.total.capitals. */
  path: z.string(),
  /** What the amount is: 合同总价, 第 2 期金额. */
  what: z.string(),
  /** The capitals exactly as printed. */
  printed: z.string(),
  /** The figure printed beside them, in 分. */
  amount: z.number().int(),
  /** The canonical capitals of that figure. */
  canonical: z.string(),
  /** What the reprint puts right after the printed capitals, as an editor's note (print it with `editorNote`): 〔注：大写应为…〕. */
  mark: z.string(),
  /** One sentence for a document that writes the amount in capitals of its own, saying how they differ from the print. */
  note: z.string(),
  /** The printed capitals appear in the contract's text (body or attachments), where the reprint marks them. */
  inText: z.boolean(),
});
export type CapitalsNoteView = z.infer<typeof CapitalsNoteView>;

function mark(c: CapitalsCorrection): string {
  if (c.code === "CAPITALS_INVALID") return `〔注：大写应为${c.canonical}〕`;
  return `〔注：此大写为${formatYuan(c.printedAmount ?? 0)}元，与小写金额${formatYuan(c.amount)}元不符〕`;
}

function note(c: CapitalsCorrection): string {
  if (c.code === "CAPITALS_INVALID") {
    return `合同原文${c.what}的大写印作“${c.printed}”，不合规范；本文按规范写作“${c.canonical}”。`;
  }
  return `合同原文${c.what}的大写印作“${c.printed}”（${formatYuan(c.printedAmount ?? 0)} 元），与小写金额 ${formatYuan(c.amount)} 元不符；本文的大写按小写金额写作“${c.canonical}”。`;
}

/** Every text of the contract that a reprint prints: the body's sections and the attachments. */
function contractTexts(contract: Contract): string[] {
  return [...contract.body.map((s) => s.text), ...contract.attachments.flatMap((a) => (a.text === undefined ? [] : [a.text]))];
}

/** The validator's corrections of printed capitals, with what documents print about each. */
export function capitalsNoteViews(contract: Contract, schedule?: Schedule): CapitalsNoteView[] {
  const texts = contractTexts(contract);
  return capitalsCorrections(contract, schedule).map((c) => ({
    code: c.code,
    path: formatPath(c.path),
    what: c.what,
    printed: c.printed,
    amount: c.amount,
    canonical: c.canonical,
    mark: mark(c),
    note: note(c),
    inText: texts.some((t) => t.includes(c.printed)),
  }));
}

/** Closing brackets the printed capitals often sit in: the mark goes after them. */
const CLOSING = /^[)）]/;

/**
 * The contract's text (Markdown) with each corrected capitals followed by its mark as an editor's
 * note, wherever they are printed (after the closing bracket they sit in, if any): “（大写人民币:
 * 壹佰玖拾柒万玖仟一百元整）:note[〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕]”, which both formats set
 * apart from the contract's words. The printed words are never changed.
 */
export function markCapitals(text: string, notes: readonly CapitalsNoteView[]): string {
  let out = text;
  for (const n of notes) {
    const mark = noteMarkdown(n.mark);
    let from = 0;
    for (;;) {
      const at = out.indexOf(n.printed, from);
      if (at < 0) break;
      let end = at + n.printed.length;
      if (CLOSING.test(out.slice(end))) end++;
      out = out.slice(0, end) + mark + out.slice(end);
      from = end + mark.length;
    }
  }
  return out;
}
