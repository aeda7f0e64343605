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
  name: z.string().min(1).meta({ description: "单位名称，照合同原文" }),
  address: z.string().optional().meta({ description: "地址 / 住所" }),
  postalAddress: z.string().optional().meta({ description: "通讯地址" }),
  postalCode: z.string().optional(),
  legalRepresentative: z.string().optional().meta({ description: "法定代表人 / 负责人" }),
  legalRepresentativeTitle: z
    .string()
    .optional()
    .meta({ description: "legalRepresentative 一栏所印的称谓，照原文，如“负责人”“法定代表人/负责人”；省略即“法定代表人”" }),
  authorizedAgent: z.string().optional().meta({ description: "委托代理人 / 授权代表" }),
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.string().optional(),
  contact: Contact.optional().meta({ description: "项目联系人" }),
  bank: BankAccount.optional(),
});

/**
 * One line of a printed signature block, as printed: the caption (负责人（签章）, 签章日期,
 * 单位地址) and what is printed after it. A caption without a value is a line left blank to sign
 * or fill in; a value without a caption is printed on its own (a bare date, “(盖章)”).
 */
export const SignatureLine = z
  .strictObject({
    label: z.string().min(1).optional().meta({ description: "栏目名称，照原文（不含冒号），如“负责人（签章）”“签章日期”“单位地址”" }),
    value: z.string().min(1).optional().meta({ description: "栏目后所印内容，照原文；空白栏（留待签字、填写）省略" }),
  })
  .refine((line) => line.label !== undefined || line.value !== undefined, {
    message: "签署栏的一行至少要有 label 或 value",
    params: { code: "SIGNATURE_LINE_EMPTY" },
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
  dateText: z.string().optional().meta({ description: "签署页上日期的原文（只录日期，不含“日期：”等栏目名称）" }),
  lines: z
    .array(SignatureLine)
    .min(1)
    .optional()
    .meta({
      description:
        "签署栏逐行所印内容，按原顺序，栏目名称照原文（称谓如“负责人（签章）”不得改写）；重印合同照此排版。上列字段供核对，省略本项时重印只印名称和日期",
    }),
});

/** A printed signature page: both sides' blocks and the line printed above them. */
export const SignaturePage = z.strictObject({
  lead: z.string().optional().meta({ description: "签署栏上方所印的一行，照原文，如“（以下无正文，为签章页）”；原文未印时省略" }),
  client: SignatureBlock.optional().meta({ description: "甲方签署栏" }),
  vendor: SignatureBlock.optional().meta({ description: "乙方签署栏" }),
});

export const Parties = z.strictObject({
  client: Party.meta({ description: "甲方" }),
  vendor: Party.meta({ description: "乙方" }),
});

export type Party = z.infer<typeof Party>;
export type SignatureBlock = z.infer<typeof SignatureBlock>;
export type SignatureLine = z.infer<typeof SignatureLine>;
export type SignaturePage = z.infer<typeof SignaturePage>;
export type BankAccount = z.infer<typeof BankAccount>;
