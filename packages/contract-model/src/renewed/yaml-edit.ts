/** Small edits on a parsed contract YAML document that keep its comments and layout. */
import { type Document, isMap, isNode, isScalar, isSeq } from "yaml";
import { type Fen, fenToDecimal, formatPercent } from "../money/index.js";
import type { RenewalPolicy } from "../schema/renewal.js";

/** The keys that follow `renewal` in a contract, in the schema's order. */
const AFTER_RENEWAL = ["dispute", "copies", "attachments", "body", "notes"];

/** An amount as a contract YAML writes it: a plain number when whole yuan, else "1943150.50". */
export function yuanValue(fen: Fen): number | string {
  const yuan = fen / 100;
  return Number.isInteger(yuan) && yuan < 1e15 ? yuan : fenToDecimal(fen);
}

/** A policy in the form the schema reads (percentages as "10%"). */
export function policyValue(policy: RenewalPolicy): Record<string, unknown> {
  return {
    allowed: policy.allowed,
    maxRenewals: policy.maxRenewals,
    maxTotalYears: policy.maxTotalYears,
    maxIncrease: formatPercent(policy.maxIncrease),
    increaseBase: policy.increaseBase,
    withinBudget: policy.withinBudget,
    sources: policy.sources.map((s) => (s.text === undefined ? { title: s.title } : { title: s.title, text: s.text })),
  };
}

/** Sets a value; a comment on the old value ("# 原文如此") spoke of it and goes with it. */
export function replaceValue(doc: Document, path: readonly (string | number)[], value: unknown): void {
  doc.setIn(path, value);
  const node = doc.getIn(path, true);
  if (isNode(node)) node.comment = null;
}

/** Adds the top-level `renewal` key where the schema puts it, with a blank line before it. */
export function insertRenewal(doc: Document, value: unknown): void {
  const root = doc.contents;
  if (!isMap(root)) throw new TypeError("contract YAML is not a mapping");
  const pair = doc.createPair("renewal", value);
  if (isScalar(pair.key)) pair.key.spaceBefore = true;
  const at = root.items.findIndex((p) => isScalar(p.key) && AFTER_RENEWAL.includes(String(p.key.value)));
  root.items.splice(at < 0 ? root.items.length : at, 0, pair);
}

/** Appends entries to the top-level `notes` list, creating it when absent. */
export function appendNotes(doc: Document, notes: readonly string[]): void {
  if (notes.length === 0) return;
  if (isSeq(doc.get("notes", true))) {
    for (const note of notes) doc.addIn(["notes"], note);
  } else {
    doc.set("notes", doc.createNode([...notes]));
  }
}
