/**
 * Writes the renewed contract's figures and dates into the original YAML document, field by field,
 * so that comments and layout survive. The contract's verbatim texts (`text`) stay as the original
 * printed them; the notes say what changed.
 */
import type { Document } from "yaml";
import { formatPercent } from "../money/index.js";
import type { Contract } from "../schema/contract.js";
import type { Installment } from "../schema/fees.js";
import { replaceValue, yuanValue } from "./yaml-edit.js";

type Path = (string | number)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Sets `path` to `value`, or deletes it when `value` is undefined; nothing when unchanged. */
function put(doc: Document, path: Path, before: unknown, value: unknown): void {
  if (same(before, value)) return;
  if (value === undefined) doc.deleteIn(path);
  else replaceValue(doc, path, value);
}

function basisValue(basis: Installment["basis"]): Record<string, unknown> {
  switch (basis.kind) {
    case "share":
      return { kind: "share", share: formatPercent(basis.share) };
    case "cumulative-share":
      return { kind: "cumulative-share", upTo: formatPercent(basis.upTo) };
    case "fixed":
      return { kind: "fixed", amount: yuanValue(basis.amount) };
    default:
      return { kind: basis.kind };
  }
}

function installments(doc: Document, before: Contract, after: Contract): number[] {
  const printed: number[] = [];
  after.payments.installments.forEach((inst, i) => {
    const old = before.payments.installments[i]!;
    const path = ["payments", "installments", i];
    if (old.printed !== undefined) {
      doc.deleteIn([...path, "printed"]);
      printed.push(inst.id);
    }
    if (!same(old.basis, inst.basis)) doc.setIn([...path, "basis"], doc.createNode(basisValue(inst.basis)));
    if (!same(old.trigger, inst.trigger)) doc.setIn([...path, "trigger"], doc.createNode(inst.trigger));
  });
  return printed;
}

function deadlines(doc: Document, before: Contract, after: Contract): void {
  put(doc, ["acceptance", "by"], before.acceptance?.by, after.acceptance?.by);
  const [was, now] = [before.completion?.alternatives ?? [], after.completion?.alternatives ?? []];
  if (was.length === now.length) {
    now.forEach((alt, k) => {
      put(doc, ["completion", "alternatives", k, "date"], was[k]?.date, alt.date);
    });
  } else if (after.completion === undefined) doc.deleteIn(["completion"]);
  else doc.setIn(["completion", "alternatives"], doc.createNode(now));
  after.deliverables.forEach((d, i) => {
    put(doc, ["deliverables", i, "due", "date"], before.deliverables[i]?.due?.date, d.due?.date);
  });
}

/**
 * Applies the renewed model's structured fields to `doc`: project name and title, installments
 * (printed figures removed, agreed shares, moved dates), billing months, deadlines and penalty
 * sums. Returns the ids of the installments whose printed figures were removed.
 */
export function applyRenewed(doc: Document, before: Contract, after: Contract): { printedRemoved: number[] } {
  put(doc, ["projectName"], before.projectName, after.projectName);
  put(doc, ["title"], before.title, after.title);
  const pricing = (c: Contract) => (c.fees.pricing.kind === "monthly" ? c.fees.pricing.months : undefined);
  put(doc, ["fees", "pricing", "months"], pricing(before), pricing(after));
  const printedRemoved = installments(doc, before, after);
  deadlines(doc, before, after);
  after.penalties.forEach((p, i) => {
    const old = before.penalties[i];
    if (p.kind === "fixed" && old?.kind === "fixed" && p.amount !== old.amount) replaceValue(doc, ["penalties", i, "amount"], yuanValue(p.amount));
  });
  return { printedRemoved };
}
