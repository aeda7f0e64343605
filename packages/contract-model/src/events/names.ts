import type { EventName } from "./schema.js";

/** Each ledger event in the words a contract manager uses. */
export const EVENT_NAMES: Record<EventName, string> = {
  signed: "合同签订",
  "funds-received": "财政资金到位",
  "invoice-issued": "开具发票",
  "payment-received": "收到付款",
  "acceptance-passed": "验收合格",
  "audit-completed": "结算评审 / 审计完成",
  "deliverable-submitted": "提交成果",
  "meeting-missed": "未按时参加工作会议",
  "manager-changed": "更换项目负责人",
  "sla-breach": "未达到服务标准",
  "renewal-signed": "签订续签合同",
  terminated: "合同解除",
  note: "备注",
};
