import { z } from "zod";
import { isLocalDateTime } from "./local-time.js";

/** 诉求类型 as the assessment counts them. */
export const REQUEST_TYPES = ["咨询", "求助", "投诉", "举报", "建议", "表扬"] as const;
export const RequestType = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof RequestType>;

/** 满意度 at a valid follow-up visit. */
export const SATISFACTION_LEVELS = ["满意", "基本满意", "不满意"] as const;
export const Satisfaction = z.enum(SATISFACTION_LEVELS);
export type Satisfaction = z.infer<typeof Satisfaction>;

/** Beijing wall-clock time `YYYY-MM-DD HH:mm[:ss]`, never converted through a time zone. */
export const LocalDateTime = z
  .string()
  .refine(isLocalDateTime, { message: "应为 YYYY-MM-DD HH:mm[:ss] 格式的北京时间" });
export type LocalDateTime = z.infer<typeof LocalDateTime>;

const text = z.string().min(1).nullable();
const time = LocalDateTime.nullable();

/**
 * One work order (工单) of a hotline export. Every field is present; what the export
 * does not say is null (or the stated default for flags). This schema is the source
 * of truth for the type; ingestion builds the object by hand for speed and its tests
 * check the result against this schema.
 */
export const WorkOrder = z.object({
  /** 工单编号 */
  orderNo: z.string().min(1),
  /** 受理时间 */
  receivedAt: LocalDateTime,
  /** 来源渠道 (电话, 网络, APP, …) */
  channel: text,
  /** 诉求类型 */
  requestType: RequestType,
  /** 一级 / 二级 / 三级分类 */
  category1: text,
  category2: text,
  category3: text,
  /** 标题 */
  title: text,
  /** 诉求内容 */
  content: text,
  /** 区 */
  district: text,
  /** 街乡镇 */
  street: text,
  /** 社区（村） */
  community: text,
  /** 主办单位 */
  handlingUnit: text,
  /** 派单时间 */
  dispatchedAt: time,
  /** 签收时间 */
  signedAt: time,
  /** 办理时限 */
  dueAt: time,
  /** 办结时间 */
  closedAt: time,
  /** 退单次数 */
  returnCount: z.number().int().nonnegative(),
  /** 是否延期 */
  extended: z.boolean(),
  /** 工单状态 */
  status: text,
  /** 办理结果 */
  result: text,
  /** 是否有效回访; null when the export does not say */
  validFollowUp: z.boolean().nullable(),
  /** 已联系 (响应) */
  contacted: z.boolean().nullable(),
  /** 已解决 */
  resolved: z.boolean().nullable(),
  /** 满意度 */
  satisfaction: Satisfaction.nullable(),
  /** 纳入考核; false for 不纳入考核 orders */
  counted: z.boolean(),
  /** 申诉状态 (申诉中, 申诉通过, …); null when never appealed */
  appealState: text,
  /** 主动治理 / 未诉先办 */
  proactive: z.boolean(),
});
export type WorkOrder = z.infer<typeof WorkOrder>;
export type WorkOrderField = keyof WorkOrder;
