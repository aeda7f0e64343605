import { chineseDate } from "../schedule/index.js";
import type { Contract } from "../schema/contract.js";
import type { SignatureBlock, SignaturePage } from "../schema/party.js";

/**
 * A date printed on a signature page (the contract's own, or an attachment's) that the validator
 * questions, with what a reprint prints beside it. The reprint keeps the date as signed and notes
 * the question, as it does for printed capitals (see `capitalsCorrections`).
 *
 * - SIGNATURE_DATE_MISMATCH: the date is not the signing date on the cover (an error; a year apart
 *   is most likely a slip of the pen: 2020年3月30日 under a contract signed on 2026年3月30日);
 * - SIGNATURE_DATE_OUTSIDE_TERM: with no signing date on the cover, the date lies more than a
 *   year before the service term or after its end (a warning).
 */
export interface SignatureDateQuery {
  code: "SIGNATURE_DATE_MISMATCH" | "SIGNATURE_DATE_OUTSIDE_TERM";
  severity: "error" | "warning";
  /** Where in the model, as the validator's finding names it: `["signing", "signaturePage", "client", "date"]`. */
  path: readonly (string | number)[];
  /** The date as the model records it (YYYY-MM-DD). */
  date: string;
  /** The validator's finding. */
  message: string;
  /** What a reprint prints beside the date, as an editor's note: 〔注：…，请核对〕. */
  note: string;
}

const SIDES = [
  ["client", "甲方"],
  ["vendor", "乙方"],
] as const;

/** A date a whole year or more before another. */
function yearBefore(date: string, other: string): boolean {
  const year = Number(other.slice(0, 4)) - 1;
  return date <= `${year}${other.slice(4)}`;
}

function query(block: SignatureBlock, path: readonly (string | number)[], where: string, contract: Contract): SignatureDateQuery | undefined {
  const date = block.date;
  if (date === undefined) return undefined;
  const cover = contract.signing.date;
  const { start, end } = contract.term;
  if (cover !== undefined) {
    if (date === cover) return undefined;
    const years = date.slice(0, 4) !== cover.slice(0, 4);
    return {
      code: "SIGNATURE_DATE_MISMATCH",
      severity: "error",
      path,
      date,
      message: `${where}日期为 ${chineseDate(date)}，与封面签订日期 ${chineseDate(cover)} 不一致${years ? "（年份不同，疑为笔误）" : ""}`,
      note: `〔注：签署日期与封面签订日期${chineseDate(cover)}${years ? "年份不同，疑为笔误" : "不一致"}，请核对〕`,
    };
  }
  if (yearBefore(date, start)) {
    return {
      code: "SIGNATURE_DATE_OUTSIDE_TERM",
      severity: "warning",
      path,
      date,
      message: `${where}日期为 ${chineseDate(date)}，早于服务期开始日 ${chineseDate(start)} 一年以上，疑为笔误`,
      note: `〔注：签署日期早于服务期（${chineseDate(start)}起）一年以上，请核对〕`,
    };
  }
  if (date > end) {
    return {
      code: "SIGNATURE_DATE_OUTSIDE_TERM",
      severity: "warning",
      path,
      date,
      message: `${where}日期为 ${chineseDate(date)}，晚于服务期结束日 ${chineseDate(end)}：服务期满后才签署，疑为笔误`,
      note: `〔注：签署日期晚于服务期结束日${chineseDate(end)}，请核对〕`,
    };
  }
  return undefined;
}

function pageQueries(page: SignaturePage | undefined, at: readonly (string | number)[], where: string, contract: Contract): SignatureDateQuery[] {
  const out: SignatureDateQuery[] = [];
  for (const [key, side] of SIDES) {
    const block = page?.[key];
    const found = block === undefined ? undefined : query(block, [...at, key, "date"], `${where}${side}`, contract);
    if (found !== undefined) out.push(found);
  }
  return out;
}

/**
 * Every printed signature date the validator questions: the contract's signature page (甲方, then
 * 乙方), then each attachment's, in the contract's order.
 */
export function signatureDateQueries(contract: Contract): SignatureDateQuery[] {
  return [
    ...pageQueries(contract.signing.signaturePage, ["signing", "signaturePage"], "签署页", contract),
    ...contract.attachments.flatMap((a, i) => pageQueries(a.signaturePage, ["attachments", i, "signaturePage"], `${a.number ?? a.title}签署页`, contract)),
  ];
}
