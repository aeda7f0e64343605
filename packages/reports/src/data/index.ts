import { Contract, computeSchedule, contractStatus, type LedgerEvent, paymentDeductions } from "@qiyue/contract-model";
import { z } from "zod";
import { type ThemeName, themeNames } from "@qiyue/document";
import { type DataPart, TemplateInputs } from "@qiyue/templating";
import { DeliverableView, deliverableViews, ServiceLevelView, serviceLevelViews } from "./acceptance.js";
import { PaymentView, paymentView } from "./payment.js";
import { RenewalView, renewalView } from "./renewal.js";
import { ScheduleView, scheduleView } from "./schedule.js";
import { SignatoryView, signatoryViews } from "./signatures.js";
import { PendingItem, PendingList } from "./pending.js";
import { plain } from "./text.js";

export { splitTax, type PaymentView } from "./payment.js";
export type { RenewalView } from "./renewal.js";
export type { ScheduleRowView, ScheduleView } from "./schedule.js";
export type { SignatoryView } from "./signatures.js";
export { present } from "./text.js";
export { formatPending, PendingItem, PendingList, pendingText } from "./pending.js";
export type { DeliverableView, ServiceLevelView } from "./acceptance.js";

const SIGNATURE_PAGE = /签署页|签字页|签章页/;
const SIGNING_WORDS = /盖章|签章|签字|公章|以下无正文/;

/**
 * The body section that is the printed signature page: one headed as such, or the last
 * section when it holds the seals and signatures. Templates print their own signature block
 * from the parties and signing data in its place.
 */
function isSignaturePage(section: Contract["body"][number], last: boolean): boolean {
  if (section.heading !== undefined && SIGNATURE_PAGE.test(section.heading)) return true;
  return last && section.heading === undefined && SIGNING_WORDS.test(section.text);
}

/**
 * What every template made from a contract sees. Plain JSON: no functions, no prototypes, no
 * clock. The schema is the one description of it: the type below, and (with the parts other
 * documents add, see `TemplateData`) what `qiyue templates check` checks every `{{field}}` of a
 * template against.
 */
export const BaseTemplateData = z.strictObject({
  contract: Contract,
  schedule: ScheduleView,
  serviceLevels: z.array(ServiceLevelView),
  deliverables: z.array(DeliverableView),
  /** Both sides' signature blocks as the contract prints them. */
  signatories: z.array(SignatoryView),
  /** The contract's body in order; `signaturePage` marks a section that is the printed signature page. */
  sections: z.array(z.strictObject({ heading: z.string().optional(), text: z.string(), signaturePage: z.boolean() })),
  inputs: TemplateInputs,
  options: z.strictObject({ theme: z.enum(themeNames as [ThemeName, ...ThemeName[]]), toc: z.boolean() }),
  /**
   * What the contract leaves open and the document prints as 【待确认：…】 instead of computing
   * it, in the order found; the command warns with each (and `--strict` exits 1).
   */
  pending: z.array(PendingItem),
  /** Present when the template takes `installment`. */
  payment: PaymentView.optional(),
  /** Present when the template takes `increase`, `amount` or `years`. */
  renewal: RenewalView.optional(),
});
export type BaseTemplateData = z.infer<typeof BaseTemplateData>;

/**
 * The parts of BaseTemplateData that exist only when a template's manifest declares the inputs
 * they are computed from (see buildTemplateData); every other part is always present.
 */
export const BASE_DATA_PARTS: Readonly<Record<string, DataPart>> = {
  payment: { inputs: ["installment"], why: "模板清单（manifest.yaml）未声明 installment，模板收不到 payment" },
  // planned whenever a renewal input is declared (years has a default)
  renewal: { inputs: ["increase", "amount", "years"], why: "模板清单（manifest.yaml）未声明 increase、amount 或 years，模板收不到 renewal", whenDeclared: true },
};

export interface DataRequest {
  contract: Contract;
  inputs: TemplateInputs;
  /** Which computed parts the template declared it needs. */
  needs: { payment: boolean; renewal: boolean };
  options: { theme: ThemeName; toc: boolean };
  /** What happened so far (an events ledger) and the date to read it at: deductions on a payment request. */
  ledger?: { events: readonly LedgerEvent[]; asOf: string };
}

/** Builds the data of one document from the contract and the template's inputs. */
export function buildTemplateData({ contract, inputs, needs, options, ledger }: DataRequest): BaseTemplateData {
  // builders record here what they leave open; `data.pending` is the same array
  const pending = new PendingList();
  const schedule = scheduleView(computeSchedule(contract));
  const data: BaseTemplateData = {
    contract: plain(contract),
    schedule,
    serviceLevels: serviceLevelViews(contract),
    deliverables: deliverableViews(contract),
    signatories: plain(signatoryViews(contract)),
    sections: plain(contract.body.map((s, i) => ({ ...s, signaturePage: isSignaturePage(s, i === contract.body.length - 1) }))),
    inputs: plain(inputs),
    options,
    pending: pending.items,
  };
  if (needs.payment && inputs.installment !== undefined) {
    const row = schedule.rows[inputs.installment - 1];
    let withLedger: Parameters<typeof paymentView>[3];
    if (ledger && row) {
      const status = contractStatus(contract, ledger.events, ledger.asOf);
      withLedger = { deductions: paymentDeductions(status.penalties, status.installments, row.key), asOf: ledger.asOf };
    }
    data.payment = plain(paymentView(contract, schedule, inputs.installment, withLedger, pending));
  }
  if (needs.renewal) data.renewal = renewalView(contract, inputs, pending);
  return data;
}
