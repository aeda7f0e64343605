import type { Contract, Party, SignatureBlock, SignaturePage } from "@qiyue/contract-model";
import { chineseDate, signatureDateQueries } from "@qiyue/contract-model";
import { z } from "zod";
import { defined } from "./text.js";

type SideName = "甲方" | "乙方";

/** One side's signature block as the contract prints it: the signature page first, the parties' details otherwise. */
export const SignatoryView = z.strictObject({
  side: z.enum(["甲方", "乙方"]),
  name: z.string(),
  legalRepresentative: z.string().optional(),
  /** What the legal representative's line is called in this contract: 法定代表人 unless it says 负责人 or the like. */
  legalRepresentativeTitle: z.string(),
  authorizedAgent: z.string().optional(),
  signer: z.string().optional(),
  signerRole: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  bank: z.string().optional(),
  accountNumber: z.string().optional(),
  /** The date as printed (without its caption), or undefined when the contract prints none. */
  date: z.string().optional(),
});
export type SignatoryView = z.infer<typeof SignatoryView>;

/** A line of a printed signature block: caption and value as printed; no value is a blank to sign or fill in, no caption a line printed on its own. */
export const SignatureLineView = z.strictObject({
  label: z.string().optional(),
  value: z.string().optional(),
  /**
   * An editor's note the reprint prints right after the value (print it with `editorNote`): on
   * the line of a date the validator questions, 〔注：签署日期与封面签订日期…年份不同，疑为笔误，请核对〕.
   */
  note: z.string().optional(),
});
export type SignatureLineView = z.infer<typeof SignatureLineView>;

/** One side's block on a printed signature page, line by line. */
export const SignatureBlockView = z.strictObject({
  side: z.enum(["甲方", "乙方"]),
  lines: z.array(SignatureLineView),
});
export type SignatureBlockView = z.infer<typeof SignatureBlockView>;

/** A signature page as printed: the line above it, and each side's block (甲方 first). */
export const SignaturePageView = z.strictObject({
  /** The line printed above the blocks, such as （以下无正文，为签章页）; absent when none is printed. */
  lead: z.string().optional(),
  blocks: z.array(SignatureBlockView),
});
export type SignaturePageView = z.infer<typeof SignaturePageView>;

/** A caption before a printed date (“签章日期：2024年9月30日”): a prefix without digits, then a colon. */
const DATE_CAPTION = /^([^\d０-９]+?)\s*[：:]\s*(.+)$/;

/** A printed date split into its caption, when the text carries one, and the date itself. */
function splitDate(text: string): { label?: string; value: string } {
  const m = DATE_CAPTION.exec(text.trim());
  return m ? { label: m[1]!, value: m[2]! } : { value: text };
}

/** The date a signature block prints, without its caption. */
function blockDate(page: SignatureBlock | undefined): string | undefined {
  if (page?.dateText !== undefined) return splitDate(page.dateText).value;
  return page?.date !== undefined ? chineseDate(page.date) : undefined;
}

function signatory(side: SideName, party: Party, page: SignatureBlock | undefined, contract: Contract): SignatoryView {
  const signingDate = contract.signing.date === undefined ? undefined : chineseDate(contract.signing.date);
  const coverDate = contract.signing.dateText === undefined ? signingDate : splitDate(contract.signing.dateText).value;
  return defined({
    side,
    name: page?.name ?? party.name,
    legalRepresentative: page?.legalRepresentative ?? party.legalRepresentative,
    legalRepresentativeTitle: party.legalRepresentativeTitle ?? "法定代表人",
    authorizedAgent: page?.authorizedAgent ?? party.authorizedAgent,
    signer: page?.signer,
    signerRole: page?.signerRole,
    address: page?.address ?? party.address,
    phone: page?.phone ?? party.phone,
    bank: page?.bank ?? party.bank?.bank,
    accountNumber: page?.accountNumber ?? party.bank?.accountNumber,
    date: blockDate(page) ?? coverDate,
  }) as SignatoryView;
}

/** Both sides' details for a signature block of a document qiyue writes (an acceptance form, a request), 甲方 first. */
export function signatoryViews(contract: Contract): SignatoryView[] {
  const pages = contract.signing.signaturePage;
  return [
    signatory("甲方", contract.parties.client, pages?.client, contract),
    signatory("乙方", contract.parties.vendor, pages?.vendor, contract),
  ];
}

