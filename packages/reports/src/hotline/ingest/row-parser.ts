import type { ColumnKey } from "../orders/fields.js";
import {
  parseAppealState,
  parseBooleanCell,
  parseCount,
  parseRequestType,
  parseSatisfaction,
} from "../orders/cell-values.js";
import type { WorkOrder } from "../orders/work-order.js";
import { type Cell, cellText, cellTime } from "./cell.js";
import type { ColumnLayout } from "./column-layout.js";
import type { RowProblem, RowProblemCode } from "./errors.js";

export type RowParser = (cells: readonly Cell[]) => WorkOrder | RowProblem;

export function isRowProblem(value: WorkOrder | RowProblem): value is RowProblem {
  return (value as Partial<RowProblem>).code !== undefined;
}

/**
 * Builds the cell → WorkOrder conversion for one file's layout. Hand-written checks
 * instead of a zod parse per row (ingestion must handle a million rows in seconds);
 * the tests hold the output against the WorkOrder schema.
 */
export function createRowParser(layout: ColumnLayout): RowParser {
  const { index, header } = layout;
  const at = (cells: readonly Cell[], key: ColumnKey): Cell => {
    const i = index[key];
    return i < 0 ? undefined : cells[i];
  };
  const text = (cells: readonly Cell[], key: ColumnKey): string | null => {
    const t = cellText(at(cells, key));
    return t === "" ? null : t;
  };
  const problem = (code: RowProblemCode, key: ColumnKey, cells: readonly Cell[]): RowProblem => ({
    code,
    column: header[key],
    value: cellText(at(cells, key)),
  });

  return (cells) => {
    const orderNo = cellText(at(cells, "orderNo"));
    if (orderNo === "") return problem("missing-order-no", "orderNo", cells);

    const receivedAt = cellTime(at(cells, "receivedAt"), false);
    if (receivedAt === null) return problem("missing-value", "receivedAt", cells);
    if (receivedAt === undefined) return problem("bad-time", "receivedAt", cells);

    const typeText = cellText(at(cells, "requestType"));
    if (typeText === "") return problem("missing-value", "requestType", cells);
    const requestType = parseRequestType(typeText);
    if (requestType === undefined) return problem("unknown-request-type", "requestType", cells);

    const dispatchedAt = cellTime(at(cells, "dispatchedAt"), false);
    if (dispatchedAt === undefined) return problem("bad-time", "dispatchedAt", cells);
    const signedAt = cellTime(at(cells, "signedAt"), false);
    if (signedAt === undefined) return problem("bad-time", "signedAt", cells);
    const dueAt = cellTime(at(cells, "dueAt"), true);
    if (dueAt === undefined) return problem("bad-time", "dueAt", cells);
    const closedAt = cellTime(at(cells, "closedAt"), false);
    if (closedAt === undefined) return problem("bad-time", "closedAt", cells);

    let returnCount = 0;
    const returnText = cellText(at(cells, "returnCount"));
    if (returnText !== "") {
      const n = parseCount(returnText);
      if (n === undefined) return problem("bad-integer", "returnCount", cells);
      returnCount = n;
    }

    let satisfaction: WorkOrder["satisfaction"] = null;
    const satisfactionText = cellText(at(cells, "satisfaction"));
    if (satisfactionText !== "") {
      const s = parseSatisfaction(satisfactionText);
      if (s === undefined) return problem("bad-satisfaction", "satisfaction", cells);
      satisfaction = s;
    }

    // Flags: null when empty; undefined (a problem) when the word is not understood.
    const flag = (key: ColumnKey): boolean | null | undefined => {
      const t = cellText(at(cells, key));
      return t === "" ? null : parseBooleanCell(key, t);
    };
    const extended = flag("extended");
    if (extended === undefined) return problem("bad-boolean", "extended", cells);
    const validFollowUp = flag("validFollowUp");
    if (validFollowUp === undefined) return problem("bad-boolean", "validFollowUp", cells);
    const contacted = flag("contacted");
    if (contacted === undefined) return problem("bad-boolean", "contacted", cells);
    const resolved = flag("resolved");
    if (resolved === undefined) return problem("bad-boolean", "resolved", cells);
    const counted = flag("counted");
    if (counted === undefined) return problem("bad-boolean", "counted", cells);
    const excluded = flag("excluded");
    if (excluded === undefined) return problem("bad-boolean", "excluded", cells);
    const proactive = flag("proactive");
    if (proactive === undefined) return problem("bad-boolean", "proactive", cells);

    return {
      orderNo,
      receivedAt,
      channel: text(cells, "channel"),
      requestType,
      category1: text(cells, "category1"),
      category2: text(cells, "category2"),
      category3: text(cells, "category3"),
      title: text(cells, "title"),
      content: text(cells, "content"),
      district: text(cells, "district"),
      street: text(cells, "street"),
      community: text(cells, "community"),
      handlingUnit: text(cells, "handlingUnit"),
      dispatchedAt,
      signedAt,
      dueAt,
      closedAt,
      returnCount,
      extended: extended === true,
      status: text(cells, "status"),
      result: text(cells, "result"),
      validFollowUp,
      contacted,
      resolved,
      satisfaction,
      counted: counted !== false && excluded !== true,
      appealState: parseAppealState(cellText(at(cells, "appealState"))),
      proactive: proactive === true,
    };
  };
}
