import type { Contract, Section } from "@qiyue/contract-model";
import { z } from "zod";
import { type CapitalsNoteView, markCapitals } from "./capitals.js";
import { blankSignaturePage, SignaturePageView, signaturePageView } from "./signatures.js";
import { defined } from "./text.js";

/** A section of the contract's body as documents print it. */
export const SectionView = z.strictObject({
  /** The title printed centred at the top of the section (正文首页的“服 务 合 同”). */
  title: z.string().optional(),
  heading: z.string().optional(),
  /** The section's text (Markdown: print it with `verbatim`), with corrected capitals marked. */
  text: z.string(),
  /** The contract's own cover: printed on a page of its own, in place of a cover qiyue would make. */
  cover: z.boolean(),
  /** The printed signature page: templates print it from `signatures` (or, when the model records no page, this text as is). */
  signaturePage: z.boolean(),
});
export type SectionView = z.infer<typeof SectionView>;

/** An attachment as the reprint prints it: its printed heading, its text and its own signature page. */
export const AnnexView = z.strictObject({
  number: z.string().optional(),
  title: z.string(),
  /** The heading printed at the top of the attachment, or its number and title when the contract records none. */
  heading: z.string(),
  /**
   * The heading is the attachment's title itself (廉 政 协 议 书 for 廉政协议书): printed centred, as
   * the contract's own title is. Otherwise it is a label (附件一:, 附件一、服务清单), printed as a heading.
   */
  titled: z.boolean(),
  /** The attachment's text (Markdown), with corrected capitals marked; absent when not recorded. */
  text: z.string().optional(),
  /** The attachment's own signature page, when it has one. */
  signatures: SignaturePageView.optional(),
});
export type AnnexView = z.infer<typeof AnnexView>;

/** The contract's own signature page: where it goes and what it prints. */
export const SignaturesView = z.strictObject({
  /**
   * The page's blocks: as the model records them, or a blank block for each side when the
   * contract records no signature page at all; absent when the body's printed signature page
   * is to be printed as it stands (the model records its text but not its lines).
   */
  page: SignaturePageView.optional(),
  /** A section of the body is the signature page (`sections[].signaturePage`): the page goes there, else after the body. */
  inBody: z.boolean(),
});
export type SignaturesView = z.infer<typeof SignaturesView>;

const SIGNATURE_PAGE = /签署页|签字页|签章页/;
const SIGNING_WORDS = /盖章|签章|签字|公章|以下无正文/;

/**
 * Whether a section is the printed signature page, for a body that marks none with
 * `part: signature-page`: one headed as such, or the last section when it holds the seals
 * and signatures.
 */
function looksLikeSignaturePage(section: Section, last: boolean): boolean {
  if (section.heading !== undefined && SIGNATURE_PAGE.test(section.heading)) return true;
  return last && section.heading === undefined && SIGNING_WORDS.test(section.text);
}

/**
 * The body's sections in order, with the cover and the signature page marked and corrected
 * capitals noted. A contract without a cover of its own starts with its title: the first
 * section gets the contract's title unless it records the title it prints.
 */
export function sectionViews(contract: Contract, notes: readonly CapitalsNoteView[]): SectionView[] {
  const body = contract.body;
  const marked = body.some((s) => s.part === "signature-page");
  const titled = body.some((s) => s.part === "cover");
  return body.map((s, i) =>
    defined({
      title: s.title ?? (i === 0 && !titled ? contract.title : undefined),
      heading: s.heading,
      text: markCapitals(s.text, notes),
      cover: s.part === "cover",
      signaturePage: marked ? s.part === "signature-page" : s.part === undefined && looksLikeSignaturePage(s, i === body.length - 1),
    }),
  );
}

/** The contract's own signature page, from the sections as `sectionViews` marks them. */
export function signaturesView(contract: Contract, sections: readonly SectionView[]): SignaturesView {
  const inBody = sections.some((s) => s.signaturePage);
  const page = signaturePageView(contract.signing.signaturePage, contract, ["signing", "signaturePage"]) ?? (inBody ? undefined : blankSignaturePage(contract));
  return defined({ page, inBody }) as SignaturesView;
}

/** Text compared without its spacing: a title printed letter-spaced (廉 政 协 议 书) is the same title. */
const unspaced = (text: string) => text.replace(/[\s\u3000]+/gu, "");

/** The attachments in order, as the reprint prints them. */
export function annexViews(contract: Contract, notes: readonly CapitalsNoteView[]): AnnexView[] {
  return contract.attachments.map((a, i) => {
    const heading = a.heading ?? (a.number === undefined ? a.title : `${a.number}　${a.title}`);
    return defined({
      number: a.number,
      title: a.title,
      heading,
      titled: unspaced(heading) === unspaced(a.title),
      text: a.text === undefined ? undefined : markCapitals(a.text, notes),
      signatures: signaturePageView(a.signaturePage, contract, ["attachments", i, "signaturePage"]),
    }) as AnnexView;
  });
}