/**
 * The lines of a block the model holds without them: only what the block itself records, under
 * the captions qiyue uses, and never a name taken from elsewhere in the contract.
 */
function composedLines(side: SideName, block: SignatureBlock, party: Party): SignatureLineView[] {
  const lines: SignatureLineView[] = [defined({ label: `${side}（盖章）`, value: block.name })];
  if (block.signer !== undefined || block.signerRole !== undefined) lines.push(defined({ label: block.signerRole ?? "签字人", value: block.signer }));
  if (block.legalRepresentative !== undefined) lines.push({ label: party.legalRepresentativeTitle ?? "法定代表人", value: block.legalRepresentative });
  if (block.authorizedAgent !== undefined) lines.push({ label: "委托代理人", value: block.authorizedAgent });
  const details: [string, string | undefined][] = [
    ["地址", block.address],
    ["邮政编码", block.postalCode],
    ["电话", block.phone],
    ["传真", block.fax],
    ["开户银行", block.bank],
    ["账号", block.accountNumber],
  ];
  for (const [label, value] of details) if (value !== undefined) lines.push({ label, value });
  const date = block.dateText === undefined ? undefined : splitDate(block.dateText);
  lines.push(defined({ label: date?.label ?? "日期", value: date?.value ?? (block.date === undefined ? undefined : chineseDate(block.date)) }));
  return lines;
}

/** The line that prints a block's date: the one whose value is the date as printed, else the one captioned as a date. */
function dateLine(lines: readonly SignatureLineView[], block: SignatureBlock): number {
  const dates = [block.dateText === undefined ? undefined : splitDate(block.dateText).value.trim(), block.date === undefined ? undefined : chineseDate(block.date)];
  const printed = lines.findIndex((line) => line.value !== undefined && dates.includes(line.value.trim()));
  return printed >= 0 ? printed : lines.findIndex((line) => line.value !== undefined && /日期/.test(line.label ?? ""));
}

/** A side's block; `note` goes beside its printed date (a date the validator questions). */
function blockView(side: SideName, block: SignatureBlock, party: Party, note: string | undefined): SignatureBlockView {
  const lines = block.lines?.map((line) => defined({ label: line.label, value: line.value })) ?? composedLines(side, block, party);
  const at = note === undefined ? -1 : dateLine(lines, block);
  return { side, lines: lines.map((line, i) => (i === at ? { ...line, note: note! } : line)) };
}

/**
 * A signature page as the contract prints it: each side's lines as the model records them,
 * captions as printed. Undefined when the model holds no page. Given where the page is in the
 * model (`["signing", "signaturePage"]`, `["attachments", 0, "signaturePage"]`), a date the
 * validator questions (see `signatureDateQueries`) carries its note, printed beside it.
 */
export function signaturePageView(page: SignaturePage | undefined, contract: Contract, at?: readonly (string | number)[]): SignaturePageView | undefined {
  if (page === undefined) return undefined;
  const queries = at === undefined ? [] : signatureDateQueries(contract);
  const noteFor = (key: "client" | "vendor") => queries.find((q) => q.path.join(".") === [...(at ?? []), key, "date"].join("."))?.note;
  const blocks: SignatureBlockView[] = [];
  if (page.client !== undefined) blocks.push(blockView("甲方", page.client, contract.parties.client, noteFor("client")));
  if (page.vendor !== undefined) blocks.push(blockView("乙方", page.vendor, contract.parties.vendor, noteFor("vendor")));
  if (blocks.length === 0) return undefined;
  return defined({ lead: page.lead, blocks }) as SignaturePageView;
}

/**
 * Signature blocks for a contract that records no signature page at all: each side's name under
 * a seal line and a date left blank, nothing more (no title or name the contract does not print
 * on such a page).
 */
export function blankSignaturePage(contract: Contract): SignaturePageView {
  const block = (side: SideName, party: Party): SignatureBlockView => ({
    side,
    lines: [{ label: `${side}（盖章）`, value: party.name }, { label: "日期" }],
  });
  return { blocks: [block("甲方", contract.parties.client), block("乙方", contract.parties.vendor)] };
}
