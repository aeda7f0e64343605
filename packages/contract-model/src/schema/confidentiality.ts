import { z } from "zod";
import { ClauseRef, DayUnit, IsoDate, SideOrBoth, Verbatim } from "./primitives.js";

export const ConfidentialityDuration = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("years-after-end").meta({ description: "合同终止后 N 年" }),
    years: z.number().positive(),
  }),
  z.strictObject({ kind: z.literal("perpetual").meta({ description: "不因合同终止而失效" }) }),
  z.strictObject({ kind: z.literal("unspecified").meta({ description: "合同未写期限" }) }),
]);

export const Confidentiality = z.strictObject({
  clause: ClauseRef.optional(),
  bound: SideOrBoth.default("either").meta({ description: "谁负保密义务：vendor 乙方，either 双方" }),
  scope: Verbatim.optional().meta({ description: "保密信息的范围" }),
  duration: ConfidentialityDuration.default({ kind: "unspecified" }),
  penaltyClause: ClauseRef.optional().meta({ description: "泄密违约金所在条款（在 penalties 中）" }),
  leakNoticeHours: z.number().positive().optional().meta({ description: "泄密后多少小时内通知" }),
  writtenReport: z
    .strictObject({ days: z.number().int().positive(), unit: DayUnit })
    .optional()
    .meta({ description: "泄密后书面报告期限" }),
  returnOrDestroy: z.boolean().default(false).meta({ description: "须返还或销毁资料" }),
  marking: z.array(z.string()).default([]).meta({ description: "复制件须标注的字样，如“机密”“秘密”" }),
  agreement: z
    .strictObject({
      attachment: z.string().optional(),
      termMonths: z.number().int().positive().optional(),
      signed: IsoDate.optional(),
    })
    .optional()
    .meta({ description: "单独签订的保密协议" }),
  text: Verbatim.optional(),
});

export type Confidentiality = z.infer<typeof Confidentiality>;
