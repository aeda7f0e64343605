import {
  booleanWords,
  parseAppealState,
  parseCount,
  parseRequestType,
  parseSatisfaction,
} from "../orders/cell-values.js";
import type { ColumnKey } from "../orders/fields.js";
import type { WorkOrder } from "../orders/work-order.js";
import { type Cell, cellText, cellTime } from "./cell.js";
import type { ColumnLayout } from "./column-layout.js";
import type { RowProblem, RowProblemCode } from "./errors.js";
import { rowTranslator, type ValueMapping } from "./value-mapping.js";

export type RowParser = (cells: readonly Cell[]) => WorkOrder | RowProblem;

export function isRowProblem(value: WorkOrder | RowProblem): value is RowProblem {
  return (value as Partial<RowProblem>).code !== undefined;
}

/**
 * Builds the cell → WorkOrder conversion for one file's layout. Hand-written checks
 * instead of a zod parse per row (ingestion must handle a million rows in seconds);
 * the tests hold the output against the WorkOrder schema.
 */
export function createRowParser(layout: ColumnLayout, values?: ValueMapping): RowParser {
  const parse = createCellParser(layout);
  const translate = rowTranslator(values, layout.index);
  return translate === undefined ? parse : (cells) => parse(translate(cells));
}

/** What a value problem's message adds: the words understood, and where others can be mapped. */
const ALLOWED: Partial<Record<RowProblemCode, string>> = {
  "bad-boolean": "可识别：是、否、Y、N、1、0、有、无及本列常见写法（如已联系 / 未联系、已解决 / 未解决）",
  "bad-satisfaction": "可识别：满意、非常满意、基本满意、比较满意、不满意、很不满意、非常不满意、未评价",
  "unknown-request-type": "可识别：咨询、求助、投诉、举报、建议、表扬（及求决、意见、感谢、××类）",
};
const MAP_HINT = "其他写法可在列名映射文件的 values 中对应（见 qiyue mapping --help）";

