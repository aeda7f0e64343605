import type { Contract, Party, SignatureBlock } from "@qiyue/contract-model";
import { chineseDate } from "@qiyue/contract-model";
import { defined } from "./text.js";

/** One side's signature block as the contract prints it: the signature page first, the parties' details otherwise. */
export interface SignatoryView {
  side: "甲方" | "乙方";
  name: string;
  legalRepresentative?: string;
  authorizedAgent?: string;
  signer?: string;
  signerRole?: string;
  address?: string;
  phone?: string;
  bank?: string;
  accountNumber?: string;
  /** The date as printed, or undefined when the contract prints none. */
  date?: string;
}

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
