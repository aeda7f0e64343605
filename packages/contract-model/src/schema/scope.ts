import { z } from "zod";
import { namedEnum } from "./names.js";
import { ClauseRef, DayUnit, IsoDate, Percent, Verbatim } from "./primitives.js";

/** One service item the vendor owes, as the contract lists it. */
export const ScopeItem = z.strictObject({
  clause: ClauseRef.optional().meta({ description: "该项所在条款，如 \"一.2(1) 1)\"、\"附件一 序号5\"" }),
  title: z.string().optional().meta({ description: "该项的名称（不含编号），如“值守工作”" }),
  text: Verbatim,
});

/**
 * A right the contract gives the client over the service (to supervise, to assess, to demand a
 * replacement …). Kept apart from the vendor's obligations: an acceptance form does not list it
 * as something the vendor must have done.
 */
export const ClientRight = z.strictObject({
  clause: ClauseRef.optional(),
  text: Verbatim,
});

export const StaffRole = z.strictObject({
  role: z.string().meta({ description: "岗位，如“组长”" }),
  count: z.number().int().nonnegative(),
  duties: Verbatim.optional(),
  isNew: z.boolean().optional().meta({ description: "新增岗位" }),
});

export const Staffing = z.strictObject({
  clause: ClauseRef.optional(),
  total: z.number().int().nonnegative().optional().meta({ description: "合同写明的总人数" }),
  minimum: z.number().int().nonnegative().optional().meta({ description: "不少于多少人" }),
  roles: z.array(StaffRole).default([]),
  requirements: z.array(Verbatim).default([]).meta({ description: "学历、年龄等要求，照原文" }),
  replacementNotice: Verbatim.optional(),
});

export const Workload = z.strictObject({
  category: z.string().meta({ description: "如“简单类”“一般类”“疑难类”" }),
  minimumPerYear: z.number().int().nonnegative(),
  text: Verbatim.optional(),
});

export const Shift = z.strictObject({
  name: z.string(),
  start: z.string().regex(/^\d{1,2}:\d{2}$/),
  end: z.string().regex(/^\d{1,2}:\d{2}$/),
  endsNextDay: z.boolean().default(false),
});

export const Scope = z.strictObject({
  clause: ClauseRef.optional(),
  summary: Verbatim.optional(),
  place: z.string().optional().meta({ description: "服务地点" }),
  hours: z.string().optional().meta({ description: "服务时间，如“7×24小时”" }),
  items: z.array(ScopeItem).default([]),
  staffing: Staffing.optional(),
  workloads: z.array(Workload).default([]),
  workloadReference: Verbatim.optional().meta({ description: "工作量参考依据" }),
  shifts: z.array(Shift).default([]),
  clientRights: z
    .array(ClientRight)
    .default([])
    .meta({ description: "甲方对服务享有的权利（监督、考核、要求更换人员等），照原文；不是乙方的义务，验收单不列入" }),
});

/** Each measure in the words of the contracts (`other` is named by the level itself). */
export const SERVICE_LEVEL_METRIC_NAMES = {
  "sign-rate": "签收率",
  "dispatch-rate": "转办率",
  "on-time-close-rate": "按时办结率",
  "feedback-rate": "反馈率",
  "response-rate": "响应率",
  "dispatch-within-minutes": "派单时限",
  "zero-score-orders": "0 分工单",
} as const;

export const ServiceLevelMetric = namedEnum(
  ["sign-rate", "dispatch-rate", "on-time-close-rate", "feedback-rate", "response-rate", "dispatch-within-minutes", "zero-score-orders", "other"],
  { ...SERVICE_LEVEL_METRIC_NAMES, other: "其他指标" },
);

export const ServiceLevel = z.strictObject({
  id: z.string().min(1),
  clause: ClauseRef.optional(),
  metric: ServiceLevelMetric.meta({
    description:
      "sign-rate 签收率, dispatch-rate 转办率, on-time-close-rate 按时办结率, feedback-rate 反馈率, response-rate 响应率, dispatch-within-minutes N 分钟内派单, zero-score-orders 不得出现 0 分工单",
  }),
  target: Percent.optional(),
  minutes: z.number().int().positive().optional(),
  maxCount: z.number().int().nonnegative().optional(),
  penaltyClause: ClauseRef.optional().meta({ description: "未达标时适用的违约条款" }),
  text: Verbatim,
});

/** How often a deliverable is due, in Chinese. */
export const DELIVERABLE_FREQUENCY_NAMES = {
  daily: "每日",
  weekly: "每周",
  monthly: "每月",
  quarterly: "每季度",
  yearly: "每年",
  once: "一次性",
  "on-request": "按甲方要求",
} as const;

export const DeliverableFrequency = namedEnum(["daily", "weekly", "monthly", "quarterly", "yearly", "once", "on-request"], DELIVERABLE_FREQUENCY_NAMES);

export const Deliverable = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  frequency: DeliverableFrequency,
  clause: ClauseRef.optional(),
  due: z
    .strictObject({
      date: IsoDate.optional().meta({ description: "一次性成果的截止日" }),
      days: z.number().int().nonnegative().optional().meta({ description: "周期结束后多少天内提交" }),
      unit: DayUnit.optional(),
      text: Verbatim.optional(),
    })
    .optional(),
  text: Verbatim.optional(),
});

/** The grade an acceptance must give, when the contract provides for one. */
export const AcceptanceGrading = z.strictObject({
  clause: ClauseRef.optional(),
  levels: z
    .array(z.string().min(1))
    .default([])
    .meta({ description: "合同列明的等级，照原文，由高到低，如 [优秀, 良好, 合格, 不合格]；合同只说“确定验收等级”而未列明的，留空" }),
  text: Verbatim,
});

export const Acceptance = z.strictObject({
  clause: ClauseRef.optional(),
  by: IsoDate.optional().meta({ description: "验收截止日" }),
  reviewDays: z
    .strictObject({ days: z.number().int().positive(), unit: DayUnit })
    .optional()
    .meta({ description: "甲方确认成果的期限" }),
  grading: AcceptanceGrading.optional().meta({ description: "合同约定验收须评定等级时填写；未约定等级的，验收只有合格与不合格" }),
  text: Verbatim,
});

export const Completion = z.strictObject({
  clause: ClauseRef.optional(),
  alternatives: z
    .array(
      z.strictObject({
        days: z.number().int().positive().optional(),
        unit: DayUnit.optional(),
        after: namedEnum(["signed", "effective", "start"], { signed: "合同签订", effective: "合同生效", start: "服务期开始" }).optional(),
        date: IsoDate.optional(),
      }),
    )
    .min(1)
    .meta({ description: "完成期限；原文用“或”连接多个期限时逐一列出" }),
  text: Verbatim,
});

export type Scope = z.infer<typeof Scope>;
export type ServiceLevel = z.infer<typeof ServiceLevel>;
export type Deliverable = z.infer<typeof Deliverable>;
export type Acceptance = z.infer<typeof Acceptance>;
export type AcceptanceGrading = z.infer<typeof AcceptanceGrading>;
export type ClientRight = z.infer<typeof ClientRight>;
export type Completion = z.infer<typeof Completion>;
