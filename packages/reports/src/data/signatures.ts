import type { Contract, Party, SignatureBlock } from "@qiyue/contract-model";
import { chineseDate } from "@qiyue/contract-model";
import { z } from "zod";
import { defined } from "./text.js";

/** One side's signature block as the contract prints it: the signature page first, the parties' details otherwise. */
export const SignatoryView = z.strictObject({
  side: z.enum(["甲方", "乙方"]),
  name: z.string(),
  legalRepresentative: z.string().optional(),
  authorizedAgent: z.string().optional(),
  signer: z.string().optional(),
  signerRole: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  bank: z.string().optional(),
  accountNumber: z.string().optional(),
  /** The date as printed, or undefined when the contract prints none. */
  date: z.string().optional(),
});
export type SignatoryView = z.infer<typeof SignatoryView>;

function signatory(side: SignatoryView["side"], party: Party, page: SignatureBlock | undefined, contract: Contract): SignatoryView {
  const signingDate = contract.signing.date === undefined ? undefined : chineseDate(contract.signing.date);
  return defined({
    side,
    name: page?.name ?? party.name,
    legalRepresentative: page?.legalRepresentative ?? party.legalRepresentative,
    authorizedAgent: page?.authorizedAgent ?? party.authorizedAgent,
    signer: page?.signer,
    signerRole: page?.signerRole,
    address: page?.address ?? party.address,
    phone: page?.phone ?? party.phone,
    bank: page?.bank ?? party.bank?.bank,
    accountNumber: page?.accountNumber ?? party.bank?.accountNumber,
    date: page?.dateText ?? (page?.date !== undefined ? chineseDate(page.date) : (contract.signing.dateText ?? signingDate)),
  }) as SignatoryView;
}

export function signatoryViews(contract: Contract): SignatoryView[] {
  const pages = contract.signing.signaturePage;
  return [
    signatory("甲方", contract.parties.client, pages?.client, contract),
    signatory("乙方", contract.parties.vendor, pages?.vendor, contract),
  ];
}
