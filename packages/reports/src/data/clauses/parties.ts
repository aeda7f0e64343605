import { chineseDate, type Contract, type Party } from "@qiyue/contract-model";
import { type SignatureBlockView, type SignatureLineView, type SignaturePageView, signaturePageView } from "../signatures.js";
import { BLANK_DATE } from "@qiyue/templating";
import { present } from "../text.js";
import type { PartyHeaderView, PartyLineView } from "./view.js";

type Side = "甲方" | "乙方";

function lines(pairs: [string, string | undefined][]): PartyLineView[] {
  return pairs.flatMap(([label, value]) => {
    const v = present(value);
    return v === undefined ? [] : [{ label, value: v }];
  });
}

/** The head of the contract: project, number, place and date of signing, as far as the model has them. */
export function headLines(contract: Contract): PartyLineView[] {
  const { signing } = contract;
  return lines([
    ["项目名称", contract.projectName],
    ["合同编号", contract.number],
    ["签订地点", signing.place],
    ["签订日期", signing.date === undefined ? undefined : chineseDate(signing.date)],
  ]);
}

function partyHeader(side: Side, party: Party): PartyHeaderView {
  const contact = party.contact;
  const person = present(contact?.name) === undefined ? undefined : `${contact!.name}${present(contact?.phone) === undefined ? "" : `（电话：${contact!.phone}）`}`;
  return {
    side,
    name: party.name,
    lines: lines([
      ["住所", party.address],
      ["通讯地址", party.postalAddress],
      ["邮政编码", party.postalCode],
      [party.legalRepresentativeTitle ?? "法定代表人", party.legalRepresentative],
      ["委托代理人", party.authorizedAgent],
      ["项目联系人", person],
      ["电话", party.phone],
      ["传真", party.fax],
      ["电子邮箱", party.email],
      ["开户银行", party.bank?.bank],
      ["户名", party.bank?.accountName],
      ["账号", party.bank?.accountNumber],
    ]),
  };
}

/** Both parties with their details, 甲方 first. */
export function partyHeaders(contract: Contract): PartyHeaderView[] {
  return [partyHeader("甲方", contract.parties.client), partyHeader("乙方", contract.parties.vendor)];
}

/** The opening paragraph: the law, the parties' agreement, the project. */
export function preamble(contract: Contract): string {
  return `根据《中华人民共和国民法典》等法律法规的规定，甲乙双方在平等、自愿、公平、诚实信用的基础上，就甲方委托乙方提供“${contract.projectName}”服务的有关事宜，经协商一致，订立本合同，共同遵守。`;
}

function block(side: Side, party: Party, date: string | undefined): SignatureBlockView {
  const details: SignatureLineView[] = lines([
    ["地址", party.address],
    ["电话", party.phone],
    ["开户银行", party.bank?.bank],
    ["账号", party.bank?.accountNumber],
  ]);
  return {
    side,
    lines: [
      { label: `${side}（盖章）`, value: party.name },
      { label: "法定代表人或授权代表（签字）" },
      ...details,
      { label: "日期", value: date ?? BLANK_DATE },
    ],
  };
}

/**
 * The signature page of the generated text: the page the model records, when it records one;
 * otherwise each side's name to seal, a line to sign, its address, telephone and bank account
 * (as the model has them), and the date (the signing date when known, else 年 月 日 left blank to fill in).
 */
export function generatedSignatures(contract: Contract): SignaturePageView {
  const recorded = signaturePageView(contract.signing.signaturePage, contract);
  if (recorded !== undefined) return recorded;
  const date = contract.signing.date === undefined ? undefined : chineseDate(contract.signing.date);
  return { blocks: [block("甲方", contract.parties.client, date), block("乙方", contract.parties.vendor, date)] };
}
