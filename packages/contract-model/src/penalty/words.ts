import { formatClause } from "../clauses/index.js";
import { PENALTY_BASE_NAMES, type PenaltyBase } from "../schema/penalties.js";

export const BASE_NAMES: Record<PenaltyBase, string> = PENALTY_BASE_NAMES;

export const SIDE_NAMES = { client: "甲方", vendor: "乙方", either: "违约方" } as const;
export const TERMINATING_SIDE = { client: "甲方", vendor: "乙方", either: "守约方" } as const;

/** A clause id as a reference in the house form (`formatClause`): "8.3" → "第8.3条", "附件一 序号5" → "附件一第5项". */
export function citeClause(clause: string): string {
  return formatClause(clause);
}

/** "第 8.3 条（逾期交付）" */
export function clauseName(p: { clause: string; title?: string | undefined }): string {
  return `${citeClause(p.clause)}${p.title ? `（${p.title}）` : ""}`;
}
