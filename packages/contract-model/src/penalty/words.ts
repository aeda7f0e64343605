import type { PenaltyBase } from "../schema/penalties.js";

export const BASE_NAMES: Record<PenaltyBase, string> = {
  "contract-total": "合同总价款",
  "overdue-amount": "逾期应付款",
  "monthly-fee": "当月服务费",
  "paid-amount": "已支付金额",
  "unserved-amount": "未提供服务期间的价款",
};

export const SIDE_NAMES = { client: "甲方", vendor: "乙方", either: "违约方" } as const;
export const TERMINATING_SIDE = { client: "甲方", vendor: "乙方", either: "守约方" } as const;

export const KIND_NAMES = {
  "per-day": "按日计",
  "per-occurrence": "按次计固定金额",
  "per-occurrence-share": "按次计基数的比例",
  share: "按基数的比例",
  "share-range": "按基数的比例区间",
  fixed: "固定金额",
  other: "无可计算的金额",
} as const;

/** "第 8.3 条（逾期交付）" */
export function clauseName(p: { clause: string; title?: string | undefined }): string {
  return `第 ${p.clause} 条${p.title ? `（${p.title}）` : ""}`;
}
