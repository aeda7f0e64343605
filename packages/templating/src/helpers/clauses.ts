import { formatClause } from "@qiyue/contract-model";
import { requireString } from "./args.js";

/**
 * A clause id as stored in the model → the house form of the reference: `二.2(1)` →
 * 第二条第2款第（1）项, `附件一 序号5` → 附件一第5项 (see `formatClause` in
 * `@qiyue/contract-model`). Write `合同{{clauseRef clause}}约定`, never `第 {{clause}} 条`.
 */
export function clauseRef(id: unknown): string {
  return formatClause(requireString("clauseRef", id));
}