function createCellParser(layout: ColumnLayout): RowParser {
  const { index, header } = layout;
  // Column positions as locals: a keyed lookup per cell is measurable at a million rows.
  const iOrderNo = index.orderNo;
  const iReceivedAt = index.receivedAt;
  const iChannel = index.channel;
  const iRequestType = index.requestType;
  const iCategory1 = index.category1;
  const iCategory2 = index.category2;
  const iCategory3 = index.category3;
  const iTitle = index.title;
  const iContent = index.content;
  const iDistrict = index.district;
  const iStreet = index.street;
  const iCommunity = index.community;
  const iHandlingUnit = index.handlingUnit;
  const iDispatchedAt = index.dispatchedAt;
  const iSignedAt = index.signedAt;
  const iDueAt = index.dueAt;
  const iClosedAt = index.closedAt;
  const iReturnCount = index.returnCount;
  const iExtended = index.extended;
  const iStatus = index.status;
  const iResult = index.result;
  const iValidFollowUp = index.validFollowUp;
  const iContacted = index.contacted;
  const iResolved = index.resolved;
  const iSatisfaction = index.satisfaction;
  const iCounted = index.counted;
  const iExcluded = index.excluded;
  const iAppealState = index.appealState;
  const iProactive = index.proactive;

  const wExtended = booleanWords("extended");
  const wValidFollowUp = booleanWords("validFollowUp");
  const wContacted = booleanWords("contacted");
  const wResolved = booleanWords("resolved");
  const wCounted = booleanWords("counted");
  const wExcluded = booleanWords("excluded");
  const wProactive = booleanWords("proactive");

  const problem = (code: RowProblemCode, key: ColumnKey, cells: readonly Cell[]): RowProblem => {
    const allowed = ALLOWED[code];
    return {
      code,
      column: header[key],
      value: cellText(index[key] < 0 ? undefined : cells[index[key]]),
      ...(allowed === undefined ? {} : { detail: `${allowed}；${MAP_HINT}` }),
    };
  };

  return (cells) => {
    const at = (i: number): Cell => (i < 0 ? undefined : cells[i]);
    const text = (i: number): string | null => optionalText(cells, i);
    const flag = (i: number, words: ReadonlyMap<string, boolean>) => flagCell(cells, i, words);

    const orderNo = cellText(at(iOrderNo));
    if (orderNo === "") return problem("missing-order-no", "orderNo", cells);

    const receivedAt = cellTime(at(iReceivedAt), false);
    if (receivedAt === null) return problem("missing-value", "receivedAt", cells);
    if (receivedAt === undefined) return problem("bad-time", "receivedAt", cells);

    const typeText = cellText(at(iRequestType));
    if (typeText === "") return problem("missing-value", "requestType", cells);
    const requestType = parseRequestType(typeText);
    if (requestType === undefined) return problem("unknown-request-type", "requestType", cells);

    const dispatchedAt = cellTime(at(iDispatchedAt), false);
    if (dispatchedAt === undefined) return problem("bad-time", "dispatchedAt", cells);
    const signedAt = cellTime(at(iSignedAt), false);
    if (signedAt === undefined) return problem("bad-time", "signedAt", cells);
    const dueAt = cellTime(at(iDueAt), true);
    if (dueAt === undefined) return problem("bad-time", "dueAt", cells);
    const closedAt = cellTime(at(iClosedAt), false);
    if (closedAt === undefined) return problem("bad-time", "closedAt", cells);

    let returnCount = 0;
    const returnText = cellText(at(iReturnCount));
    if (returnText !== "") {
      const n = parseCount(returnText);
      if (n === undefined) return problem("bad-integer", "returnCount", cells);
      returnCount = n;
    }

    let satisfaction: WorkOrder["satisfaction"] = null;
    const satisfactionText = cellText(at(iSatisfaction));
    if (satisfactionText !== "") {
      const s = parseSatisfaction(satisfactionText);
      if (s === undefined) return problem("bad-satisfaction", "satisfaction", cells);
      satisfaction = s;
    }

    const extended = flag(iExtended, wExtended);
    if (extended === undefined) return problem("bad-boolean", "extended", cells);
    const validFollowUp = flag(iValidFollowUp, wValidFollowUp);
    if (validFollowUp === undefined) return problem("bad-boolean", "validFollowUp", cells);
    const contacted = flag(iContacted, wContacted);
    if (contacted === undefined) return problem("bad-boolean", "contacted", cells);
    const resolved = flag(iResolved, wResolved);
    if (resolved === undefined) return problem("bad-boolean", "resolved", cells);
    const counted = flag(iCounted, wCounted);
    if (counted === undefined) return problem("bad-boolean", "counted", cells);
    const excluded = flag(iExcluded, wExcluded);
    if (excluded === undefined) return problem("bad-boolean", "excluded", cells);
    const proactive = flag(iProactive, wProactive);
    if (proactive === undefined) return problem("bad-boolean", "proactive", cells);

    return {
      orderNo,
      receivedAt,
      channel: text(iChannel),
      requestType,
      category1: text(iCategory1),
      category2: text(iCategory2),
      category3: text(iCategory3),
      title: text(iTitle),
      content: text(iContent),
      district: text(iDistrict),
      street: text(iStreet),
      community: text(iCommunity),
      handlingUnit: text(iHandlingUnit),
      dispatchedAt,
      signedAt,
      dueAt,
      closedAt,
      returnCount,
      extended: extended === true,
      status: text(iStatus),
      result: text(iResult),
      validFollowUp,
      contacted,
      resolved,
      satisfaction,
      counted: counted !== false && excluded !== true,
      appealState: parseAppealState(cellText(at(iAppealState))),
      proactive: proactive === true,
    };
  };
}

function optionalText(cells: readonly Cell[], i: number): string | null {
  const t = i < 0 ? "" : cellText(cells[i]);
  return t === "" ? null : t;
}

/** A flag: null when empty; undefined (a problem) when the word is not understood. */
function flagCell(cells: readonly Cell[], i: number, words: ReadonlyMap<string, boolean>): boolean | null | undefined {
  const t = i < 0 ? "" : cellText(cells[i]);
  return t === "" ? null : words.get(t);
}
