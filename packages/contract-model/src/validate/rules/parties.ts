import type { Party, SignatureBlock } from "../../schema/party.js";
import { finding, type Rule, type RuleFinding } from "../finding.js";

/** Compare as a reader would: spacing and full-width/half-width brackets do not count. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":");
  return norm(a) === norm(b);
}

const blank = (s: string | undefined) => s === undefined || s.trim() === "" || s.trim() === "/";

const FIELDS: [keyof SignatureBlock & keyof Party, string][] = [
  ["name", "名称"],
  ["address", "地址"],
  ["postalCode", "邮政编码"],
  ["phone", "电话"],
  ["fax", "传真"],
];

export const signaturePageParties: Rule = ({ contract }) => {
  const out: RuleFinding[] = [];
  const page = contract.signing.signaturePage;
  for (const side of ["client", "vendor"] as const) {
    const block = page?.[side];
    const party = contract.parties[side];
    if (!block) continue;
    const label = side === "client" ? "甲方" : "乙方";
    for (const [field, name] of FIELDS) {
      const a = party[field];
      const b = block[field];
      if (typeof a === "string" && typeof b === "string" && !blank(a) && !blank(b) && !sameText(a, b)) {
        out.push(
          finding("PARTY_MISMATCH", "warning", ["signing", "signaturePage", side, field], `${label}${name}在签署页为“${b}”，在首页为“${a}”，两处不一致`),
        );
      }
    }
    const acct = party.bank?.accountNumber;
    if (block.accountNumber && acct && !blank(acct) && !blank(block.accountNumber) && !sameText(acct, block.accountNumber)) {
      out.push(finding("BANK_ACCOUNT_MISMATCH", "error", ["signing", "signaturePage", side, "accountNumber"], `${label}账号在签署页为 ${block.accountNumber}，与 ${acct} 不一致`));
    }
  }
  return out;
};

export const vendorBank: Rule = ({ contract }) => {
  const bank = contract.parties.vendor.bank;
  if (!bank || blank(bank.bank) || blank(bank.accountNumber)) {
    return [
      finding(
        "BANK_DETAILS_MISSING",
        "warning",
        ["parties", "vendor", "bank"],
        "合同未写明乙方开户银行和账号（或写为“/”）；付款申请须另附收款账户信息，且与合同不能逐字核对",
      ),
    ];
  }
  return [];
};

export const dispute: Rule = ({ contract }) => {
  const d = contract.dispute;
  if (!d) return [finding("DISPUTE_MISSING", "warning", [], "合同没有争议解决条款")];
  if (!d.court) {
    return [finding("COURT_UNSPECIFIED", "warning", ["dispute"], `争议管辖未指明具体法院（原文：“${excerpt(d.text, /[^。，,]*法院[^。，,]*/)}”），发生诉讼时需另行确定管辖`)];
  }
  return [];
};

export const copies: Rule = ({ contract }) => {
  const c = contract.copies;
  if (!c || c.client + c.vendor === c.total) return [];
  return [finding("COPIES_SUM", "error", ["copies"], `合同一式 ${c.total} 份，但甲方 ${c.client} 份、乙方 ${c.vendor} 份，合计 ${c.client + c.vendor} 份`)];
};

/** The part of a clause that matches, or its first 40 characters. */
function excerpt(text: string, re: RegExp): string {
  const m = re.exec(text);
  return (m ? m[0] : text.slice(0, 40)).trim();
}
