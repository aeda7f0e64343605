import { z } from "zod";
import { Confidentiality } from "./confidentiality.js";
import { Fees, Payments } from "./fees.js";
import { Parties, SignaturePage } from "./party.js";
import { LiabilityCap, Penalty } from "./penalties.js";
import { namedEnum } from "./names.js";
import { ClauseRef, IsoDate, Verbatim } from "./primitives.js";
import { Renewal } from "./renewal.js";
import { Acceptance, Completion, Deliverable, Scope, ServiceLevel } from "./scope.js";

export const Term = z
  .strictObject({
    clause: ClauseRef.optional(),
    start: IsoDate.meta({ description: "服务期开始日" }),
    end: IsoDate.meta({ description: "服务期结束日" }),
    text: Verbatim.optional(),
  })
  .meta({ description: "服务期限" });

export const Signing = z
  .strictObject({
  date: IsoDate.optional().meta({ description: "封面 / 首页印的签订日期；封面未印日期时取签署页日期" }),
  dateText: z.string().optional(),
  place: z.string().optional(),
  effective: z.string().optional().meta({ description: "生效条件，照原文" }),
  signaturePage: SignaturePage.optional().meta({ description: "合同正文的签署页所印内容（附件各自的签署页见 attachments[].signaturePage）" }),
  })
  .meta({ description: "签订：日期、地点、生效条件与签署页" });

export const Dispute = z.strictObject({
  clause: ClauseRef.optional(),
  court: z.string().optional().meta({ description: "约定的管辖法院；原文未指明具体法院时留空" }),
  text: Verbatim,
});

export const Copies = z.strictObject({
  clause: ClauseRef.optional(),
  total: z.number().int().positive(),
  client: z.number().int().nonnegative(),
  vendor: z.number().int().nonnegative(),
  text: Verbatim.optional(),
});

export const Attachment = z.strictObject({
  number: z.string().optional().meta({ description: "附件编号，如“附件一”；原文未编号时省略" }),
  title: z.string(),
  signed: z.string().optional().meta({ description: "附件签署页上的日期原文" }),
  heading: z
    .string()
    .optional()
    .meta({ description: "附件页首所印的标题，照原文，如“附件一、服务清单”；省略时重印以编号和名称为标题" }),
  text: Verbatim.optional().meta({ description: "附件正文（Markdown），不含 heading 和签署栏；单独换行即原文换行" }),
  signaturePage: SignaturePage.optional().meta({ description: "附件自己的签署栏（如保密协议、廉政协议的签署栏），照原文" }),
});

/** Where a body section stands in the printed contract, when it is not ordinary text. */
export const SectionPart = namedEnum(["cover", "signature-page"], { cover: "封面", "signature-page": "签署页" }).meta({
  description: "cover = 封面（重印时单独成页，代替生成的封面）；signature-page = 签署页（重印时按 signing.signaturePage 排版）",
});

export const Section = z.strictObject({
  part: SectionPart.optional(),
  title: z.string().optional().meta({ description: "该节开头居中印的标题，如正文首页的“服 务 合 同”" }),
  heading: z.string().optional(),
  text: Verbatim.meta({ description: "该部分原文（Markdown）；单独换行即原文换行" }),
});

export const Contract = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "id 只能包含小写字母、数字和连字符" })
      .meta({ description: "合同的标识，只用小写字母、数字和连字符，如 pinggu-2026" }),
    title: z.string().meta({ description: "合同标题，照封面" }),
    projectName: z.string().meta({ description: "项目名称，照合同原文" }),
    kind: z.string().optional().meta({ description: "合同类型，如“技术服务合同”“政府采购项目合同”" }),
    number: z.string().optional().meta({ description: "合同编号 / 登记编号" }),
    parties: Parties.meta({ description: "合同双方：甲方（client）与乙方（vendor）" }),
    signing: Signing,
    term: Term,
    completion: Completion.optional(),
    scope: Scope.meta({ description: "服务内容：服务事项、地点、时间、人员等" }),
    serviceLevels: z.array(ServiceLevel).default([]),
    deliverables: z.array(Deliverable).default([]),
    acceptance: Acceptance.optional(),
    fees: Fees.meta({ description: "合同价款" }),
    payments: Payments.meta({ description: "付款：各期付款的金额、条件和期限，发票要求" }),
    penalties: z.array(Penalty).default([]).meta({ description: "违约责任，按条款逐条列出" }),
    liabilityCap: LiabilityCap.optional(),
    confidentiality: Confidentiality.optional(),
    renewal: Renewal.optional(),
    dispute: Dispute.optional().meta({ description: "争议解决" }),
    copies: Copies.optional().meta({ description: "合同份数：一式几份，甲乙双方各执几份" }),
    attachments: z.array(Attachment).default([]),
    body: z.array(Section).default([]).meta({ description: "合同全文，按原顺序分节，用于重新打印合同" }),
    notes: z.array(z.string()).default([]).meta({ description: "录入说明" }),
  })
  .meta({ title: "qiyue 服务合同", description: "北京 12345 接诉即办服务合同的结构化模型" });

export type Contract = z.infer<typeof Contract>;
export type ContractInput = z.input<typeof Contract>;
export type Section = z.infer<typeof Section>;
export type Attachment = z.infer<typeof Attachment>;
