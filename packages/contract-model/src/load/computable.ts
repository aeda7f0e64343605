/**
 * What a contract needs before anything is computed from it (a status, penalties, deadlines, a
 * document): a term that runs forwards. `qiyue validate` reports such a mistake among the
 * others; a command that computes stops at it, blaming the contract where the date is written,
 * before a ledger or a template is blamed for what follows from it.
 */
import { ContractLoadError } from "../errors/index.js";
import type { Contract } from "../schema/contract.js";
import type { LoadedContract } from "./load-contract.js";

export function requireComputable(loaded: LoadedContract): Contract {
  const { start, end } = loaded.contract.term;
  if (start <= end) return loaded.contract;
  const at = loaded.locate(["term", "end"]);
  throw new ContractLoadError(loaded.file, [
    {
      code: "TERM_ORDER",
      message: `服务期结束日 ${end} 早于开始日 ${start}：无法据此计算付款、成果和期限（qiyue validate 列出合同的全部问题）`,
      path: "term.end",
      file: loaded.file,
      ...(at ? { line: at.line, column: at.column } : {}),
    },
  ]);
}
