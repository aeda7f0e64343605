import { z } from "zod";
import { IsoDate } from "./primitives.js";

export const Contact = z.strictObject({
  name: z.string().optional(),
  title: z.string().optional().meta({ description: "职务" }),
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
});

export const BankAccount = z.strictObject({
  bank: z.string().meta({ description: "开户银行，照原文；原文为“/”时写“/”" }),
  accountName: z.string().optional().meta({ description: "户名" }),
  accountNumber: z.string().meta({ description: "账号，照原文" }),
});

export const Party = z.strictObject({
  label: z.string().optional().meta({ description: "合同中对该方的称呼，如“甲方”“委托方”" }),
  name: z.string().min(1),
  address: z.string().optional().meta({ description: "地址 / 住所" }),
  postalAddress: z.string().optional().meta({ description: "通讯地址" }),
  postalCode: z.string().optional(),
  legalRepresentative: z.string().optional().meta({ description: "法定代表人 / 负责人" }),
  authorizedAgent: z.string().optional().meta({ description: "委托代理人 / 授权代表" }),
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.string().optional(),
  contact: Contact.optional().meta({ description: "项目联系人" }),
  bank: BankAccount.optional(),
});

/** What the signature page prints for one side; may differ from the cover. */
export const SignatureBlock = z.strictObject({
  name: z.string().optional(),
  signer: z.string().optional().meta({ description: "签字人" }),
  signerRole: z.string().optional().meta({ description: "签字人身份，如“法定代表人/授权代表”" }),
  legalRepresentative: z.string().optional(),
  authorizedAgent: z.string().optional(),
  address: z.string().optional(),
  postalCode: z.string().optional(),
  phone: z.string().optional(),
  fax: z.string().optional(),
  bank: z.string().optional(),
  accountNumber: z.string().optional(),
  date: IsoDate.optional().meta({ description: "签署页上印的日期（照原文，哪怕有误）" }),
  dateText: z.string().optional().meta({ description: "签署页上日期的原文" }),
});

export const Parties = z.strictObject({
  client: Party.meta({ description: "甲方" }),
  vendor: Party.meta({ description: "乙方" }),
});

export type Party = z.infer<typeof Party>;
export type SignatureBlock = z.infer<typeof SignatureBlock>;
export type BankAccount = z.infer<typeof BankAccount>;
